package org.calibra.shared.geometry;

/** A circle: centre (x, y) and radius, in pixels. The shape of every lesion written as x, y and radiusPx. */
public record Circle(double x, double y, double radius) implements Shape {

    public Circle {
        Shape.requireFinite(x, "circle x");
        Shape.requireFinite(y, "circle y");
        Shape.requirePositive(radius, "circle radius");
    }

    @Override
    public String kind() {
        return "circle";
    }

    @Override
    public boolean contains(Point p) {
        return Math.hypot(p.x() - x, p.y() - y) <= radius;
    }

    @Override
    public double distanceToOutline(Point p, double sx, double sy) {
        return new Ellipse(x, y, radius, radius, 0).distanceToOutline(p, sx, sy);
    }

    @Override
    public double area() {
        return Math.PI * radius * radius;
    }

    @Override
    public double equivalentRadius() {
        return radius;
    }

    @Override
    public Point centroid() {
        return new Point(x, y);
    }

    @Override
    public Bounds bounds() {
        return new Bounds(x - radius, y - radius, x + radius, y + radius);
    }
}
