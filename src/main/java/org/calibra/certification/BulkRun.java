package org.calibra.certification;

import java.util.UUID;

/**
 * One bulk verification a verifier started in the page: every item checked in it is remembered with the run's id
 * and size, so the list of checks can say "one of 37 checked together" instead of 37 unrelated lines.
 */
public record BulkRun(String id, int items) {

    public static BulkRun of(int items) {
        return new BulkRun(UUID.randomUUID().toString(), items);
    }
}
