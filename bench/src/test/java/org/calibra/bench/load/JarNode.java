package org.calibra.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One app node as production runs it: the boot jar ({@code target/calibra-*.jar}) in its own JVM, on its own public and
 * management ports, output to a log file. {@link #awaitReady} polls its readiness probe (what HAProxy checks).
 */
public final class JarNode implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    public final int port;
    public final int managementPort;

    private JarNode(String name, Process process, Path log, int port, int managementPort) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    public static Path bootJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("calibra-.*\\.jar") && !p.toString().endsWith("-plain.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no boot jar in target/: the bench runs after 'package'"));
        }
    }

    public static JarNode start(String name, String heap, List<String> args) throws IOException {
        return start(name, heap, args, null);
    }

    /**
     * @param cpu when not null, the node runs on that CPU only ({@code taskset -c}, util-linux): its JVM sizes itself for
     *            one core, as on a machine of its own with one core
     */
    public static JarNode start(String name, String heap, List<String> args, Integer cpu) throws IOException {
        int port = Ports.free();
        int management = Ports.free();
        Path log = Files.createTempFile("calibra-load-" + name + "-", ".log");
        var command = new ArrayList<String>();
        if (cpu != null) {
            command.addAll(List.of("taskset", "-c", cpu.toString()));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-jar", bootJar().toAbsolutePath().toString(), "--server.port=" + port, "--management.server.port=" + management));
        command.addAll(args);
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new JarNode(name, process, log, port, management);
    }

    public long pid() {
        return process.pid();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Waits until the readiness probe answers 200 (content loaded, database reachable), polling with a deadline. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        var http = HttpClient.newHttpClient();
        var probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " ended (exit " + process.exitValue() + ") while starting:\n" + tail());
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // polled again below
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node " + name + " not ready within " + timeout + ":\n" + tail());
            }
            Thread.sleep(500);
        }
    }

    String tail() throws IOException {
        String out = Files.readString(log);
        return "[" + log + "]\n" + out.substring(Math.max(0, out.length() - 4000));
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(log);
    }
}
