package org.calibra.casebank;

import java.util.List;

/**
 * Ground truth and teaching content of a case version. Used by scoring and by feedback after a read is
 * submitted; never handed to a view before that (ReadingService enforces it, ArchitectureTest guards it).
 */
public record CaseTruth(long versionId, String diagnosis, boolean abnormal, List<Lesion> lesions, double minAcceptanceMm,
                        List<String> teachingPoints) {

    /** Shown on {@code firstImage..lastImage} (inclusive), centred at (x, y) on {@code imageIndex}. */
    public record Lesion(String id, String label, int imageIndex, double x, double y, double radiusPx, double weight,
                         int firstImage, int lastImage) {}
}
