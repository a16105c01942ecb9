package org.calibra.casebank.aiobjects;

import java.util.ArrayList;
import java.util.List;

/** Vectors in patient space and polygons in image pixels: what mapping and outlining need, nothing more. */
public final class Geometry {

    /** Vertices of the polygons that approximate circles and ellipses. */
    static final int CURVE_VERTICES = 64;

    private Geometry() {
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    /** Signed area (shoelace); positive when the vertices run clockwise on screen (y down). */
    public static double signedArea(List<Point> polygon) {
        double s = 0;
        for (int i = 0, n = polygon.size(); i < n; i++) {
            Point a = polygon.get(i), b = polygon.get((i + 1) % n);
            s += a.x() * b.y() - b.x() * a.y();
        }
        return s / 2;
    }

    public static double area(List<Point> polygon) {
        return Math.abs(signedArea(polygon));
    }

    /** The area centroid; the mean of the vertices when the polygon has (almost) no area. */
    public static Point centroid(List<Point> polygon) {
        double a = signedArea(polygon);
        if (Math.abs(a) < 1e-9) {
            return new Point(polygon.stream().mapToDouble(Point::x).average().orElse(0), polygon.stream().mapToDouble(Point::y).average().orElse(0));
        }
        double cx = 0, cy = 0;
        for (int i = 0, n = polygon.size(); i < n; i++) {
            Point p = polygon.get(i), q = polygon.get((i + 1) % n);
            double f = p.x() * q.y() - q.x() * p.y();
            cx += (p.x() + q.x()) * f;
            cy += (p.y() + q.y()) * f;
        }
        return new Point(cx / (6 * a), cy / (6 * a));
    }

    /** Even-odd rule. */
    public static boolean contains(List<Point> polygon, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
            Point a = polygon.get(i), b = polygon.get(j);
            if ((a.y() > y) != (b.y() > y) && x < (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** The pixels whose centre lies inside the polygon, row by row ({@code rows} × {@code columns}). */
    public static boolean[] rasterize(List<Point> polygon, int rows, int columns) {
        boolean[] mask = new boolean[rows * columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                mask[r * columns + c] = contains(polygon, c + 0.5, r + 0.5);
            }
        }
        return mask;
    }

    /** An ellipse as a polygon: centre, semi-axes a (along {@code angle}, radians from the x axis) and b. */
    public static List<Point> ellipse(Point centre, double a, double b, double angle) {
        List<Point> out = new ArrayList<>(CURVE_VERTICES);
        double cos = Math.cos(angle), sin = Math.sin(angle);
        for (int i = 0; i < CURVE_VERTICES; i++) {
            double t = 2 * Math.PI * i / CURVE_VERTICES;
            double u = a * Math.cos(t), v = b * Math.sin(t);
            out.add(new Point(centre.x() + u * cos - v * sin, centre.y() + u * sin + v * cos));
        }
        return out;
    }

    public static List<Point> circle(Point centre, double radius) {
        return ellipse(centre, radius, radius, 0);
    }

    /** Distance from a point to a closed polygon's boundary. */
    public static double distanceToBoundary(List<Point> polygon, Point p) {
        double best = Double.MAX_VALUE;
        for (int i = 0, n = polygon.size(); i < n; i++) {
            best = Math.min(best, distanceToSegment(p, polygon.get(i), polygon.get((i + 1) % n)));
        }
        return best;
    }

    /** Symmetric Hausdorff distance between two closed polygons' boundaries (vertices against edges, both ways). */
    public static double hausdorff(List<Point> a, List<Point> b) {
        double d = 0;
        for (Point p : densify(a)) {
            d = Math.max(d, distanceToBoundary(b, p));
        }
        for (Point p : densify(b)) {
            d = Math.max(d, distanceToBoundary(a, p));
        }
        return d;
    }

    private static List<Point> densify(List<Point> polygon) {
        List<Point> out = new ArrayList<>();
        for (int i = 0, n = polygon.size(); i < n; i++) {
            Point p = polygon.get(i), q = polygon.get((i + 1) % n);
            int steps = Math.max(1, (int) Math.ceil(p.distance(q) / 0.25));
            for (int k = 0; k < steps; k++) {
                out.add(new Point(p.x() + (q.x() - p.x()) * k / steps, p.y() + (q.y() - p.y()) * k / steps));
            }
        }
        return out;
    }

    private static double distanceToSegment(Point p, Point a, Point b) {
        double dx = b.x() - a.x(), dy = b.y() - a.y();
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2));
        return Math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy));
    }
}
