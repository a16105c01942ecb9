package org.calibra.synthetic.phantom;

import java.util.ArrayList;
import java.util.List;

/**
 * Vessel- and airway-like trees in each lung: from the hilum, a few trunks branch in two again and again,
 * each child shorter and thinner, turned by a seeded angle, and kept inside the lung. Segments are capsules
 * (a line with a radius) in patient millimetres.
 */
public final class BranchingTree {

    /** A capsule from a to b with radius r; {@code airway} segments are air tubes with a soft-tissue wall. */
    public record Segment(double ax, double ay, double az, double bx, double by, double bz, double r, boolean airway) {
        double zMin() {
            return Math.min(az, bz) - r - 1.5;
        }

        double zMax() {
            return Math.max(az, bz) + r + 1.5;
        }
    }

    private static final double[][] TRUNKS = {
        {0, -0.2, 1}, {0.2, 0.3, 0.95}, {0.5, -0.3, 0.8}, {0, 0.1, -1}, {0.3, 0.5, -0.8}, {0.6, 0, -0.8}, {1, 0, 0.1},
        {0.7, -0.7, 0}, {0.6, 0.7, -0.2}, {0.5, -0.4, -0.7}, {0.3, -0.9, 0.3}, {0.4, 0.9, 0.4}, {0.9, 0.3, 0.5}, {0.8, -0.2, -0.5},
    };

    private BranchingTree() {
    }

    public static List<Segment> grow(ChestAnatomy anatomy, Rng rng) {
        List<Segment> out = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            double[] hilum = side == 0 ? anatomy.rightHilum : anatomy.leftHilum;
            double sx = side == 0 ? -1 : 1;
            for (int t = 0; t < TRUNKS.length; t++) {
                double[] d = normal(new double[] {sx * TRUNKS[t][0], TRUNKS[t][1], TRUNKS[t][2]});
                Rng r = rng.fork("trunk", side * 100L + t);
                // start a little outside the hilum, in the lung
                double[] start = {hilum[0] + sx * 8, hilum[1], hilum[2]};
                branch(anatomy, r, out, start, d, 24, 3.4, 0);
            }
        }
        return List.copyOf(out);
    }

    private static void branch(ChestAnatomy anatomy, Rng rng, List<Segment> out, double[] a, double[] d, double length, double radius, int generation) {
        if (radius < 0.4 || generation > 9) {
            return;
        }
        double[] b = null;
        for (int attempt = 0; attempt < 4 && b == null; attempt++) {
            if (attempt > 0) { // bend away from the lung's edge
                d = normal(new double[] {d[0] + rng.uniform(-0.8, 0.8), d[1] + rng.uniform(-0.8, 0.8), d[2] + rng.uniform(-0.8, 0.8)});
            }
            for (double len = length; len > 3 && b == null; len *= 0.6) {
                double[] candidate = {a[0] + d[0] * len, a[1] + d[1] * len, a[2] + d[2] * len};
                if (anatomy.inLung(candidate[0], candidate[1], candidate[2])) {
                    b = candidate;
                }
            }
        }
        if (b == null) {
            return;
        }
        out.add(new Segment(a[0], a[1], a[2], b[0], b[1], b[2], radius, false));
        if (generation >= 1 && generation <= 3) {
            // a bronchus beside the artery
            double[] off = normal(cross(d, new double[] {0.3, 0.9, 0.2}));
            double o = radius + 1.6;
            out.add(new Segment(a[0] + off[0] * o, a[1] + off[1] * o, a[2] + off[2] * o,
                    b[0] + off[0] * o, b[1] + off[1] * o, b[2] + off[2] * o, radius * 0.8, true));
        }
        double[] u = normal(cross(d, Math.abs(d[2]) < 0.9 ? new double[] {0, 0, 1} : new double[] {1, 0, 0}));
        double[] v = cross(d, u);
        double spin = rng.uniform(0, 2 * Math.PI);
        for (int child = 0; child < 2; child++) {
            double angle = rng.uniform(0.35, 0.7) * (child == 0 ? 1 : -1);
            double phi = spin + child * Math.PI * rng.uniform(0.8, 1.2);
            double c = StrictMath.cos(angle), s = StrictMath.sin(angle);
            double cp = StrictMath.cos(phi), sp = StrictMath.sin(phi);
            double[] nd = normal(new double[] {
                d[0] * c + (u[0] * cp + v[0] * sp) * s,
                d[1] * c + (u[1] * cp + v[1] * sp) * s,
                d[2] * c + (u[2] * cp + v[2] * sp) * s});
            branch(anatomy, rng.fork("child", child), out, b, nd, length * rng.uniform(0.72, 0.86), radius * rng.uniform(0.7, 0.8), generation + 1);
        }
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] normal(double[] a) {
        double n = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        return new double[] {a[0] / n, a[1] / n, a[2] / n};
    }
}
