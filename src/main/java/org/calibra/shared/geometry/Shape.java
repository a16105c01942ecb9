package org.calibra.shared.geometry;

/**
 * A lesion's outline on one image, in image pixel coordinates. Every shape is a closed region; its outline (the
 * boundary) belongs to it.
 */
public sealed interface Shape permits Circle, Ellipse, Box, Contour {

    /** "circle", "ellipse", "box" or "contour": the name of the shape in case.yaml and in the database. */
    String kind();

    /** Whether {@code p} lies inside or on the outline. Exact for points on an axis-aligned edge or an axis end. */
    boolean contains(Point p);

    /**
     * The shortest distance from {@code p} to the outline (not to the region: a point inside has a positive distance
     * too), after scaling x by {@code sx} and y by {@code sy} — with a pixel spacing, {@code sx} is the column spacing
     * and {@code sy} the row spacing in mm, and the distance is in mm; with {@code 1, 1} it is in pixels.
     */
    double distanceToOutline(Point p, double sx, double sy);

    /** Area in square pixels, &gt; 0. */
    double area();

    /** The centroid (centre of area). For a concave contour it may lie outside the region. */
    Point centroid();

    Bounds bounds();

    /** The radius of the circle with the same area: {@code sqrt(area / π)}, in pixels. */
    default double equivalentRadius() {
        return Math.sqrt(area() / Math.PI);
    }

    static void requireFinite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number, was " + value);
        }
    }

    static void requirePositive(double value, String what) {
        requireFinite(value, what);
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be > 0, was " + value);
        }
    }
}
