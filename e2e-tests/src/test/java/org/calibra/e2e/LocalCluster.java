package org.calibra.e2e;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.calibra.support.MigratedPostgres;
import org.calibra.support.S3Server;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The deployment of docs/deployment.md "Topology" on this machine: app nodes from the boot jar on one PostgreSQL
 * (zonky's embedded one, migrated), sharing one key-encryption key and one S3 bucket (s3proxy), behind HAProxy with the
 * configuration {@code ./calibra cluster} ships (scripts/cluster-haproxy.cfg.template: sticky cookie, readiness checks
 * on the management port, redispatch). Content is the demo curriculum only, to keep the starts short.
 */
final class LocalCluster implements AutoCloseable {

    static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    /** HAProxy's stickiness cookie (the template's {@code cookie CALIBRA_NODE insert}); its value names the node. */
    static final String NODE_COOKIE = "CALIBRA_NODE";
    private static final String CURRICULUM = "ai-reading-foundations";
    private static final Duration NODE_START = Duration.ofMinutes(6);

    private final Path dir;
    private final MigratedPostgres postgres;
    private final Map<String, ClusterNode> nodes = new LinkedHashMap<>();
    private Process haproxy;
    private S3Server s3;
    private int frontendPort;
    private int statsPort;

    private LocalCluster(Path dir, MigratedPostgres postgres) {
        this.dir = dir;
        this.postgres = postgres;
    }

    /** Skips (locally) or fails (CI=true) when HAProxy is not installed, as for the other Debian tools. */
    static void requireHaproxy() {
        if (Files.isExecutable(HAPROXY)) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("HAProxy is not installed, but CI=true: .ci/run must install it (apt-get install haproxy; scripts/test-tools.sh)");
        }
        assumeTrue(false, "HAProxy is not installed (/usr/sbin/haproxy); skipped locally");
    }

    /** Starts {@code count} nodes and, once they are ready, HAProxy in front of them. */
    static LocalCluster start(int count) throws Exception {
        requireHaproxy();
        Path dir = Path.of("target", "failover-e2e").toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        var cluster = new LocalCluster(dir, MigratedPostgres.start());
        try {
            Path content = cluster.demoCurriculumOnly();
            var env = Map.of("CALIBRA_SECRETS_KEY", randomKey()); // one key-encryption key for every node (ADR 0030)
            List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + cluster.postgres.url(),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                    "--calibra.content.cases-dir=" + content.resolve("cases"), "--calibra.content.curricula-dir=" + content.resolve("curricula")));
            args.addAll(cluster.sharedBlobStore());
            Path jar = bootJar();
            for (int i = 1; i <= count; i++) {
                // all at once (the content load and the sealed secrets are cluster-safe, ContentLoadAcrossNodesIT); only
                // node1 creates the demo accounts, which take no cluster lock
                var nodeArgs = new ArrayList<>(args);
                nodeArgs.add("--calibra.demo-users.enabled=" + (i == 1));
                var node = ClusterNode.start("node" + i, jar, dir.resolve("node" + i), env, nodeArgs);
                cluster.nodes.put(node.name, node);
            }
            for (var node : cluster.nodes.values()) {
                node.awaitReady(NODE_START);
            }
            cluster.startHaproxy();
            cluster.awaitStatus(cluster.nodes.keySet(), "UP");
            return cluster;
        } catch (Throwable e) {
            System.err.println(cluster.diagnostics());
            cluster.close();
            throw e;
        }
    }

    /**
     * Where the nodes keep images and other blobs: one S3 bucket on s3proxy ({@link S3Server}), as a cluster of
     * machines would. To run on a shared folder instead: {@code List.of("--calibra.storage.blob-dir=" + dir.resolve("blobs"))}.
     */
    private List<String> sharedBlobStore() throws IOException, InterruptedException {
        s3 = S3Server.start();
        return List.of("--calibra.storage.type=s3", "--calibra.storage.s3.endpoint=" + s3.endpoint(), "--calibra.storage.s3.bucket=" + s3.bucket(),
                "--calibra.storage.s3.region=us-east-1", "--calibra.storage.s3.path-style=true",
                "--calibra.storage.s3.access-key=" + s3.accessKey(), "--calibra.storage.s3.secret-key=" + s3.secretKey());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + frontendPort;
    }

    ClusterNode node(String name) {
        return nodes.get(name);
    }

    JdbcTemplate jdbc() {
        return postgres.jdbc();
    }

    String jdbcUrl() {
        return postgres.url();
    }

    /** Until HAProxy's stats say each named node has {@code status} (UP, DOWN); its health checks run every 2 s. */
    void awaitStatus(java.util.Collection<String> names, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!names.stream().allMatch(n -> status.equals(statuses().get(n)))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("HAProxy does not see " + names + " " + status + " within 30 s: " + statuses());
            }
            Thread.sleep(200);
        }
    }

    /** Each node's status as HAProxy's stats page reports it (its CSV: proxy, server, …, the 18th column the status). */
    Map<String, String> statuses() {
        try {
            String csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/;csv"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return csv.lines().map(l -> l.split(",", -1)).filter(f -> f.length > 17 && f[0].equals("calibra") && nodes.containsKey(f[1]))
                    .collect(Collectors.toMap(f -> f[1], f -> f[17]));
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** The logs' ends (nodes, HAProxy), for a failure to be understood from the test report alone. */
    String diagnostics() {
        var out = new StringBuilder("---- cluster under test (" + dir + ")\n");
        nodes.values().forEach(n -> out.append(n.name).append(n.isAlive() ? " (running)" : " (ended)").append(' ').append(n.tail()).append('\n'));
        Path haproxyLog = dir.resolve("haproxy.log");
        if (Files.exists(haproxyLog)) {
            try {
                String log = Files.readString(haproxyLog);
                out.append("haproxy [").append(haproxyLog).append("]\n").append(log.substring(Math.max(0, log.length() - 4000)));
            } catch (IOException e) {
                out.append("haproxy log unreadable: ").append(e.getMessage());
            }
        }
        return out.toString();
    }

    private void startHaproxy() throws IOException, InterruptedException {
        frontendPort = freePort();
        statsPort = freePort();
        String servers = nodes.values().stream()
                .map(n -> "    server %s 127.0.0.1:%d check port %d cookie %s".formatted(n.name, n.port, n.managementPort, n.name))
                .collect(Collectors.joining("\n"));
        // the template ./calibra cluster fills in (scripts/cluster.sh), so the test proves the configuration that ships
        String config = Files.readString(Path.of("scripts", "cluster-haproxy.cfg.template")).lines()
                .map(l -> l.trim().equals("@SERVERS@") ? servers : l.replace("@FRONTEND_PORT@", Integer.toString(frontendPort))
                        .replace("@STATS_PORT@", Integer.toString(statsPort)))
                .collect(Collectors.joining("\n", "", "\n"));
        Path cfg = Files.writeString(dir.resolve("haproxy.cfg"), config);
        // -db: stay in the foreground (a child of this JVM), logging to its stdout
        haproxy = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (statuses().isEmpty()) {
            if (!haproxy.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("HAProxy did not start with " + cfg);
            }
            Thread.sleep(100);
        }
    }

    /** The foundations curriculum and its cases only: the starter library's synthetic cases would cost each node minutes. */
    private Path demoCurriculumOnly() throws IOException {
        Path content = dir.resolve("content");
        Path curriculum = Path.of("curricula", CURRICULUM + ".yaml");
        Files.createDirectories(content.resolve("curricula"));
        Files.createDirectories(content.resolve("cases"));
        Files.copy(curriculum, content.resolve("curricula").resolve(curriculum.getFileName()));
        JsonNode yaml = YAMLMapper.builder().build().readTree(curriculum.toFile());
        for (JsonNode module : yaml.get("modules")) {
            for (JsonNode caseId : module.get("cases")) {
                Path from = Path.of("cases", caseId.asString());
                Path to = content.resolve("cases").resolve(caseId.asString());
                try (Stream<Path> files = Files.walk(from)) {
                    for (Path f : files.toList()) {
                        Files.copy(f, to.resolve(from.relativize(f).toString()));
                    }
                }
            }
        }
        return content;
    }

    private static Path bootJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("calibra-.*\\.jar") && !p.toString().endsWith("-plain.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no target/calibra-*.jar: run 'package' first (./calibra test does)"))
                    .toAbsolutePath();
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    public void close() throws Exception {
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor(10, TimeUnit.SECONDS);
        }
        for (var node : nodes.values()) {
            node.close();
        }
        if (s3 != null) {
            s3.close();
        }
        postgres.close();
    }
}
