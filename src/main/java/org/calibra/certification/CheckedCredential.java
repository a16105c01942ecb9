package org.calibra.certification;

import java.time.Instant;
import org.calibra.certification.credential.Verification.Outcome;

/**
 * A credential a verifier checked: what it was then and what it is now. {@code bulkRun}: the bulk verification it was
 * checked in, null for a single check.
 */
public record CheckedCredential(String publicId, String holderName, String title, Instant checkedAt, String outcomeThen, Outcome outcomeNow,
                                BulkRun bulkRun) {

    /** The outcome recorded at the time, or null if the record holds a value this version no longer knows. */
    public Outcome outcomeThenKnown() {
        try {
            return outcomeThen == null ? null : Outcome.valueOf(outcomeThen);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
