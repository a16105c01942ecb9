package org.calibra.scoring.domain;

/**
 * A ground-truth lesion: a circle centred on one image, visible on a run of images of the stack
 * (one image for a 2D finding, the slices a nodule crosses for a volume).
 *
 * @param id         unique within the case
 * @param imageIndex the image its centre is on (0-based)
 * @param x          centre, pixel column
 * @param y          centre, pixel row
 * @param radiusPx   radius of the annotated circle in pixels, &gt; 0
 * @param label      finding type (e.g. "nodule"); may be {@code null} when unlabelled
 * @param weight     clinical importance, &gt; 0; the weight of weighted AFROC
 * @param firstImage first image it is visible on, &lt;= imageIndex
 * @param lastImage  last image it is visible on, &gt;= imageIndex
 */
public record Lesion(String id, int imageIndex, double x, double y, double radiusPx, String label, double weight,
                     int firstImage, int lastImage) {

    public Lesion {
        Checks.requireId(id, "Lesion id");
        Checks.requireNonNegative(imageIndex, "Lesion " + id + " imageIndex");
        Checks.requireFinite(x, "Lesion " + id + " x");
        Checks.requireFinite(y, "Lesion " + id + " y");
        Checks.requirePositive(radiusPx, "Lesion " + id + " radiusPx");
        Checks.requirePositive(weight, "Lesion " + id + " weight");
        if (firstImage > imageIndex || lastImage < imageIndex || firstImage < 0) {
            throw new IllegalArgumentException("Lesion " + id + " images " + firstImage + ".." + lastImage
                    + " must contain its centre image " + imageIndex);
        }
    }

    /** A lesion on one image. */
    public Lesion(String id, int imageIndex, double x, double y, double radiusPx, String label, double weight) {
        this(id, imageIndex, x, y, radiusPx, label, weight, imageIndex, imageIndex);
    }

    /** An unlabelled lesion of weight 1 on one image. */
    public static Lesion of(String id, int imageIndex, double x, double y, double radiusPx) {
        return new Lesion(id, imageIndex, x, y, radiusPx, null, 1.0);
    }

    public boolean visibleOn(int image) {
        return image >= firstImage && image <= lastImage;
    }
}
