package org.calibra.bench.load;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy in front of app nodes, configured from the cluster's own template (scripts/cluster-haproxy.cfg.template:
 * sticky sessions by cookie, readiness checks on the management port), as {@code ./calibra cluster start} runs it.
 * Its request log goes to a file, as in the cluster.
 */
public final class Haproxy implements AutoCloseable {

    private final Process process;
    private final Path dir;
    public final int port;

    private Haproxy(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    public static Haproxy start(List<JarNode> nodes) throws IOException, InterruptedException {
        int port = Ports.free();
        int stats = Ports.free();
        var servers = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            servers.append("    server node").append(i + 1).append(" 127.0.0.1:").append(nodes.get(i).port).append(" check port ")
                    .append(nodes.get(i).managementPort).append(" cookie node").append(i + 1).append('\n');
        }
        // as scripts/cluster.sh fills it in: the servers replace the line that is only @SERVERS@ (the header comment names it too)
        String config = Files.readString(Path.of("scripts/cluster-haproxy.cfg.template")).lines()
                .map(line -> line.strip().equals("@SERVERS@") ? servers.toString().stripTrailing()
                        : line.replace("@FRONTEND_PORT@", String.valueOf(port)).replace("@STATS_PORT@", String.valueOf(stats)))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        Path dir = Files.createTempDirectory("calibra-load-haproxy");
        Files.writeString(dir.resolve("haproxy.cfg"), config);
        var process = new ProcessBuilder("haproxy", "-db", "-f", dir.resolve("haproxy.cfg").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        var haproxy = new Haproxy(process, dir, port);
        haproxy.awaitServersUp(stats, nodes.size());
        return haproxy;
    }

    /** Polls the stats page (CSV) until every server's health check says UP, as the cluster script's status does. */
    private void awaitServersUp(int statsPort, int servers) throws IOException, InterruptedException {
        var http = java.net.http.HttpClient.newHttpClient();
        var csv = java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/;csv")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy ended at start:\n" + Files.readString(dir.resolve("haproxy.log")));
            }
            try {
                last = http.send(csv, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                long up = last.lines().map(l -> l.split(",")).filter(f -> f.length > 17 && f[0].equals("calibra") && f[1].startsWith("node")
                        && f[17].equals("UP")).count();
                if (up == servers) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // polled again
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("HAProxy does not see its " + servers + " servers up within 30 s:\n" + last);
    }

    public long pid() {
        return process.pid();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }
}
