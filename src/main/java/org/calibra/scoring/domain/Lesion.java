package org.calibra.scoring.domain;

/**
 * A ground-truth lesion, drawn as a circle on one image of a case.
 *
 * @param id         unique within the case
 * @param imageIndex which image of the case's stack (0-based)
 * @param x          centre, pixel column
 * @param y          centre, pixel row
 * @param radiusPx   radius of the annotated circle in pixels, &gt; 0
 * @param label      finding type (e.g. "nodule"); may be {@code null} when unlabelled
 * @param weight     clinical importance, &gt; 0; carried for weighted AFROC, not used yet
 */
public record Lesion(String id, int imageIndex, double x, double y, double radiusPx, String label, double weight) {

    public Lesion {
        Checks.requireId(id, "Lesion id");
        Checks.requireNonNegative(imageIndex, "Lesion " + id + " imageIndex");
        Checks.requireFinite(x, "Lesion " + id + " x");
        Checks.requireFinite(y, "Lesion " + id + " y");
        Checks.requirePositive(radiusPx, "Lesion " + id + " radiusPx");
        Checks.requirePositive(weight, "Lesion " + id + " weight");
    }

    /** An unlabelled lesion of weight 1. */
    public static Lesion of(String id, int imageIndex, double x, double y, double radiusPx) {
        return new Lesion(id, imageIndex, x, y, radiusPx, null, 1.0);
    }
}
