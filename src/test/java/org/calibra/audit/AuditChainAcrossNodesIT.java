package org.calibra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.calibra.support.MigratedPostgres;
import org.calibra.support.NodeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes — this JVM and a second one — append to the audit trail of one PostgreSQL at the same time,
 * several threads each. The head row that every append locks in the database lines them up: the chain verifies from
 * the first entry, every entry of both nodes is in it once, and the entries that were there before are unchanged.
 */
class AuditChainAcrossNodesIT {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 60;

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
    void two_nodes_appending_at_once_leave_one_unbroken_chain_with_every_entry() throws Exception {
        try (var here = new AuditAppenderNode("here", url, "postgres", "postgres", THREADS);
             var other = NodeProcess.start("audit", AuditAppenderNode.class,
                     List.of("other", url, "postgres", "postgres", Integer.toString(THREADS), Integer.toString(PER_THREAD), "here"))) {
            here.append(1, 3); // entries that exist before the nodes race
            List<AuditEntry> before = jdbc.query("select " + AuditLog.COLUMNS + " from audit_entry order by seq", AuditLog.ROWS);

            other.awaitLine("ready", Duration.ofMinutes(2));
            other.tell("go");
            here.append(THREADS, PER_THREAD, "other");
            assertThat(other.awaitExit(Duration.ofMinutes(3))).as(other.tail()).isZero();

            var verification = new AuditChain(jdbc).verifyUnchecked();
            assertThat(verification.intact()).as(verification.toString()).isTrue();
            assertThat(verification.entriesChecked()).isEqualTo(before.size() + 2L * THREADS * PER_THREAD);
            assertThat(countFrom("other")).isEqualTo(THREADS * PER_THREAD);
            assertThat(countFrom("here")).isEqualTo(3 + THREADS * PER_THREAD);
            assertThat(jdbc.query("select " + AuditLog.COLUMNS + " from audit_entry where seq <= ? order by seq", AuditLog.ROWS, before.size()))
                    .as("entries written before are untouched").isEqualTo(before);
            // the two nodes really did append at the same time: each one's entries lie between the other's
            var hereSeqs = seqRange("here", before.size());
            var otherSeqs = seqRange("other", 0);
            assertThat(otherSeqs[0]).as("the other node's first entry comes before this node's last").isLessThan(hereSeqs[1]);
            assertThat(hereSeqs[0]).as("this node's first racing entry comes before the other node's last").isLessThan(otherSeqs[1]);
        }
    }

    private int countFrom(String node) {
        return jdbc.queryForObject("select count(*) from audit_entry where subject = ?", Integer.class, "node:" + node);
    }

    private long[] seqRange(String node, long after) {
        return jdbc.queryForObject("select min(seq), max(seq) from audit_entry where subject = ? and seq > ?",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, "node:" + node, after);
    }
}
