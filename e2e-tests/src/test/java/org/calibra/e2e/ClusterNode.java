package org.calibra.e2e;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Calibra node as an operator runs it: {@code java -jar} on the boot jar the package phase built, configured by
 * arguments and environment, its output in a log file. {@link #kill()} ends it the hard way (SIGKILL).
 */
final class ClusterNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    final int managementPort;
    private final Process process;
    private final Path log;

    private ClusterNode(String name, int port, int managementPort, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
    }

    static ClusterNode start(String name, Path jar, Path home, Map<String, String> env, List<String> args) throws IOException {
        int port = LocalCluster.freePort();
        int managementPort = LocalCluster.freePort();
        Files.createDirectories(home);
        Path log = home.resolve("node.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a small, quickly started JVM: two of them share this machine with the browser and the other journeys' app
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(),
                "--server.port=" + port, "--management.server.port=" + managementPort, "--calibra.data-dir=" + home.resolve("data")));
        command.addAll(args);
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new ClusterNode(name, port, managementPort, builder.start(), log);
    }

    /** Until the readiness probe (what HAProxy checks) answers 200; a node that exits or takes too long fails with its log. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended during start-up (exit " + process.exitValue() + "):\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " was not ready within " + timeout + ":\n" + tail());
            }
            Thread.sleep(250);
        }
    }

    private boolean ready() throws InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** SIGKILL (what destroyForcibly sends on Linux): no shutdown hooks, no graceful close of sessions or connections. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " still runs 10 s after SIGKILL");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The end of the node's log, for failure messages. */
    String tail() {
        try {
            String out = Files.readString(log);
            return "[" + log.toAbsolutePath() + "]\n" + out.substring(Math.max(0, out.length() - 6000));
        } catch (IOException e) {
            return "[" + log.toAbsolutePath() + ": " + e.getMessage() + "]";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
