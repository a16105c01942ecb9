package org.calibra.audit;

import java.time.Instant;

/**
 * One entry of the audit trail.
 *
 * @param actorId  the account that did it (or the account concerned, for sign-in events); null for the system
 * @param subject  what it is about, e.g. {@code read:42}, {@code user:7}, {@code certificate:AbC…}
 * @param details  a JSON object with sorted keys
 */
public record AuditEntry(long seq, Instant occurredAt, Long actorId, String action, String subject, String ip, String details,
                         String prevHash, String entryHash) {}
