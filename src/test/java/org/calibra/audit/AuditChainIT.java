package org.calibra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.security.UserService;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail appends, links every entry to the one before, and the verifier finds a modified entry. */
@IntegrationTest
class AuditChainIT {

    @Autowired ApplicationContext context;
    @Autowired AuditLog log;
    @Autowired AuditChain chain;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired UserService users;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    /** The newest entry: an append outside a transaction commits, and so is chained, when it returns. */
    private AuditEntry lastEntry() {
        return jdbc.query("select " + AuditLog.COLUMNS + " from audit_entry order by seq desc fetch first 1 rows only", AuditLog.ROWS).getFirst();
    }

    @Test
    void a_transactions_entries_are_chained_when_it_commits_and_left_out_when_it_rolls_back() {
        long before = lastEntry().seq();
        tx.executeWithoutResult(status -> {
            log.append("test.tx.first", null, "test:tx", "10.0.0.3", Map.of("n", 1));
            log.append("test.tx.second", null, "test:tx", "10.0.0.3", Map.of("n", 2));
            // queued, not yet chained: the head is taken only at commit
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where action like 'test.tx.%'", Long.class)).isZero();
        });
        var second = lastEntry();
        assertThat(second.seq()).isEqualTo(before + 2);
        assertThat(second.action()).isEqualTo("test.tx.second");
        assertThat(jdbc.queryForObject("select action from audit_entry where seq = ?", String.class, before + 1)).isEqualTo("test.tx.first");

        tx.executeWithoutResult(status -> {
            log.append("test.tx.undone", null, "test:tx", "10.0.0.3", Map.of());
            var inner = new TransactionTemplate(tx.getTransactionManager());
            inner.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            inner.executeWithoutResult(s -> log.append("test.tx.own", null, "test:tx", "10.0.0.3", Map.of()));
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForList("select action from audit_entry where seq > ? order by seq", String.class, before + 2))
                .as("the inner transaction's entry commits on its own; the rolled-back one leaves nothing").containsExactly("test.tx.own");
        var result = chain.verifyUnchecked();
        assertThat(result.intact()).as(result.toString()).isTrue();
    }

    @Test
    void appended_entries_link_to_their_predecessor_and_the_chain_verifies() {
        log.append("test.first", null, "test:1", "10.0.0.1", Map.of("n", 1));
        var first = lastEntry();
        log.append("test.second", 42L, "test:2", null, Map.of("n", 2, "b", "x"));
        var second = lastEntry();

        assertThat(second.seq()).isEqualTo(first.seq() + 1);
        assertThat(second.prevHash()).isEqualTo(first.entryHash());
        assertThat(second.details()).isEqualTo("{\"b\":\"x\",\"n\":2}");
        assertThat(jdbc.queryForObject("select entry_hash from audit_entry where seq = ?", String.class, second.seq())).isEqualTo(second.entryHash());
        var result = chain.verifyUnchecked();
        assertThat(result.intact()).as(result.toString()).isTrue();
        assertThat(result.entriesChecked()).isGreaterThanOrEqualTo(second.seq());
    }

    @Test
    void changing_an_entry_with_sql_breaks_the_chain_at_that_entry() {
        log.append("test.before", null, null, null, Map.of());
        log.append("certificate.issued", 5L, "certificate:abc", "10.0.0.2", Map.of("curriculum", 1));
        var target = lastEntry();
        log.append("test.after", null, null, null, Map.of());
        assertThat(chain.verifyUnchecked().intact()).isTrue();
        try {
            jdbc.update("update audit_entry set actor_id = 6 where seq = ?", target.seq());
            var result = chain.verifyUnchecked();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(target.seq());
            assertThat(result.problem()).contains("modified");
            assertThat(result.entriesChecked()).isEqualTo(target.seq() - 1);
        } finally {
            jdbc.update("update audit_entry set actor_id = 5 where seq = ?", target.seq());
        }
        assertThat(chain.verifyUnchecked().intact()).isTrue();
    }

    @Test
    void rewriting_an_entry_and_its_own_hash_is_caught_at_the_next_entry() {
        log.append("test.rehash", null, null, null, Map.of("v", 1));
        var target = lastEntry();
        log.append("test.next", null, null, null, Map.of());
        var next = lastEntry();
        String forged = AuditHash.of(target.seq(), target.occurredAt(), null, "test.rehash", null, target.ip(), "{\"v\":2}", target.prevHash());
        try {
            jdbc.update("update audit_entry set details = '{\"v\":2}', entry_hash = ? where seq = ?", forged, target.seq());
            var result = chain.verifyUnchecked();
            assertThat(result.firstBrokenSeq()).isEqualTo(next.seq());
            assertThat(result.problem()).contains("previous entry");
        } finally {
            jdbc.update("update audit_entry set details = ?, entry_hash = ? where seq = ?", target.details(), target.entryHash(), target.seq());
        }
    }

    @Test
    void the_command_line_verifier_reads_the_database_directly_and_exits_non_zero_on_a_broken_chain() throws Exception {
        String url;
        try (var connection = jdbc.getDataSource().getConnection()) {
            url = connection.getMetaData().getURL();
        }
        log.append("test.cli", null, null, null, Map.of());
        var target = lastEntry();
        var out = new java.io.ByteArrayOutputStream();
        assertThat(AuditVerifyCli.run(new String[] {url, "sa", ""}, new java.io.PrintStream(out), System.err)).isZero();
        assertThat(out.toString()).contains("intact");
        try {
            jdbc.update("update audit_entry set action = 'test.cli.forged' where seq = ?", target.seq());
            out.reset();
            assertThat(AuditVerifyCli.run(new String[] {url, "sa", ""}, new java.io.PrintStream(out), System.err)).isEqualTo(1);
            assertThat(out.toString()).contains("BROKEN at entry " + target.seq());
        } finally {
            jdbc.update("update audit_entry set action = 'test.cli' where seq = ?", target.seq());
        }
    }

    @Test
    void deleting_the_last_entries_is_caught_by_the_head() {
        log.append("test.tail", null, null, null, Map.of());
        var last = lastEntry();
        try {
            jdbc.update("delete from audit_entry where seq = ?", last.seq());
            var result = chain.verifyUnchecked();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(last.seq());
        } finally {
            jdbc.update("insert into audit_entry (" + AuditLog.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)", last.seq(),
                    java.time.OffsetDateTime.ofInstant(last.occurredAt(), java.time.ZoneOffset.UTC), last.actorId(), last.action(), last.subject(), last.ip(),
                    last.details(), last.prevHash(), last.entryHash());
        }
        assertThat(chain.verifyUnchecked().intact()).isTrue();
    }

