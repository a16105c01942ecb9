package org.calibra.bench.load;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.calibra.CalibraApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Concurrent readers through the real UI protocol: simulated residents ({@link SimulatedResident}, Vaadin's request
 * protocol over plain HTTP, one virtual thread each) sign in, open the module, load each case's images over DICOMweb and
 * submit reads. The ramp doubles the number of residents reading at once until the p99 of Submit passes
 * {@value #P99_LIMIT_MS} ms (or a stage has errors; at least {@code bench.minStages} stages, so that one node and two
 * can also be compared at equal numbers of residents): first against ONE app node behind HAProxy, then against TWO, both
 * boot jars on one PostgreSQL, in the same run; the ratio of the largest sustained stages is the figure. Afterwards
 * every read the residents submitted is counted in the database (none lost, none twice). Writes
 * target/bench/concurrent-readers.md; run with {@code bash bench/load.sh}.
 * <p>
 * The generator runs on the same cores as the nodes: each stage reports its CPU share, the nodes' and the whole
 * machine's. {@code -Dbench.smoke=true} (in {@code ./calibra test}): one app in this JVM (H2), 2 residents each
 * submitting 1 read with no pauses, asserting the reads are stored — the harness still works; no timing is asserted.
 */
class ConcurrentReadersBench {

    static final boolean SMOKE = Boolean.getBoolean("bench.smoke");
    static final double P99_LIMIT_MS = 500;
    static final int CASES = Integer.getInteger("bench.cases", SMOKE ? 1 : 10);
    static final int[] RESIDENTS = Arrays.stream(System.getProperty("bench.residents", SMOKE ? "2" : "10,20,40,60,80,120,160,240,320,480").split(","))
            .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    static final Duration STAGE = Duration.ofSeconds(Integer.getInteger("bench.stageSeconds", SMOKE ? 60 : 30));
    static final Duration THINK = Duration.ofMillis(Integer.getInteger("bench.thinkMs", SMOKE ? 0 : 1000));
    static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmUpSeconds", 20));
    /** Stages run even past the 500 ms line, so that one node and two can be compared at equal numbers of residents. */
    static final int MIN_STAGES = Integer.getInteger("bench.minStages", 3);
    static final String NODE_HEAP = System.getProperty("bench.nodeHeap", "1g");
    /** Each node on a core of its own (node1 on CPU 0, node2 on CPU 1), so two nodes have twice one node's CPU. */
    static final boolean PIN_NODES = Boolean.getBoolean("bench.pinNodes");

