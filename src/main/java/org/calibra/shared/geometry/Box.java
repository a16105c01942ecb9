package org.calibra.shared.geometry;

import java.util.List;

/** An axis-aligned rectangle from the corner (x0, y0) (left, top) to (x1, y1) (right, bottom), in pixels. */
public record Box(double x0, double y0, double x1, double y1) implements Shape {

    public Box {
        Shape.requireFinite(x0, "box x0");
        Shape.requireFinite(y0, "box y0");
        Shape.requireFinite(x1, "box x1");
        Shape.requireFinite(y1, "box y1");
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("a box needs x1 > x0 and y1 > y0, was (" + x0 + ", " + y0 + ") to (" + x1 + ", " + y1 + ")");
        }
    }

    @Override
    public String kind() {
        return "box";
    }

    @Override
    public boolean contains(Point p) {
        return p.x() >= x0 && p.x() <= x1 && p.y() >= y0 && p.y() <= y1;
    }

    @Override
    public double distanceToOutline(Point p, double sx, double sy) {
        return PlaneGeometry.distanceToClosedPolyline(corners(), p, sx, sy);
    }

    /** The four corners, clockwise on the screen from the top left. */
    public List<Point> corners() {
        return List.of(new Point(x0, y0), new Point(x1, y0), new Point(x1, y1), new Point(x0, y1));
    }

    @Override
    public double area() {
        return (x1 - x0) * (y1 - y0);
    }

    @Override
    public Point centroid() {
        return new Point((x0 + x1) / 2, (y0 + y1) / 2);
    }

    @Override
    public Bounds bounds() {
        return new Bounds(x0, y0, x1, y1);
    }
}
