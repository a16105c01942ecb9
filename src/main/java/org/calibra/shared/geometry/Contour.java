package org.calibra.shared.geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * A closed polygon — a drawn or freehand outline — through {@code points} in order, the last joined back to the first.
 * A repeated first point at the end (as DICOM SR closes its polygons) is dropped. It needs at least 3 points; that it
 * does not cross itself is checked where contours are accepted ({@link PlaneGeometry#firstCrossing}), not here: inside
 * is decided by the even-odd rule, which is well defined for any closed polygon.
 */
public record Contour(List<Point> points) implements Shape {

    public Contour {
        points = withoutClosingPoint(points);
        if (points.size() < 3) {
            throw new IllegalArgumentException("a contour needs at least 3 points, has " + points.size());
        }
    }

    /** The points with a last point equal to the first removed: the outline is closed anyway. */
    public static List<Point> withoutClosingPoint(List<Point> points) {
        List<Point> copy = new ArrayList<>(List.copyOf(points));
        if (copy.size() > 1 && copy.getFirst().equals(copy.getLast())) {
            copy.removeLast();
        }
        return List.copyOf(copy);
    }

    @Override
    public String kind() {
        return "contour";
    }

    @Override
    public boolean contains(Point p) {
        return PlaneGeometry.insideOrOn(points, p);
    }

    @Override
    public double distanceToOutline(Point p, double sx, double sy) {
        return PlaneGeometry.distanceToClosedPolyline(points, p, sx, sy);
    }

    @Override
    public double area() {
        return Math.abs(PlaneGeometry.signedArea(points));
    }

    @Override
    public Point centroid() {
        return PlaneGeometry.centroid(points);
    }

    @Override
    public Bounds bounds() {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        return new Bounds(minX, minY, maxX, maxY);
    }
}