    @Test
    void an_entry_written_in_a_transaction_that_rolls_back_disappears_with_it() {
        long before = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
        tx.executeWithoutResult(s -> {
            log.append("test.rolled-back", null, null, null, Map.of());
            s.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isEqualTo(before);
        assertThat(chain.verifyUnchecked().intact()).isTrue();
    }

    @Test
    void a_submitted_read_and_its_score_are_audited_with_the_reader() {
        TestAccounts.create(context, "audited-reader", Role.RESIDENT);
        SignedIn.as("audited-reader", "RESIDENT");
        var scenario = new ReadingScenario(context);
        var read = scenario.readCorrectly(scenario.cases().getFirst());
        long userId = users.findByUsername("audited-reader").orElseThrow().id();

        var actions = jdbc.queryForList("select action from audit_entry where subject = ? and actor_id = ? order by seq", String.class,
                "read:" + read.readId(), userId);
        assertThat(actions).containsExactly("read.submitted", "read.scored");
        assertThat(chain.verifyUnchecked().intact()).isTrue();
    }

    @Test
    void only_admins_may_read_and_verify_the_trail() {
        SignedIn.as("resident", "RESIDENT");
        assertThatThrownBy(() -> chain.verify()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> log.latest(10)).isInstanceOf(AuthorizationDeniedException.class);
        SignedIn.as("admin", "ADMIN");
        assertThat(chain.verify().intact()).isTrue();
        assertThat(log.latest(10)).isNotEmpty();
    }
}
