package org.calibra.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.calibra.shared.JsonText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit trail. {@link #append} joins the caller's transaction (so an entry commits or rolls back with
 * what it records) and locks the chain's head row, so concurrent appends line up one after the other. There is no
 * method that changes or deletes an entry.
 */
@Service
public class AuditLog {

    static final RowMapper<AuditEntry> ROWS = (rs, n) -> new AuditEntry(rs.getLong("seq"),
            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), (Long) rs.getObject("actor_id", Long.class),
            rs.getString("action"), rs.getString("subject"), rs.getString("ip"), rs.getString("details"),
            rs.getString("prev_hash"), rs.getString("entry_hash"));
    static final String COLUMNS = "seq, occurred_at, actor_id, action, subject, ip, details, prev_hash, entry_hash";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends an entry; the client address is taken from the current request when {@code ip} is null. */
    @Transactional
    public AuditEntry append(String action, Long actorId, String subject, String ip, Map<String, ?> details) {
        var head = jdbc.queryForMap("select last_seq, last_hash from audit_head where id = 1 for update");
        long seq = ((Number) head.get("last_seq")).longValue() + 1;
        String prev = (String) head.get("last_hash");
        Instant at = AuditHash.normalise(clock.instant());
        String json = JsonText.write(new TreeMap<>(details));
        String where = ip != null ? ip : currentClientAddress();
        String hash = AuditHash.of(seq, at, actorId, action, subject, where, json, prev);
        jdbc.update("insert into audit_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actorId, action, subject, where, json, prev, hash);
        jdbc.update("update audit_head set last_seq = ?, last_hash = ? where id = 1", seq, hash);
        return new AuditEntry(seq, at, actorId, action, subject, where, json, prev, hash);
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
