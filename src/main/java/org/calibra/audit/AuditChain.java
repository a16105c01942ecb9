package org.calibra.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies the audit chain from the first entry: positions are 1, 2, 3, … without gaps, every entry links to its
 * predecessor's hash, every hash matches the entry's content, and the head row names the last entry (so a removed
 * tail shows too). Returns the first entry that fails.
 */
@Service
public class AuditChain {

    private static final int PAGE = 500;

    private final JdbcTemplate jdbc;

    AuditChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        return verifyUnchecked();
    }

    /** For the command line and tests, where there is no signed-in admin. */
    ChainVerification verifyUnchecked() {
        long expectedSeq = 1;
        String prev = AuditHash.GENESIS;
        long checked = 0;
        while (true) {
            var page = jdbc.query("select " + AuditLog.COLUMNS + " from audit_entry where seq >= ? order by seq fetch first " + PAGE + " rows only",
                    AuditLog.ROWS, expectedSeq);
            for (AuditEntry e : page) {
                if (e.seq() != expectedSeq) {
                    return ChainVerification.broken(checked, expectedSeq, "entry " + expectedSeq + " is missing (next is " + e.seq() + ")");
                }
                if (!e.prevHash().equals(prev)) {
                    return ChainVerification.broken(checked, e.seq(), "does not link to the previous entry's hash");
                }
                if (!AuditHash.of(e).equals(e.entryHash())) {
                    return ChainVerification.broken(checked, e.seq(), "content does not match its hash (modified)");
                }
                prev = e.entryHash();
                expectedSeq++;
                checked++;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        var head = jdbc.queryForMap("select last_seq, last_hash from audit_head where id = 1");
        long headSeq = ((Number) head.get("last_seq")).longValue();
        if (headSeq != checked || !prev.equals(head.get("last_hash"))) {
            return ChainVerification.broken(checked, Math.min(headSeq, checked) + 1,
                    "the chain ends at entry " + checked + " but its head says " + headSeq + " (entries removed?)");
        }
        return ChainVerification.ok(checked);
    }
}
