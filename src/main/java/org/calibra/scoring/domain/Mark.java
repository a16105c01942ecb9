package org.calibra.scoring.domain;

/**
 * A reader's mark: a point they consider suspicious, with a confidence rating.
 *
 * @param id         unique within the read
 * @param imageIndex which image of the case's stack (0-based)
 * @param x          pixel column
 * @param y          pixel row
 * @param confidence 1 (very low) .. 5 (very high), the FROC rating of the mark
 * @param label      finding type the reader chose; may be {@code null}
 */
public record Mark(String id, int imageIndex, double x, double y, int confidence, String label) {

    public static final int MIN_CONFIDENCE = 1;
    public static final int MAX_CONFIDENCE = 5;

    public Mark {
        Checks.requireId(id, "Mark id");
        Checks.requireNonNegative(imageIndex, "Mark " + id + " imageIndex");
        Checks.requireFinite(x, "Mark " + id + " x");
        Checks.requireFinite(y, "Mark " + id + " y");
        if (confidence < MIN_CONFIDENCE || confidence > MAX_CONFIDENCE) {
            throw new IllegalArgumentException("Mark " + id + " confidence must be between "
                    + MIN_CONFIDENCE + " and " + MAX_CONFIDENCE + ", was " + confidence);
        }
    }

    /** An unlabelled mark. */
    public static Mark of(String id, int imageIndex, double x, double y, int confidence) {
        return new Mark(id, imageIndex, x, y, confidence, null);
    }
}
