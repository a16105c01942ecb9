package org.calibra.scoring.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.calibra.shared.geometry.Circle;
import org.calibra.shared.geometry.Shape;
import org.calibra.shared.geometry.SliceShape;

/**
 * A ground-truth lesion: a region on one image, visible on a run of images of the stack (one image for a 2D finding,
 * the slices a nodule crosses for a volume). Its region is a circle (the original point + radius truth) or an ellipse,
 * box or contour, drawn on its centre image and, for a contour, optionally on other images of its run (ADR 0020).
 *
 * @param id         unique within the case
 * @param imageIndex the image its centre is on, and on which its shape is always drawn (0-based)
 * @param x          centre, pixel column (for a drawn shape: the centroid of its shape on {@code imageIndex})
 * @param y          centre, pixel row
 * @param radiusPx   radius of the annotated circle in pixels, &gt; 0 (for a drawn shape: the radius of the circle of the
 *                   same area — what a viewer that draws only circles shows)
 * @param label      finding type (e.g. "nodule"); may be {@code null} when unlabelled
 * @param weight     clinical importance, &gt; 0; the weight of weighted AFROC
 * @param firstImage first image it is visible on, &lt;= imageIndex
 * @param lastImage  last image it is visible on, &gt;= imageIndex
 * @param outline    its shape on each image it was drawn on, sorted by image: always one on {@code imageIndex}, every
 *                   one within {@code firstImage..lastImage}. {@code null} in the constructor means the circle
 *                   ({@code x}, {@code y}, {@code radiusPx}) on {@code imageIndex}.
 */
public record Lesion(String id, int imageIndex, double x, double y, double radiusPx, String label, double weight,
                     int firstImage, int lastImage, List<SliceShape> outline) {

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
        outline = outline == null ? List.of(new SliceShape(imageIndex, new Circle(x, y, radiusPx)))
                : outline.stream().sorted(Comparator.comparingInt(SliceShape::imageIndex)).toList();
        var images = new HashSet<Integer>();
        for (SliceShape s : outline) {
            if (s.imageIndex() < firstImage || s.imageIndex() > lastImage) {
                throw new IllegalArgumentException("Lesion " + id + " has a shape on image " + s.imageIndex()
                        + ", outside its images " + firstImage + ".." + lastImage);
            }
            if (!images.add(s.imageIndex())) {
                throw new IllegalArgumentException("Lesion " + id + " has two shapes on image " + s.imageIndex());
            }
        }
        if (!images.contains(imageIndex)) {
            throw new IllegalArgumentException("Lesion " + id + " needs a shape on its centre image " + imageIndex);
        }
    }

    /** A circle on a run of images: the original point + radius truth. */
    public Lesion(String id, int imageIndex, double x, double y, double radiusPx, String label, double weight,
                  int firstImage, int lastImage) {
        this(id, imageIndex, x, y, radiusPx, label, weight, firstImage, lastImage, null);
    }

    /** A circle on one image. */
    public Lesion(String id, int imageIndex, double x, double y, double radiusPx, String label, double weight) {
        this(id, imageIndex, x, y, radiusPx, label, weight, imageIndex, imageIndex);
    }

    /** An unlabelled circle of weight 1 on one image. */
    public static Lesion of(String id, int imageIndex, double x, double y, double radiusPx) {
        return new Lesion(id, imageIndex, x, y, radiusPx, null, 1.0);
    }

    /**
     * A lesion drawn as shapes: centre and radius are taken from its shape on {@code imageIndex} (centroid, radius of
     * the circle of equal area).
     */
    public static Lesion outlined(String id, String label, double weight, int imageIndex, int firstImage, int lastImage,
                                  List<SliceShape> outline) {
        Shape key = outline.stream().filter(s -> s.imageIndex() == imageIndex).findFirst().map(SliceShape::shape)
                .orElseThrow(() -> new IllegalArgumentException("Lesion " + id + " needs a shape on its centre image " + imageIndex));
        return new Lesion(id, imageIndex, key.centroid().x(), key.centroid().y(), key.equivalentRadius(), label, weight,
                firstImage, lastImage, new ArrayList<>(outline));
    }

    public boolean visibleOn(int image) {
        return image >= firstImage && image <= lastImage;
    }

    /**
     * The lesion's shape on {@code image}: the one drawn there, otherwise the one drawn on the nearest image (the lower
     * image when two are equally near). Shapes are not interpolated between images (ADR 0020).
     */
    public Shape shapeOn(int image) {
        SliceShape nearest = outline.getFirst();
        for (SliceShape s : outline) {
            if (Math.abs(s.imageIndex() - image) < Math.abs(nearest.imageIndex() - image)) {
                nearest = s;
            }
        }
        return nearest.shape();
    }
}
