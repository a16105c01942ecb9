package org.calibra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM on this test's classpath, standing in for another application node: it runs {@code mainClass} with
 * {@code args}, its output goes to a log file (named in failures), and it can be told things on its standard input.
 */
public final class NodeProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private NodeProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static NodeProcess start(String name, Class<?> mainClass, List<String> args) {
        try {
            Path log = Files.createTempFile("calibra-node-" + name + "-", ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), mainClass.getName()));
            command.addAll(args);
            var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new NodeProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start node " + name, e);
        }
    }

    /** Waits until the node has written {@code line} to its output (as a whole line). */
    public void awaitLine(String line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().lines().anyMatch(line::equals)) {
            if (!process.isAlive()) {
                throw new AssertionError("node " + name + " ended (exit " + process.exitValue() + ") before saying '" + line + "':\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("node " + name + " did not say '" + line + "' within " + timeout + ":\n" + tail());
            }
            Thread.sleep(100);
        }
    }

    /** Sends one line to the node's standard input. */
    public void tell(String line) {
        try {
            Writer in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            in.write(line + "\n");
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write to node " + name, e);
        }
    }

    /** Waits for the node to end and returns its exit status. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("node " + name + " still runs after " + timeout + ":\n" + tail());
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The end of the node's output, for failure messages. */
    public String tail() {
        String out = output();
        return "[" + log + "]\n" + out.substring(Math.max(0, out.length() - 6000));
    }

    /** Stops the node if it still runs; the log stays only when it failed. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) {
                Files.deleteIfExists(log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // a log left in the temp folder is harmless
        }
    }
}
