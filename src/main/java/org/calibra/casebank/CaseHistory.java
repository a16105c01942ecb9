package org.calibra.casebank;

import java.time.Instant;
import java.util.List;

/**
 * A case and all its versions, oldest first (staff only). {@code retiredAt}: set while the case is retired — no new draw
 * or tag pool takes it, its versions and the reads made on them stay. {@code reviewedBy}: who published or rejected a
 * version that was held for review (uploads before drafts existed); null for repository content and authored versions.
 */
public record CaseHistory(String slug, String origin, Long institutionId, Instant retiredAt, List<Version> versions) {

    public record Version(long versionId, int version, String status, Instant loadedAt, Long reviewedBy) {}

    public boolean bundled() {
        return "content".equals(origin);
    }

    public boolean retired() {
        return retiredAt != null;
    }
}
