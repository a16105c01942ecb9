package org.calibra.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.calibra.reading.ModuleCaseEntry;
import org.calibra.reading.ReadRejectedException;
import org.calibra.reading.ReadSubmission;
import org.calibra.reading.ReadingService;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many trainees submitting reads at once through {@code ReadingService.submit} (what the reading view calls), each on
 * its own thread with its own attempt, all released together; some also send one read twice at the same moment (a
 * double click, from two threads). Afterwards the database is counted: every read the service accepted is stored
 * exactly once with one score, a double submission is stored once, and each attempt's running sums count exactly
 * its stored final reads. Those counts are asserted (correctness, in smoke mode too); the timings never are.
 */
final class ConcurrentSubmitters {

    static final int SUBMITTERS = Integer.getInteger("bench.submitters", ReadPipelineBench.SMOKE ? 8 : 200);
    /** Reads each submitter sends: fewer than the module's minimum of 6, so no attempt ends while others still read. */
    static final int READS_EACH = Integer.getInteger("bench.reads-each", ReadPipelineBench.SMOKE ? 2 : 5);
    /** Submitters whose first read is also sent a second time, at the same moment, from another thread. */
    static final int DOUBLE_CLICKERS = Math.max(1, SUBMITTERS / 10);
    static final String HEADER = String.join("\n",
            "| database | submitters | pool size | reads accepted | reads/s | p50 ms | p99 ms | stored | lost | duplicated | failed (first error) | double clicks: accepted once / refused once |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|");

    private ConcurrentSubmitters() {
    }

    private record Submitter(String user, long userId, List<ReadSubmission> reads) {}

