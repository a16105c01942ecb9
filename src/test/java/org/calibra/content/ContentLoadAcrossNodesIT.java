package org.calibra.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.calibra.support.AppNode;
import org.calibra.support.ContentCopy;
import org.calibra.support.MigratedPostgres;
import org.calibra.support.NodeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes start at the same moment against one empty PostgreSQL, both with content to load. The test
 * holds the content-load lock until both nodes wait for it, so they really do meet there; then both must start, and
 * the database must hold every case and curriculum once — one node loaded, the other found it unchanged.
 */
class ContentLoadAcrossNodesIT {

    static MigratedPostgres postgres;
    static String url;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void database() throws IOException {
        postgres = MigratedPostgres.start();
        url = postgres.url();
        jdbc = postgres.jdbc();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void nodes_starting_together_load_the_content_once() throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from case_version", Integer.class)).isZero();
        try (Connection holder = postgres.connection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("select name from cluster_lock where name = 'content-load' for update");
            try (var first = node("first"); var second = node("second")) {
                awaitBothWaitingForTheLock(first, second);
                holder.commit(); // let go: the nodes now load one after the other

                assertThat(first.awaitExit(Duration.ofMinutes(5))).as(first.tail()).isZero();
                assertThat(second.awaitExit(Duration.ofMinutes(5))).as(second.tail()).isZero();
            }
        }
        int cases = ContentCopy.caseFolders(Path.of("cases"));
        int curricula = curriculumFiles();
        assertThat(jdbc.queryForObject("select count(*) from case_item", Integer.class)).isEqualTo(cases);
        assertThat(jdbc.queryForObject("select count(*) from case_version", Integer.class)).as("one version per case").isEqualTo(cases);
        assertThat(jdbc.queryForObject("select count(*) from curriculum", Integer.class)).isEqualTo(curricula);
        assertThat(jdbc.queryForObject("select count(*) from curriculum_version", Integer.class)).as("one version per curriculum").isEqualTo(curricula);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'curriculum.published'", Integer.class))
                .as("each curriculum published once").isEqualTo(curricula);
    }

    private static NodeProcess node(String name) {
        return NodeProcess.start(name, AppNode.class, List.of("--spring.profiles.active=test,postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres", "--calibra.demo-users.enabled=false",
                "--server.port=0", "--vaadin.productionMode=true"));
    }

    /** Until PostgreSQL shows two sessions blocked on the lock row (a node that ends first fails the test with its output). */
    private static void awaitBothWaitingForTheLock(NodeProcess first, NodeProcess second) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (waitingForTheLock() < 2) {
            for (NodeProcess n : List.of(first, second)) {
                if (!n.isAlive()) {
                    throw new AssertionError("a node ended before it reached the content-load lock:\n" + n.tail());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the nodes did not both wait for the content-load lock:\n" + first.tail() + "\n" + second.tail());
            }
            Thread.sleep(200);
        }
    }

    private static int waitingForTheLock() {
        return jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%cluster_lock%'",
                Integer.class);
    }

    private static int curriculumFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("curricula"))) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".yaml")).count();
        }
    }
}