    @Test
    void residents_read_through_the_ui_protocol() throws Exception {
        Path content = LoadContent.write(CASES);
        if (SMOKE) {
            smoke(content);
            return;
        }
        var report = new StringBuilder();
        report.append("Measured ").append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores shared by the load generator (this JVM), HAProxy, PostgreSQL and the app nodes (boot jar, -Xmx")
                .append(NODE_HEAP).append(" each); load average at the start ").append(CpuMeter.loadAverage()).append(". Module of ")
                .append(CASES).append(" radiographs (512×512); each resident: sign in, open the module, Start, then per case load the images ")
                .append("over DICOMweb, mark a finding, answer, Submit, Next case; ").append(THINK.toMillis())
                .append(" ms pause before each action; sign out after the module. Stages of ").append(STAGE.toSeconds())
                .append(" s after a ").append(WARM_UP.toSeconds()).append(" s warm-up; the ramp stops at the first stage with p99 > ")
                .append((int) P99_LIMIT_MS).append(" ms or an error, once at least ").append(MIN_STAGES).append(" stages have run.")
                .append(PIN_NODES ? " Each node pinned to a core of its own (taskset: node1 CPU 0, node2 CPU 1); PostgreSQL, HAProxy and the"
                        + " generator run on either core." : "").append("\n\n");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource db = pg.getPostgresDatabase();
            Path blobs = Files.createTempDirectory("bench-load-blobs");
            List<String> args = List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres", "--calibra.secrets.key=" + freshKey(),
                    "--calibra.storage.blob-dir=" + blobs, "--calibra.content.cases-dir=" + content.resolve("cases"),
                    "--calibra.content.curricula-dir=" + content.resolve("curricula"), "--logging.level.root=warn",
                    // every simulated resident signs in from 127.0.0.1: the per-address sign-in limit would refuse them
                    "--calibra.security.login-rate-limit.capacity=1000000", "--calibra.security.login-rate-limit.per-minute=1000000");
            try (JarNode node1 = JarNode.start("node1", NODE_HEAP, withDataDir(args), PIN_NODES ? 0 : null)) {
                node1.awaitReady(Duration.ofMinutes(10)); // first alone: it migrates the schema and loads the content
                try (JarNode node2 = JarNode.start("node2", NODE_HEAP, withDataDir(args), PIN_NODES ? 1 : null)) {
                    node2.awaitReady(Duration.ofMinutes(10));
                    LoadContent.createResidents(db, "load-", 20_000);
                    long moduleId = LoadContent.moduleId(db);
                    Iterator<String> accounts = LoadStage.accounts("load-", 20_000);
                    long storedBefore = LoadContent.storedReads(db);
                    int submitted = 0;
                    var http = FlowClient.sharedHttp();
                    report.append(LoadStage.Result.HEADER).append('\n');
                    var best = new ArrayList<LoadStage.Result>();
                    var stages = new ArrayList<LoadStage.Result>();
                    for (List<JarNode> nodes : List.of(List.of(node1), List.of(node1, node2))) {
                        String target = nodes.size() == 1 ? "1 node" : nodes.size() + " nodes";
                        try (Haproxy haproxy = Haproxy.start(nodes)) {
                            var cpu = new CpuMeter(() -> List.of(node1.pid(), node2.pid(), haproxy.pid()));
                            var warm = LoadStage.run(target + " (warm-up)", http, haproxy.base(), moduleId, accounts, 10, CASES, Integer.MAX_VALUE,
                                    THINK, WARM_UP, cpu);
                            submitted += warm.reads();
                            report.append(warm.row()).append('\n');
                            LoadStage.Result sustained = null;
                            boolean limitPassed = false;
                            for (int residents : RESIDENTS) {
                                var stage = LoadStage.run(target, http, haproxy.base(), moduleId, accounts, residents, CASES, Integer.MAX_VALUE,
                                        THINK, STAGE, cpu);
                                submitted += stage.reads();
                                stages.add(stage);
                                report.append(stage.row()).append('\n');
                                System.out.println(stage.row() + (stage.firstError() == null ? "" : "  first error: " + stage.firstError()));
                                if (!stage.sustained(P99_LIMIT_MS)) {
                                    limitPassed = true;
                                } else if (!limitPassed) {
                                    sustained = stage; // the largest stage below the line, with every smaller one below it too
                                }
                                if (limitPassed && stages.stream().filter(x -> x.target().equals(target)).count() >= MIN_STAGES) {
                                    if (stage.firstError() != null) {
                                        report.append("\n(first error of that stage: ").append(stage.firstError()).append(")\n\n");
                                    }
                                    break;
                                }
                            }
                            if (sustained != null) {
                                best.add(sustained);
                            }
                        }
                    }
                    long stored = LoadContent.storedReads(db) - storedBefore;
                    report.append("\nReads submitted by the residents: ").append(submitted).append("; stored in the database: ").append(stored)
                            .append(stored == submitted ? " (none lost, none twice)." : " — MISMATCH.").append('\n');
                    report.append(sameLevel(stages));
                    if (best.size() == 2) {
                        var one = best.get(0);
                        var two = best.get(1);
                        report.append(String.format(Locale.ROOT, "%nMost sustained with p99 ≤ %.0f ms: one node %d residents (%.1f reads/s, p99 %.0f ms), "
                                + "two nodes %d residents (%.1f reads/s, p99 %.0f ms): two / one = %.2f× residents, %.2f× reads/s.%n",
                                P99_LIMIT_MS, one.residents(), one.readsPerSecond(), one.p99(), two.residents(), two.readsPerSecond(), two.p99(),
                                (double) two.residents() / one.residents(), two.readsPerSecond() / one.readsPerSecond()));
                    }
                    write(report.toString());
                    if (stored != submitted) {
                        throw new IllegalStateException(submitted + " reads submitted through the UI, " + stored + " stored");
                    }
                }
            }
        }
    }

    /** Two nodes against one at each number of residents both reached: the ratio that does not depend on the 500 ms line. */
    private static String sameLevel(List<LoadStage.Result> stages) {
        var out = new StringBuilder();
        for (var one : stages) {
            for (var two : stages) {
                if (one.target().equals("1 node") && two.target().equals("2 nodes") && one.residents() == two.residents()) {
                    out.append(String.format(Locale.ROOT, "- %d residents: two nodes / one node = %.2f× reads/s, submit p50 %.2f×, p99 %.2f×.%n",
                            one.residents(), two.readsPerSecond() / one.readsPerSecond(), two.p50() / one.p50(), two.p99() / one.p99()));
                }
            }
        }
        return out.isEmpty() ? "" : "\nAt the same number of residents:\n" + out;
    }

    /** Two residents, one read each, against one app started in this JVM: the harness works end to end. */
    private static void smoke(Path content) throws Exception {
        String[] args = {"--server.port=0", "--logging.level.root=warn", "--vaadin.productionMode=true",
                "--calibra.data-dir=" + Files.createTempDirectory("bench-load-data"), "--calibra.demo-users.enabled=false",
                "--calibra.content.cases-dir=" + content.resolve("cases"), "--calibra.content.curricula-dir=" + content.resolve("curricula")};
        try (ConfigurableApplicationContext app = new SpringApplication(CalibraApplication.class).run(args)) {
            DataSource db = app.getBean(DataSource.class);
            URI base = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
            LoadContent.createResidents(db, "smoke-", 2);
            long before = LoadContent.storedReads(db);
            var stage = LoadStage.run("1 node (in this JVM)", FlowClient.sharedHttp(), base, LoadContent.moduleId(db), LoadStage.accounts("smoke-", 2),
                    2, 1, 1, THINK, STAGE, new CpuMeter(List::of));
            long stored = LoadContent.storedReads(db) - before;
            write("Smoke run (sizes too small to mean anything). Measured " + Instant.now() + "\n\n" + LoadStage.Result.HEADER + "\n" + stage.row()
                    + "\n\nStored: " + stored + "\n");
            if (stage.errors() > 0 || stage.reads() != 2 || stored != 2) {
                throw new IllegalStateException("2 residents should each have submitted 1 read through the UI protocol: " + stage.reads()
                        + " submitted, " + stored + " stored, " + stage.errors() + " errors (first: " + stage.firstError() + ")");
            }
        }
    }

    private static List<String> withDataDir(List<String> args) throws IOException {
        var all = new ArrayList<>(args);
        all.add("--calibra.data-dir=" + Files.createTempDirectory("bench-load-node"));
        return all;
    }

    private static void write(String report) throws IOException {
        System.out.println("\n" + report);
        Path out = Path.of("target/bench/concurrent-readers.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** The postgres profile requires a key-encryption key (ADR 0030): a throwaway one, the same for both nodes. */
    private static String freshKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }
}
