package org.calibra.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of an audit entry: SHA-256 over its canonical form — every field length-prefixed (so no two different
 * entries share a form), in a fixed order, ending with the previous entry's hash. Plain Java, no Spring.
 */
public final class AuditHash {

    public static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    public static String of(long seq, Instant occurredAt, Long actorId, String action, String subject, String ip, String details, String prevHash) {
        var canonical = new StringBuilder("calibra-audit-v1");
        for (String field : new String[] {Long.toString(seq), occurredAt.toString(), actorId == null ? null : actorId.toString(),
                action, subject, ip, details, prevHash}) {
            canonical.append('|');
            if (field == null) {
                canonical.append('~');
            } else {
                canonical.append(field.length()).append(':').append(field);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The database keeps microseconds: entries are hashed with the time as it will be read back. */
    public static Instant normalise(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    public static String of(AuditEntry e) {
        return of(e.seq(), e.occurredAt(), e.actorId(), e.action(), e.subject(), e.ip(), e.details(), e.prevHash());
    }
}
