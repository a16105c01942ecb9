package org.calibra.shared.geometry;

import java.util.List;
import java.util.Optional;

/** The computations behind the shapes: orientation, segment intersection, distances, area and centroid of polygons. */
public final class PlaneGeometry {

    private PlaneGeometry() {
    }

    /**
     * Twice the signed area of the triangle a, b, c: positive when c lies to the left of a→b in a y-up frame (to the
     * right as an image is shown, y down), 0 when the three are collinear.
     */
    public static double orientation(Point a, Point b, Point c) {
        return (b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x());
    }

    /** For p collinear with a and b: whether p lies on the segment a–b (ends included). */
    private static boolean withinSpan(Point a, Point b, Point p) {
        return p.x() >= Math.min(a.x(), b.x()) && p.x() <= Math.max(a.x(), b.x())
                && p.y() >= Math.min(a.y(), b.y()) && p.y() <= Math.max(a.y(), b.y());
    }

    /** Whether p lies on the closed segment a–b. */
    public static boolean onSegment(Point a, Point b, Point p) {
        return orientation(a, b, p) == 0 && withinSpan(a, b, p);
    }

    /**
     * Whether the closed segments p1–p2 and q1–q2 have any point in common: a proper crossing, an end touching the
     * other segment, or collinear segments that overlap.
     */
    public static boolean segmentsIntersect(Point p1, Point p2, Point q1, Point q2) {
        double d1 = orientation(q1, q2, p1);
        double d2 = orientation(q1, q2, p2);
        double d3 = orientation(p1, p2, q1);
        double d4 = orientation(p1, p2, q2);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
            return true;
        }
        return (d1 == 0 && withinSpan(q1, q2, p1)) || (d2 == 0 && withinSpan(q1, q2, p2))
                || (d3 == 0 && withinSpan(p1, p2, q1)) || (d4 == 0 && withinSpan(p1, p2, q2));
    }

    /** A point the two intersecting segments share: their crossing, or an end lying on the other segment. */
    static Point commonPoint(Point p1, Point p2, Point q1, Point q2) {
        double rx = p2.x() - p1.x();
        double ry = p2.y() - p1.y();
        double sx = q2.x() - q1.x();
        double sy = q2.y() - q1.y();
        double denominator = rx * sy - ry * sx;
        if (denominator != 0) {
            double t = ((q1.x() - p1.x()) * sy - (q1.y() - p1.y()) * sx) / denominator;
            return new Point(p1.x() + t * rx, p1.y() + t * ry);
        }
        for (Point candidate : List.of(q1, q2)) {
            if (withinSpan(p1, p2, candidate)) {
                return candidate;
            }
        }
        return withinSpan(q1, q2, p1) ? p1 : p2;
    }

    /**
     * Where a closed polygon crosses or touches itself. Edge {@code i} runs from point {@code i} to point
     * {@code i + 1} (the last edge back to point 0). {@code at} is a point the two edges share.
     */
    public record Crossing(int edge, int otherEdge, Point at) {}

    /**
     * The first place (by edge, then other edge) where the closed polygon through {@code points} crosses or touches
     * itself: two edges that are not neighbours share a point, or two neighbours overlap beyond their common corner
     * (the outline doubles back on itself). Empty for a simple polygon. Expects no two consecutive points to be equal
     * (see {@link #firstRepeatedPoint}); O(n²) with a bounding-box test first.
     */
    public static Optional<Crossing> firstCrossing(List<Point> points) {
        int n = points.size();
        for (int i = 0; i < n; i++) {
            Point a1 = points.get(i);
            Point a2 = points.get((i + 1) % n);
            double aMinX = Math.min(a1.x(), a2.x());
            double aMaxX = Math.max(a1.x(), a2.x());
            double aMinY = Math.min(a1.y(), a2.y());
            double aMaxY = Math.max(a1.y(), a2.y());
            for (int j = i + 1; j < n; j++) {
                Point b1 = points.get(j);
                Point b2 = points.get((j + 1) % n);
                if (j == i + 1 || (i == 0 && j == n - 1)) {
                    // neighbours share a corner; they may not run back along each other from it
                    Point corner = j == i + 1 ? a2 : a1;
                    Point before = j == i + 1 ? a1 : a2;
                    Point after = j == i + 1 ? b2 : b1;
                    if (orientation(before, corner, after) == 0
                            && (before.x() - corner.x()) * (after.x() - corner.x()) + (before.y() - corner.y()) * (after.y() - corner.y()) > 0) {
                        Point nearer = Math.hypot(before.x() - corner.x(), before.y() - corner.y())
                                <= Math.hypot(after.x() - corner.x(), after.y() - corner.y()) ? before : after;
                        return Optional.of(new Crossing(i, j, nearer));
                    }
                    continue;
                }
                if (Math.max(b1.x(), b2.x()) < aMinX || Math.min(b1.x(), b2.x()) > aMaxX
                        || Math.max(b1.y(), b2.y()) < aMinY || Math.min(b1.y(), b2.y()) > aMaxY) {
                    continue;
                }
                if (segmentsIntersect(a1, a2, b1, b2)) {
                    return Optional.of(new Crossing(i, j, commonPoint(a1, a2, b1, b2)));
                }
            }
        }
        return Optional.empty();
    }

    /** The index {@code i} of the first point equal to the next one (the last compared with the first), or -1. */
    public static int firstRepeatedPoint(List<Point> points) {
        int n = points.size();
        for (int i = 0; i < n; i++) {
            if (points.get(i).equals(points.get((i + 1) % n))) {
                return i;
            }
        }
        return -1;
    }

    /** Shoelace formula: positive when the points run anticlockwise in a y-up frame (clockwise as an image is shown). */
    public static double signedArea(List<Point> points) {
        Point origin = points.getFirst(); // relative coordinates keep large offsets from cancelling digits
        double twice = 0;
        for (int i = 0; i < points.size(); i++) {
            Point a = points.get(i);
            Point b = points.get((i + 1) % points.size());
            twice += (a.x() - origin.x()) * (b.y() - origin.y()) - (b.x() - origin.x()) * (a.y() - origin.y());
        }
        return twice / 2;
    }

    /** Centroid of the region a simple polygon encloses (its centre of area). */
    public static Point centroid(List<Point> points) {
        Point origin = points.getFirst();
        double twice = 0;
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < points.size(); i++) {
            double ax = points.get(i).x() - origin.x();
            double ay = points.get(i).y() - origin.y();
            double bx = points.get((i + 1) % points.size()).x() - origin.x();
            double by = points.get((i + 1) % points.size()).y() - origin.y();
            double cross = ax * by - bx * ay;
            twice += cross;
            cx += (ax + bx) * cross;
            cy += (ay + by) * cross;
        }
        return new Point(origin.x() + cx / (3 * twice), origin.y() + cy / (3 * twice));
    }

    /** Even-odd rule, with every point of the outline counted as inside. */
    public static boolean insideOrOn(List<Point> points, Point p) {
        int n = points.size();
        boolean inside = false;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            Point a = points.get(i);
            Point b = points.get(j);
            if (onSegment(a, b, p)) {
                return true;
            }
            if ((a.y() > p.y()) != (b.y() > p.y())) {
                double crossX = a.x() + (p.y() - a.y()) * (b.x() - a.x()) / (b.y() - a.y());
                if (p.x() < crossX) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    /** The shortest distance from p to the closed polyline through {@code points}, x scaled by sx and y by sy. */
    public static double distanceToClosedPolyline(List<Point> points, Point p, double sx, double sy) {
        double best = Double.POSITIVE_INFINITY;
        int n = points.size();
        for (int i = 0; i < n; i++) {
            Point a = points.get(i);
            Point b = points.get((i + 1) % n);
            best = Math.min(best, distanceToSegment(a.x() * sx, a.y() * sy, b.x() * sx, b.y() * sy, p.x() * sx, p.y() * sy));
        }
        return best;
    }

    static double distanceToSegment(double ax, double ay, double bx, double by, double px, double py) {
        double vx = bx - ax;
        double vy = by - ay;
        double lengthSquared = vx * vx + vy * vy;
        double t = lengthSquared == 0 ? 0 : Math.clamp(((px - ax) * vx + (py - ay) * vy) / lengthSquared, 0.0, 1.0);
        return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
    }

    /**
     * The distance from (y0, y1), with y0, y1 &gt;= 0, to the axis-aligned ellipse (x/e0)² + (y/e1)² = 1 with
     * e0 &gt;= e1 &gt; 0, from inside or outside. D. Eberly, "Distance from a Point to an Ellipse, an Ellipsoid, or a
     * Hyperellipsoid" (Geometric Tools, 2013): the closest point solves a monotone equation in one unknown, found by
     * bisection to the last bit.
     */
    public static double distanceToEllipse(double e0, double e1, double y0, double y1) {
        if (y1 > 0) {
            if (y0 > 0) {
                double z0 = y0 / e0;
                double z1 = y1 / e1;
                double g = z0 * z0 + z1 * z1 - 1;
                if (g == 0) {
                    return 0;
                }
                double r0 = (e0 / e1) * (e0 / e1);
                double s = ellipseRoot(r0, z0, z1, g);
                double x0 = r0 * y0 / (s + r0);
                double x1 = y1 / (s + 1);
                return Math.hypot(x0 - y0, x1 - y1);
            }
            return Math.abs(y1 - e1);
        }
        double numerator = e0 * y0;
        double denominator = e0 * e0 - e1 * e1;
        if (numerator < denominator) {
            double ratio = numerator / denominator;
            double x0 = e0 * ratio;
            double x1 = e1 * Math.sqrt(1 - ratio * ratio);
            return Math.hypot(x0 - y0, x1);
        }
        return Math.abs(y0 - e0);
    }

    private static double ellipseRoot(double r0, double z0, double z1, double g) {
        double n0 = r0 * z0;
        double s0 = z1 - 1;
        double s1 = g < 0 ? 0 : Math.hypot(n0, z1) - 1;
        double s = 0;
        for (int i = 0; i < 2200; i++) {
            s = (s0 + s1) / 2;
            if (s == s0 || s == s1) {
                break;
            }
            double ratio0 = n0 / (s + r0);
            double ratio1 = z1 / (s + 1);
            double value = ratio0 * ratio0 + ratio1 * ratio1 - 1;
            if (value > 0) {
                s0 = s;
            } else if (value < 0) {
                s1 = s;
            } else {
                break;
            }
        }
        return s;
    }
}
