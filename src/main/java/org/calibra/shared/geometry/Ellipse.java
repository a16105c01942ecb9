package org.calibra.shared.geometry;

/**
 * An ellipse: centre (x, y), semi-axes {@code rx} and {@code ry} in pixels, and {@code rotationDeg}, the angle in
 * degrees from the image's x axis (along a row, to the right) to the {@code rx} axis, turning towards the y axis (down
 * the columns) — clockwise as the image is shown. 0 is axis-aligned: {@code rx} across, {@code ry} down. Only the angle
 * modulo 180 matters.
 */
public record Ellipse(double x, double y, double rx, double ry, double rotationDeg) implements Shape {

    public Ellipse {
        Shape.requireFinite(x, "ellipse x");
        Shape.requireFinite(y, "ellipse y");
        Shape.requirePositive(rx, "ellipse rx");
        Shape.requirePositive(ry, "ellipse ry");
        Shape.requireFinite(rotationDeg, "ellipse rotationDeg");
    }

    /** An axis-aligned ellipse. */
    public Ellipse(double x, double y, double rx, double ry) {
        this(x, y, rx, ry, 0);
    }

    @Override
    public String kind() {
        return "ellipse";
    }

    /** The rotation folded into [0, 180). */
    private double turn() {
        double r = rotationDeg % 180;
        return r < 0 ? r + 180 : r;
    }

    /** Semi-axis along x and along y when the ellipse is axis-aligned (rotation 0 or 90), else NaN. */
    private double alignedAlongX() {
        double t = turn();
        return t == 0 ? rx : t == 90 ? ry : Double.NaN;
    }

    private double alignedAlongY() {
        double t = turn();
        return t == 0 ? ry : t == 90 ? rx : Double.NaN;
    }

    @Override
    public boolean contains(Point p) {
        double dx = p.x() - x;
        double dy = p.y() - y;
        double ax = alignedAlongX();
        if (!Double.isNaN(ax)) {
            double u = dx / ax;
            double v = dy / alignedAlongY();
            return u * u + v * v <= 1;
        }
        double theta = Math.toRadians(rotationDeg);
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double u = (dx * c + dy * s) / rx;
        double v = (-dx * s + dy * c) / ry;
        return u * u + v * v <= 1;
    }

    @Override
    public double distanceToOutline(Point p, double sx, double sy) {
        double dx = (p.x() - x) * sx;
        double dy = (p.y() - y) * sy;
        double ax = alignedAlongX();
        if (!Double.isNaN(ax)) {
            double ex = ax * sx;
            double ey = alignedAlongY() * sy;
            return ex >= ey ? PlaneGeometry.distanceToEllipse(ex, ey, Math.abs(dx), Math.abs(dy))
                    : PlaneGeometry.distanceToEllipse(ey, ex, Math.abs(dy), Math.abs(dx));
        }
        // The scaled ellipse is {S R D u : |u| = 1} with S = diag(sx, sy), R the rotation, D = diag(rx, ry); its axes are
        // the eigenvectors of Q = (S R D)(S R D)^T and its semi-axes the square roots of Q's eigenvalues.
        double theta = Math.toRadians(rotationDeg);
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double q11 = sx * sx * (rx * rx * c * c + ry * ry * s * s);
        double q22 = sy * sy * (rx * rx * s * s + ry * ry * c * c);
        double q12 = sx * sy * c * s * (rx * rx - ry * ry);
        double major = (q11 + q22) / 2 + Math.hypot((q11 - q22) / 2, q12);
        double e0 = Math.sqrt(major);
        double e1 = sx * sy * rx * ry / e0; // the product of the semi-axes is |det(S R D)|
        double phi = 0.5 * Math.atan2(2 * q12, q11 - q22); // direction of the major axis
        double u = dx * Math.cos(phi) + dy * Math.sin(phi);
        double v = -dx * Math.sin(phi) + dy * Math.cos(phi);
        return PlaneGeometry.distanceToEllipse(e0, Math.min(e0, e1), Math.abs(u), Math.abs(v));
    }

    @Override
    public double area() {
        return Math.PI * rx * ry;
    }

    @Override
    public Point centroid() {
        return new Point(x, y);
    }

    @Override
    public Bounds bounds() {
        double ax = alignedAlongX();
        if (!Double.isNaN(ax)) {
            double ay = alignedAlongY();
            return new Bounds(x - ax, y - ay, x + ax, y + ay);
        }
        double theta = Math.toRadians(rotationDeg);
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double halfWidth = Math.hypot(rx * c, ry * s);
        double halfHeight = Math.hypot(rx * s, ry * c);
        return new Bounds(x - halfWidth, y - halfHeight, x + halfWidth, y + halfHeight);
    }
}
