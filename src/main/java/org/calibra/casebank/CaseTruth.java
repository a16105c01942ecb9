package org.calibra.casebank;

import java.util.List;
import org.calibra.shared.geometry.Circle;
import org.calibra.shared.geometry.SliceShape;

/**
 * Ground truth and teaching content of a case version. Used by scoring and by feedback after a read is
 * submitted; never handed to a view before that (ReadingService enforces it, ArchitectureTest guards it).
 */
public record CaseTruth(long versionId, String diagnosis, boolean abnormal, List<Lesion> lesions, double minAcceptanceMm,
                        List<String> teachingPoints, List<AiError> aiErrors, List<KeyImage> keyImages) {

    public CaseTruth {
        aiErrors = aiErrors == null ? List.of() : List.copyOf(aiErrors);
        keyImages = keyImages == null ? List.of() : List.copyOf(keyImages);
    }

    /** A case without key images. */
    public CaseTruth(long versionId, String diagnosis, boolean abnormal, List<Lesion> lesions, double minAcceptanceMm,
                     List<String> teachingPoints, List<AiError> aiErrors) {
        this(versionId, diagnosis, abnormal, lesions, minAcceptanceMm, teachingPoints, aiErrors, List.of());
    }

    /**
     * A key image of the teaching content (ADR 0024): the view of image {@code imageIndex} an educator captured, its caption
     * (also its alt text) and the URL it is served from — only to staff and to a trainee whose read of the version is submitted.
     */
    public record KeyImage(int imageIndex, String caption, String url) {}

    /** A case whose AI errors are not labelled. */
    public CaseTruth(long versionId, String diagnosis, boolean abnormal, List<Lesion> lesions, double minAcceptanceMm,
                     List<String> teachingPoints) {
        this(versionId, diagnosis, abnormal, lesions, minAcceptanceMm, teachingPoints, List.of());
    }

    /**
     * A mistake the educator gave the AI on purpose (ADR 0023), as feedback shows it: part of the truth, because naming
     * the AI's error before the read would give the answer away. {@code lesionId} for {@link Kind#MISSED_LESION};
     * {@code aiMarkId} (as in {@link CaseForReading.AiMark#id()}) and {@code markNumber} (from 1, as the case numbers
     * its marks) for {@link Kind#FALSE_MARK}; {@code reason} for {@link Kind#OFF_LABEL}; {@code note} optional.
     */
    public record AiError(Kind kind, String lesionId, String aiMarkId, Integer markNumber, String reason, String note) {

        public enum Kind { MISSED_LESION, FALSE_MARK, OFF_LABEL }
    }

    /**
     * Shown on {@code firstImage..lastImage} (inclusive), centred at (x, y) on {@code imageIndex}.
     *
     * <p>{@code outline}: the lesion's shape on each image it was drawn on, sorted by image, always one on
     * {@code imageIndex} (ADR 0020): the circle (x, y, radiusPx) for point + radius truth; else an ellipse, box or
     * contour, and for a contour perhaps contours on other images of the range. For a drawn shape, (x, y) is the
     * centroid of its shape on {@code imageIndex} and {@code radiusPx} the radius of the circle of the same area, so
     * whatever draws lesions as circles keeps working. {@code code}: the finding's coded concept, or null.
     */
    public record Lesion(String id, String label, int imageIndex, double x, double y, double radiusPx, double weight,
                         int firstImage, int lastImage, List<SliceShape> outline, Code code) {

        public Lesion {
            outline = outline == null ? List.of(new SliceShape(imageIndex, new Circle(x, y, radiusPx)))
                    : outline.stream().sorted(java.util.Comparator.comparingInt(SliceShape::imageIndex)).toList();
        }

        /** A point + radius lesion without a code. */
        public Lesion(String id, String label, int imageIndex, double x, double y, double radiusPx, double weight,
                      int firstImage, int lastImage) {
            this(id, label, imageIndex, x, y, radiusPx, weight, firstImage, lastImage, null, null);
        }

        /** "circle", "ellipse", "box" or "contour": the kind of its shape on {@code imageIndex}. */
        public String shape() {
            return outline.stream().filter(s -> s.imageIndex() == imageIndex).findFirst().orElse(outline.getFirst()).shape().kind();
        }
    }

    /** A coded concept (DICOM code triplet): scheme designator (RADLEX, RADELEMENT, SCT, …), code value, meaning. */
    public record Code(String scheme, String value, String meaning) {}
}
