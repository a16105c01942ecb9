package org.calibra.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One application node's audit appends, for {@link AuditChainAcrossNodesIT}: several threads append through the real
 * {@link AuditLog}, each append in its own transaction as the app does. Runs in the test's JVM and, through
 * {@link #main}, in a second JVM against the same database.
 */
final class AuditAppenderNode implements AutoCloseable {

    private final String node;
    private final HikariDataSource dataSource;
    private final AuditLog log;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    AuditAppenderNode(String node, String jdbcUrl, String user, String password, int connections) {
        this.node = node;
        var config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(connections);
        this.dataSource = new HikariDataSource(config);
        this.jdbc = new JdbcTemplate(dataSource);
        this.log = new AuditLog(jdbc, Clock.systemUTC());
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** {@code threads} threads append {@code perThread} entries each, all starting together; fails if any append fails. */
    void append(int threads, int perThread) throws Exception {
        append(threads, perThread, null);
    }

    /**
     * As {@link #append(int, int)}, racing {@code otherNode}: after its first entry each thread waits until the other
     * node has appended since this call began, so the two nodes' entries interleave however fast either one is (ADR 0037
     * made an append short enough for one node to finish before the other had started).
     */
    void append(int threads, int perThread, String otherNode) throws Exception {
        long baseline = jdbc.queryForObject("select coalesce(max(seq), 0) from audit_entry", Long.class);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        int n = i;
                        tx.executeWithoutResult(s -> log.append("test.cluster", null, "node:" + node, "10.0.0." + thread,
                                Map.of("thread", thread, "n", n)));
                        if (i == 0 && otherNode != null) {
                            awaitEntryFrom(otherNode, baseline);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitEntryFrom(String otherNode, long after) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (jdbc.queryForObject("select count(*) from audit_entry where subject = ? and seq > ?", Long.class, "node:" + otherNode, after) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node " + otherNode + " appended nothing within 2 minutes");
            }
            Thread.sleep(5); // polling the shared database, the only channel between the two JVMs
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /**
     * {@code NODE JDBC-URL USER PASSWORD THREADS PER-THREAD OTHER-NODE}: says "ready", appends (racing OTHER-NODE) after a
     * "go" line on stdin, then says "done".
     */
    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[4]);
        try (var node = new AuditAppenderNode(args[0], args[1], args[2], args[3], threads)) {
            System.out.println("ready");
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!"go".equals(in.readLine())) {
                System.exit(3);
            }
            node.append(threads, Integer.parseInt(args[5]), args[6]);
            System.out.println("done");
        } catch (Exception e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
        System.exit(0);
    }
}
