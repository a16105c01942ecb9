package org.calibra.casebank;

import java.time.Instant;
import java.util.Map;
import org.calibra.casebank.content.CaseManifest;

/**
 * The whole content of one case version in the one format — its manifest (truth included: staff only) and, by the name
 * the manifest uses, the SHA-256 of every stored file (DICOM images and AI heatmaps; images kept in an external archive
 * have none). Enough to export the version as a bundle or to seed a draft of the next one. {@code origin}: content
 * (a folder of cases/) or upload (made in the app); {@code institutionId} null for the shared bundled library.
 */
public record CaseContent(long versionId, String slug, int version, String status, String origin, Long institutionId, Instant loadedAt,
                          CaseManifest manifest, Map<String, String> files, String deidReport) {

    public boolean bundled() {
        return "content".equals(origin);
    }
}
