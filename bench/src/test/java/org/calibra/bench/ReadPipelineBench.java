package org.calibra.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.calibra.CalibraApplication;
import org.calibra.reading.ModuleCaseEntry;
import org.calibra.reading.ReadRejectedException;
import org.calibra.reading.ReadSubmission;
import org.calibra.reading.ReadingService;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What it costs to submit a read through the whole pipeline (check, store, score against the truth,
 * recompute module metrics, evaluate thresholds, issue certificates) compared with the bare cost of
 * writing the same rows with JDBC, on the same database in the same run. Prints a Markdown table and
 * writes it to target/bench/read-pipeline.md. Run with bench/run.sh. It asserts that the bench worked (every read it
 * times is stored and scored, every bare insert stored), never how fast. {@code -Dbench.smoke=true} (the default in
 * {@code ./calibra test}, see bench/README.md): 2 trainees after 1 warm-up trainee, and only the content they read
 * (the demo curriculum and its cases, not the synthetic library), so its two apps start much faster.
 */
class ReadPipelineBench {

    static final boolean SMOKE = Boolean.getBoolean("bench.smoke");
    static final int TRAINEES = Integer.getInteger("bench.trainees", SMOKE ? 2 : 150);
    static final int WARMUP_TRAINEES = SMOKE ? 1 : 20;
    private static final List<String> PROFILES = new ArrayList<>(List.of("SQL statements per timed submission (StatementCount):", "",
            "| database | round trips per read | of which rows sent in batches |", "|---|---|---|"));
    /** Statements sent inside the timed submissions of the current run (one thread, so nothing else is counted). */
    private static long submitTrips;
    private static long submitBatchedRows;
    private static final List<String> CONCURRENT = new ArrayList<>();
    private static final List<String> ROWS = new ArrayList<>();
    /** The SQL of one traced submission per database, in the order it was sent. */
    private static final List<List<String>> TRACED = new ArrayList<>();
    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    @Test
    void submit_reads_through_the_pipeline_and_as_bare_inserts() throws Exception {
        try {
            run("H2 (file)", new String[] {"--calibra.data-dir=" + Files.createTempDirectory("bench-h2")}, false);
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
                run("PostgreSQL 18 (embedded)", new String[] {"--spring.profiles.active=postgres",
                        "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres", "--calibra.data-dir=" + Files.createTempDirectory("bench-pg"),
                        "--calibra.demo-users.enabled=true", "--calibra.secrets.key=" + freshKeyEncryptionKey()}, true);
            }
        } finally { // what was measured is written even when a later part fails
            writeResults();
        }
    }

    private static void writeResults() throws IOException {
        String table = String.join("\n", List.of(
                "| database | reads | pipeline reads/s | pipeline p50 ms | p95 ms | p99 ms | bare insert reads/s | bare p50 ms | bare p99 ms | pipeline / bare (p50) | (p99) |",
                "|---|---|---|---|---|---|---|---|---|---|---|")) + "\n" + String.join("\n", ROWS) + "\n";
        System.out.println("\n" + table);
        Path out = Path.of("target/bench/read-pipeline.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, (SMOKE ? "Smoke run (sizes too small to mean anything). " : "") + "Measured " + Instant.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, load average " + loadAverage() + ", " + TRAINEES
                + " trainees x all cases, one thread; only ReadingService.submit is timed.\n\n" + table + "\n" + String.join("\n", PROFILES));
        Files.writeString(Path.of("target/bench/concurrent-submissions.md"), (SMOKE ? "Smoke run (sizes too small to mean anything). " : "")
                + "Measured " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, load average " + loadAverage()
                + ".\n\n" + ConcurrentSubmitters.HEADER + "\n" + String.join("\n", CONCURRENT) + "\n");
        StringBuilder sql = new StringBuilder("The SQL of the third timed submission of the first bench trainee, per database, in order:\n");
        for (List<String> one : TRACED) {
            sql.append("\n").append(one.size()).append(" statements:\n");
            one.forEach(line -> sql.append("  ").append(line).append('\n'));
        }
        Files.writeString(Path.of("target/bench/submit-sql.txt"), sql);
        System.out.println(Files.readString(out));
        System.out.println(Files.readString(Path.of("target/bench/concurrent-submissions.md")));
    }

    /** The app, with its SQL statements counted (bench only). */
    static SpringApplication application() {
        var application = new SpringApplication(CalibraApplication.class);
        application.addInitializers(new StatementCount());
        return application;
    }

    /** The postgres profile requires a key-encryption key (ADR 0030): a throwaway one for this run's database. */
    private static String freshKeyEncryptionKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private static void run(String name, String[] args, boolean postgres) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--server.port=0", "--logging.level.root=warn"));
        if (SMOKE || Boolean.getBoolean("bench.demo-content")) { // the demo content only: much faster app starts
            Path content = demoContent();
            all.addAll(List.of("--calibra.content.cases-dir=" + content.resolve("cases"), "--calibra.content.curricula-dir=" + content.resolve("curricula")));
        }
        try (ConfigurableApplicationContext app = application().run(all.toArray(String[]::new))) {
            pipeline(app, "warm", WARMUP_TRAINEES);
            bare(app, WARMUP_TRAINEES * 7);
            submitTrips = 0;
            submitBatchedRows = 0;
            long[] pipeline = pipeline(app, "bench", TRAINEES);
            long[] bare = bare(app, pipeline.length);
            PROFILES.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f |", name, (double) submitTrips / pipeline.length,
                    (double) submitBatchedRows / pipeline.length));
            ROWS.add(String.format(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %.2f | %.0f | %.2f | %.2f | %.1f× | %.1f× |", name, pipeline.length,
                    perSecond(pipeline), ms(pipeline, 0.50), ms(pipeline, 0.95), ms(pipeline, 0.99), perSecond(bare), ms(bare, 0.50),
                    ms(bare, 0.99), ms(pipeline, 0.50) / ms(bare, 0.50), ms(pipeline, 0.99) / ms(bare, 0.99)));
            if (postgres) {
                CONCURRENT.add(ConcurrentSubmitters.run(app, name));
            }
        }
    }

    /**
     * Each trainee reads every case of the demo module correctly; returns each submission's nanoseconds. Only
     * {@code ReadingService.submit} is timed: starting the attempt and building the submission from the case's truth
     * (what the reading view has in hand already) happen before the clock starts.
     */
    private static long[] pipeline(ConfigurableApplicationContext app, String prefix, int trainees) {
        var jdbc = app.getBean(JdbcTemplate.class);
        var reading = app.getBean(ReadingService.class);
        long readsBefore = count(jdbc, "trainee_read");
        long scoresBefore = count(jdbc, "read_score");
        List<Long> times = new ArrayList<>();
        for (int t = 0; t < trainees; t++) {
            String user = prefix + "-" + t;
            TestAccounts.create(app, user, Role.RESIDENT);
            SignedIn.as(user, "RESIDENT");
            var scenario = new ReadingScenario(app);
            for (ModuleCaseEntry entry : scenario.cases()) {
                if (scenario.cases().stream().noneMatch(e -> e.caseVersionId() == entry.caseVersionId() && !e.isRead())) {
                    continue;
                }
                reading.startOrResume(scenario.module().id());
                ReadSubmission submission = scenario.submission(entry, true);
                long trips = StatementCount.ROUND_TRIPS.get();
                long rows = StatementCount.BATCHED_ROWS.get();
                boolean traced = prefix.equals("bench") && t == 0 && times.size() == 2; // a mid-attempt read, profiled statement by statement
                if (traced) {
                    StatementCount.TRACE.set(new ArrayList<>());
                }
                long start = System.nanoTime();
                try {
                    reading.submit(submission);
                } catch (ReadRejectedException attemptOver) {
                    continue; // the module was passed before the last case: nothing more to read
                } finally {
                    if (traced) {
                        TRACED.add(StatementCount.TRACE.get());
                        StatementCount.TRACE.remove();
                    }
                }
                times.add(System.nanoTime() - start);
                submitTrips += StatementCount.ROUND_TRIPS.get() - trips;
                submitBatchedRows += StatementCount.BATCHED_ROWS.get() - rows;
            }
            SignedIn.clear();
        }
        long stored = count(jdbc, "trainee_read") - readsBefore;
        long scored = count(jdbc, "read_score") - scoresBefore;
        if (times.isEmpty() || stored != times.size() || scored != stored) {
            throw new IllegalStateException(prefix + ": " + times.size() + " reads submitted through the pipeline, " + stored + " stored, "
                    + scored + " scored; the bench needs at least one, each stored and scored");
        }
        return times.stream().mapToLong(Long::longValue).toArray();
    }

    /** The same rows (read, one mark, score, two score items) written with plain JDBC in one transaction each. */
    private static long[] bare(ConfigurableApplicationContext app, int n) {
        var jdbc = app.getBean(JdbcTemplate.class);
        var tx = app.getBean(TransactionTemplate.class);
        long attempt = jdbc.queryForObject("select min(id) from module_attempt", Long.class);
        long user = jdbc.queryForObject("select user_id from module_attempt where id = ?", Long.class, attempt);
        long version = jdbc.queryForObject("select min(id) from case_version", Long.class);
        long bareBefore = jdbc.queryForObject("select count(*) from trainee_read where phase like 'bare-%'", Long.class);
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            Timestamp now = Timestamp.from(Instant.now());
            String phase = "bare-" + SEQUENCE.incrementAndGet(); // unique (attempt, case, phase) per row
            long start = System.nanoTime();
            tx.executeWithoutResult(s -> {
                jdbc.update("insert into trainee_read (attempt_id, case_version_id, user_id, phase, reading_mode, opened_at, submitted_at, "
                        + "duration_ms, assessment_abnormal, diagnosis, overall_confidence, ai_available, ai_shown_at_open, ai_visible_at_submit, "
                        + "ai_toggle_count) values (?, ?, ?, ?, 'concurrent', ?, ?, 1000, true, 'x', 4, true, true, true, 0)",
                        attempt, version, user, phase, now, now);
                long read = jdbc.queryForObject("select max(id) from trainee_read", Long.class);
                jdbc.update("insert into read_mark (read_id, mark_key, image_index, x, y, label, confidence, placed_at) values (?, 'M1', 0, 1, 1, 'x', 4, ?)", read, now);
                jdbc.update("insert into read_score (read_id, case_outcome, diagnosis_correct, lesions_total, lesions_detected, non_lesion_marks, "
                        + "ai_correct, scorer_version, scored_at) values (?, 'TP', true, 1, 1, 0, true, 'b', ?)", read, now);
                long score = jdbc.queryForObject("select max(id) from read_score", Long.class);
                jdbc.update("insert into score_item (read_score_id, source, item_key, outcome, lesion_key) values (?, 'read', 'M1', 'hit', 'L1')", score);
                jdbc.update("insert into score_item (read_score_id, source, item_key, outcome, lesion_key) values (?, 'lesion', 'L1', 'detected', 'M1')", score);
            });
            times[i] = System.nanoTime() - start;
        }
        long stored = jdbc.queryForObject("select count(*) from trainee_read where phase like 'bare-%'", Long.class) - bareBefore;
        if (stored != n) {
            throw new IllegalStateException("bare inserts: " + n + " reads written, " + stored + " stored");
        }
        return times;
    }

    /** A copy of the curriculum the trainees read (ReadingScenario's first-reads) and of the demo cases, not the synthetic ones. */
    private static Path demoContent() throws IOException {
        return org.calibra.support.ContentCopy.demoOnly("bench-smoke-content");
    }

    /** The machine's 1-minute load average: how shared the cores were while measuring. */
    static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    static double perSecond(long[] nanos) {
        return nanos.length / (Arrays.stream(nanos).sum() / 1e9);
    }

    static double ms(long[] nanos, double q) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.floor(q * s.length))] / 1e6;
    }
}
