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
    private final TransactionTemplate tx;

    AuditAppenderNode(String node, String jdbcUrl, String user, String password, int connections) {
        this.node = node;
        var config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(connections);
        this.dataSource = new HikariDataSource(config);
        this.log = new AuditLog(new JdbcTemplate(dataSource), Clock.systemUTC());
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** {@code threads} threads append {@code perThread} entries each, all starting together; fails if any append fails. */
    void append(int threads, int perThread) throws Exception {
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

    @Override
    public void close() {
        dataSource.close();
    }

    /** {@code NODE JDBC-URL USER PASSWORD THREADS PER-THREAD}: says "ready", appends after a "go" line on stdin, then says "done". */
    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[4]);
        try (var node = new AuditAppenderNode(args[0], args[1], args[2], args[3], threads)) {
            System.out.println("ready");
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!"go".equals(in.readLine())) {
                System.exit(3);
            }
            node.append(threads, Integer.parseInt(args[5]));
            System.out.println("done");
        } catch (Exception e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
        System.exit(0);
    }
}
