package org.calibra.audit;

import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.calibra.shared.JsonText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit trail. {@link #append} joins the caller's transaction, so an entry commits or rolls back with
 * what it records. Entries are queued in the transaction and chained when it commits: its entity changes are flushed
 * first, then the chain's head row is locked, the queued entries are given their positions and hashes and inserted in
 * one batch, and the head moves — so concurrent appends line up one after the other, on one node or several
 * (ADR 0029), in the order they commit, and the head is held only for those three statements, not for the whole
 * transaction (ADR 0037). There is no method that changes or deletes an entry.
 */
@Service
public class AuditLog {

    static final RowMapper<AuditEntry> ROWS = (rs, n) -> new AuditEntry(rs.getLong("seq"),
            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), (Long) rs.getObject("actor_id", Long.class),
            rs.getString("action"), rs.getString("subject"), rs.getString("ip"), rs.getString("details"),
            rs.getString("prev_hash"), rs.getString("entry_hash"));
    static final String COLUMNS = "seq, occurred_at, actor_id, action, subject, ip, details, prev_hash, entry_hash";

    private static final org.springframework.orm.jpa.vendor.HibernateJpaDialect JPA_EXCEPTIONS = new org.springframework.orm.jpa.vendor.HibernateJpaDialect();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final EntityManager entityManager;

    @org.springframework.beans.factory.annotation.Autowired
    AuditLog(JdbcTemplate jdbc, Clock clock, EntityManager entityManager) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.entityManager = entityManager;
    }

    /** Without JPA (a test's plain JDBC appender in its own JVM): nothing to flush before the head is taken. */
    AuditLog(JdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, null);
    }

    /**
     * Appends an entry when the current transaction commits (one is started if there is none); the client address is
     * taken from the current request, now, when {@code ip} is null.
     */
    @Transactional
    public void append(String action, Long actorId, String subject, String ip, Map<String, ?> details) {
        String json = JsonText.write(new TreeMap<>(details));
        String where = ip != null ? ip : currentClientAddress();
        var entry = new Queued(actorId, action, subject, where, json);
        Chaining queue = queue();
        if (queue.chained) {
            chain(List.of(entry)); // appended while the transaction commits (after its queue was chained): the head is still ours
        } else {
            queue.entries.add(entry);
        }
    }

    private record Queued(Long actorId, String action, String subject, String ip, String details) {}

    /** This transaction's queue; a suspended outer transaction keeps its own (its synchronization is suspended with it). */
    private Chaining queue() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Chaining c && c.owner == this) {
                return c;
            }
        }
        var fresh = new Chaining(this);
        TransactionSynchronizationManager.registerSynchronization(fresh);
        return fresh;
    }

    /** One transaction's queued entries, chained just before it commits. */
    private static final class Chaining implements TransactionSynchronization {
        private final AuditLog owner;
        private final List<Queued> entries = new ArrayList<>();
        private boolean chained;

        Chaining(AuditLog owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            owner.chain(entries);
            chained = true;
        }
    }

    /** Chains and inserts the queued entries, holding the head row only for these statements. */
    private void chain(List<Queued> queued) {
        if (entityManager != null) {
            try {
                entityManager.flush(); // what the entries record is written before the head is taken: no lock waits while holding it
            } catch (RuntimeException e) { // as the commit would have reported it (e.g. a duplicate key as DataIntegrityViolationException)
                throw org.springframework.dao.support.DataAccessUtils.translateIfNecessary(e, JPA_EXCEPTIONS);
            }
        }
        var head = jdbc.queryForMap("select last_seq, last_hash from audit_head where id = 1 for update");
        long seq = ((Number) head.get("last_seq")).longValue();
        String prev = (String) head.get("last_hash");
        Instant at = AuditHash.normalise(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        for (Queued q : queued) {
            seq++;
            String hash = AuditHash.of(seq, at, q.actorId(), q.action(), q.subject(), q.ip(), q.details(), prev);
            rows.add(new Object[] {seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), q.actorId(), q.action(), q.subject(), q.ip(), q.details(),
                    prev, hash});
            prev = hash;
        }
        jdbc.batchUpdate("insert into audit_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.update("update audit_head set last_seq = ?, last_hash = ? where id = 1", seq, prev);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditEntry> latest(int limit) {
        return jdbc.query("select " + COLUMNS + " from audit_entry order by seq desc fetch first " + Math.max(1, Math.min(limit, 1000)) + " rows only", ROWS);
    }

    /** Entries about one account, for that person's data export (the service checks who may ask). */
    @Transactional(readOnly = true)
    List<AuditEntry> about(long userId) {
        return jdbc.query("select " + COLUMNS + " from audit_entry where actor_id = ? or subject = ? order by seq", ROWS, userId, "user:" + userId);
    }

    static String currentClientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            HttpServletRequest request = a.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