    static String run(ConfigurableApplicationContext app, String database) throws InterruptedException {
        var reading = app.getBean(ReadingService.class);
        var jdbc = app.getBean(JdbcTemplate.class);
        String prefix = "conc" + System.nanoTime() % 100_000 + "-";
        List<Submitter> submitters = new ArrayList<>();
        for (int i = 0; i < SUBMITTERS; i++) { // accounts, attempts and submissions made before the clock starts
            String user = prefix + i;
            TestAccounts.create(app, user, Role.RESIDENT);
            SignedIn.as(user, "RESIDENT");
            var scenario = new ReadingScenario(app);
            reading.startOrResume(scenario.module().id());
            List<ReadSubmission> reads = new ArrayList<>();
            for (ModuleCaseEntry entry : scenario.cases().subList(0, READS_EACH)) {
                reads.add(scenario.submission(entry, true));
            }
            submitters.add(new Submitter(user, jdbc.queryForObject("select id from user_account where username = ?", Long.class, user), reads));
            SignedIn.clear();
        }

        var latencies = new ConcurrentLinkedQueue<Long>();
        var acceptedIds = new ConcurrentLinkedQueue<Long>();
        var errors = new ConcurrentLinkedQueue<String>();
        var pairAccepted = new AtomicInteger(); // of the two sends of a double click: one accepted, the other refused
        var pairRejected = new AtomicInteger();
        var start = new CountDownLatch(1);
        List<Runnable> work = new ArrayList<>();
        for (int i = 0; i < submitters.size(); i++) {
            Submitter s = submitters.get(i);
            boolean doubleClick = i < DOUBLE_CLICKERS;
            work.add(() -> {
                for (int r = 0; r < s.reads().size(); r++) {
                    boolean pair = doubleClick && r == 0;
                    submit(reading, s.user(), s.reads().get(r), latencies, acceptedIds, errors, pair ? pairAccepted : null, pair ? pairRejected : null);
                }
            });
            if (doubleClick) { // the same first read again, on another thread
                work.add(() -> submit(reading, s.user(), s.reads().getFirst(), latencies, acceptedIds, errors, pairAccepted, pairRejected));
            }
        }
        long wall;
        try (ExecutorService pool = Executors.newFixedThreadPool(work.size())) {
            var ready = new CountDownLatch(work.size());
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable r : work) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    await(start);
                    r.run();
                }));
            }
            ready.await();
            long t0 = System.nanoTime();
            start.countDown();
            pool.shutdown();
            if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("concurrent submitters still running after 10 minutes");
            }
            wall = System.nanoTime() - t0;
        }

        // counted in the database afterwards
        Set<Long> userIds = new HashSet<>(submitters.stream().map(Submitter::userId).toList());
        String users = String.join(",", userIds.stream().map(String::valueOf).toList());
        Set<Long> storedIds = new HashSet<>(jdbc.queryForList("select id from trainee_read where user_id in (" + users + ")", Long.class));
        Set<Long> accepted = new HashSet<>(acceptedIds);
        long lost = accepted.stream().filter(id -> !storedIds.contains(id)).count();
        long storedNotAccepted = storedIds.stream().filter(id -> !accepted.contains(id)).count(); // refused or failed, yet stored
        long duplicated = (acceptedIds.size() - accepted.size()) + storedNotAccepted
                + jdbc.queryForObject("select count(*) from (select attempt_id, case_version_id, phase from trainee_read where user_id in (" + users
                        + ") group by attempt_id, case_version_id, phase having count(*) > 1) d", Long.class)
                + jdbc.queryForObject("select count(*) from (select read_id from read_score where read_id in (select id from trainee_read where user_id in ("
                        + users + ")) group by read_id having count(*) > 1) d", Long.class);
        long unscored = jdbc.queryForObject("select count(*) from trainee_read r where r.user_id in (" + users
                + ") and not exists (select 1 from read_score s where s.read_id = r.id)", Long.class);
        long talliesOff = jdbc.queryForObject("select count(*) from module_attempt a left join attempt_tally t on t.attempt_id = a.id where a.user_id in ("
                + users + ") and coalesce(t.final_reads, 0) <> (select count(*) from trainee_read r where r.attempt_id = a.id and r.phase = 'final')", Long.class);
        // a double click stored twice is a duplicate; one whose sends both failed (an error, counted below) is not
        boolean doublesOnce = pairAccepted.get() <= DOUBLE_CLICKERS && (!ReadPipelineBench.SMOKE || pairAccepted.get() == DOUBLE_CLICKERS);
        String problems = (lost > 0 ? lost + " accepted reads not stored; " : "") + (duplicated > 0 ? duplicated + " duplicated; " : "")
                + (unscored > 0 ? unscored + " stored reads without a score; " : "") + (talliesOff > 0 ? talliesOff + " attempts whose running sums miscount; " : "")
                + (!doublesOnce ? "double clicks: " + pairAccepted + " sends accepted and " + pairRejected + " refused, " + DOUBLE_CLICKERS + " each expected; " : "")
                // at full size on a loaded machine a submission may fail waiting for a connection: reported, not lost
                + (ReadPipelineBench.SMOKE && accepted.size() != (long) SUBMITTERS * READS_EACH ? accepted.size() + " reads accepted, "
                        + SUBMITTERS * READS_EACH + " sent; " : "")
                + (ReadPipelineBench.SMOKE && !errors.isEmpty() ? errors.size() + " submissions failed, first: " + errors.peek() : "");
        if (!problems.isEmpty()) {
            throw new IllegalStateException(database + ", " + SUBMITTERS + " concurrent submitters: " + problems);
        }
        long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
        return String.format(Locale.ROOT, "| %s | %d × %d reads (+%d double clicks) | %d | %d | %.0f | %.1f | %.1f | %d | %d | %d | %d%s | %d / %d of %d |",
                database, SUBMITTERS, READS_EACH, DOUBLE_CLICKERS, poolSize(app), accepted.size(), accepted.size() / (wall / 1e9),
                ReadPipelineBench.ms(nanos, 0.50), ReadPipelineBench.ms(nanos, 0.99), storedIds.size(), lost, duplicated, errors.size(),
                errors.isEmpty() ? "" : " (" + errors.peek().replaceAll("^[^:]*: ", "").replace("|", "/") + ")", pairAccepted.get(),
                pairRejected.get(), DOUBLE_CLICKERS);
    }

    private static void submit(ReadingService reading, String user, ReadSubmission read, ConcurrentLinkedQueue<Long> latencies,
                               ConcurrentLinkedQueue<Long> acceptedIds, ConcurrentLinkedQueue<String> errors, AtomicInteger pairAccepted,
                               AtomicInteger pairRejected) {
        SignedIn.as(user, "RESIDENT");
        long t = System.nanoTime();
        try {
            acceptedIds.add(reading.submit(read).readId());
            latencies.add(System.nanoTime() - t);
            if (pairAccepted != null) {
                pairAccepted.incrementAndGet();
            }
        } catch (ReadRejectedException alreadySent) {
            latencies.add(System.nanoTime() - t);
            if (pairRejected != null) {
                pairRejected.incrementAndGet();
            } else {
                errors.add(user + ": refused: " + alreadySent.getMessage());
            }
        } catch (RuntimeException e) {
            errors.add(user + ": " + e);
        } finally {
            SignedIn.clear();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int poolSize(ConfigurableApplicationContext app) {
        try {
            return app.getBean(javax.sql.DataSource.class).unwrap(com.zaxxer.hikari.HikariDataSource.class).getMaximumPoolSize();
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }
}
