package org.calibra.synthetic.phantom;

import org.calibra.synthetic.Recipe.Lesion;
import org.calibra.synthetic.Recipe.RadiographParameters;

/**
 * A PA chest radiograph as a projection: each pixel sums a water-equivalent path length through soft tissue,
 * air-filled lung (a quarter of soft tissue's attenuation), the heart and mediastinum, spine, clavicles and
 * twenty ribs (posterior arcs and fainter anterior ones), plus the recipe's lesions (spheres whose projected
 * thickness is scaled by their {@code contrast}). The sum is blurred slightly, mapped to 12-bit values
 * (bone and soft tissue bright, MONOCHROME2) and given seeded noise. Patient left is image right, head up.
 */
public final class ChestRadiograph {

    /** Path length through the chest's soft tissue at the midline, cm; a lesion's contrast is relative to it. */
    static final double CHEST_CM = 22;
    private static final double FULL_SCALE = 32;

    private final RadiographParameters p;
    private final Rng rng;
    private final double scale, lungHeight, heartWidth, rightDome, leftDome, ribStart, ribStep;
    /** Posterior rib centre lines: [rib][point][x, y], x measured from the midline (before scaling). */
    private final double[][][] posteriorRibs = new double[10][13][2];
    /** Lung markings: 2D branches from each hilum, {x0, y0, x1, y1, width mm}. */
    private final java.util.List<double[]> vessels = new java.util.ArrayList<>();

    public ChestRadiograph(RadiographParameters p, Rng seed) {
        this.p = p;
        Rng a = seed.fork("anatomy");
        scale = a.uniform(0.92, 1.06);
        lungHeight = a.uniform(125, 145);
        heartWidth = a.uniform(72, 88);
        rightDome = a.uniform(95, 120);
        leftDome = rightDome + a.uniform(8, 20);
        ribStart = a.uniform(-150, -140);
        ribStep = a.uniform(23, 26);
        this.rng = seed.fork("noise");
        for (int k = 0; k < 10; k++) {
            double y0 = ribStart + k * ribStep;
            for (int s = 0; s <= 12; s++) {
                double t = s / 12.0;
                posteriorRibs[k][s][0] = 20 + 135 * t;
                posteriorRibs[k][s][1] = y0 - 16 * StrictMath.sin(Math.PI * t * 0.85) + 42 * t * t * t;
            }
        }
        Rng v = seed.fork("vessels");
        for (int side = -1; side <= 1; side += 2) {
            double hx = side * 48 * scale, hy = -5;
            for (int t = 0; t < 7; t++) {
                double angle = side < 0 ? Math.PI - (-1.3 + t * 0.45) : -1.3 + t * 0.45;
                growVessels(v.fork("trunk", side * 10L + t), hx + side * 6, hy, angle + v.uniform(-0.15, 0.15), 30, 4.5, 0);
            }
        }
    }

    public double xMm(double xPx) {
        return (xPx - p.columns() / 2.0) * p.pixelSpacingMm();
    }

    public double yMm(double yPx) {
        return (yPx - p.rows() / 2.0) * p.pixelSpacingMm();
    }

    private void growVessels(Rng r, double x, double y, double angle, double length, double width, int generation) {
        if (generation > 6 || width < 0.5) {
            return;
        }
        double x1 = x + length * StrictMath.cos(angle), y1 = y + length * StrictMath.sin(angle);
        if (lungCm(x1, y1) <= 0.5) {
            return;
        }
        vessels.add(new double[] {x, y, x1, y1, width});
        for (int child = 0; child < 2; child++) {
            double turn = r.uniform(0.25, 0.6) * (child == 0 ? 1 : -1);
            growVessels(r, x1, y1, angle + turn, length * r.uniform(0.7, 0.85), width * r.uniform(0.68, 0.8), generation + 1);
        }
    }

    /** Lung thickness in cm at a point (0 outside the lung fields). */
    public double lungCm(double x, double y) {
        double side = x < 0 ? -1 : 1;
        double cx = side * 82 * scale, cy = -10;
        double a = 70 * scale, b = lungHeight;
        double dome = side < 0 ? rightDome : leftDome;
        if (y > dome - 25 * sq((x - cx) / a)) {
            return 0; // below the diaphragm dome
        }
        double q = sq((x - cx) / a) + sq((y - cy) / b);
        if (q >= 1) {
            return 0;
        }
        double medial = Math.abs(x) - (22 + 8 * clamp01((y + 90) / 60)) * scale;
        if (medial <= 0) {
            return 0;
        }
        double lung = 15 * Math.sqrt(1 - q) * Math.min(1, medial / 12);
        return Math.max(0, lung - heartCm(x, y) * 0.9);
    }

    private double heartCm(double x, double y) {
        double q = sq((x - 38 * scale) / heartWidth) + sq((y - (rightDome - 40)) / 60);
        return q < 1 ? 12 * Math.sqrt(1 - q) : 0;
    }

    /** Water-equivalent path length in cm, before blur and noise. */
    double attenuation(double x, double y) {
        double halfWidth = y < -185 ? 60 : y < -150 ? 60 + (y + 185) * 3.2 : 172 * scale;
        if (Math.abs(x) >= halfWidth || y < -260) {
            return 0;
        }
        double soft = CHEST_CM * Math.sqrt(1 - sq(x / halfWidth));
        double lung = lungCm(x, y);
        double a = soft - 0.75 * lung;
        // spine: vertebral bodies with disc spaces, behind the mediastinum
        if (Math.abs(x) < 20) {
            double disc = ((y + 400) % 24) < 4 ? 0.4 : 1;
            a += 3.0 * disc * Math.sqrt(1 - sq(x / 20));
        }
        a += ribs(x, y);
        return a;
    }

    private double ribs(double x, double y) {
        double ax = Math.abs(x) / scale;
        double bone = 0;
        // clavicles
        double clav = distToSegment(ax, y, 15, ribStart - 20, 140, ribStart - 45);
        if (clav < 7) {
            bone += 1.6 * profile(clav / 7);
        }
        for (int k = 0; k < 10; k++) {
            double y0 = ribStart + k * ribStep;
            // posterior rib: from the spine outwards, arching up, then down at the side
            double best = Double.MAX_VALUE;
            if (y > y0 - 25 && y < y0 + 50) {
                double[][] line = posteriorRibs[k];
                for (int s = 1; s < line.length; s++) {
                    best = Math.min(best, distToSegment(ax, y, line[s - 1][0], line[s - 1][1], line[s][0], line[s][1]));
                }
            }
            if (best < 5) {
                bone += 1.2 * profile(best / 5);
            }
            // anterior rib: from the side back towards the middle, going down
            double endY = y0 + 42;
            double ant = distToSegment(ax, y, 150, endY + 5, 45, endY + 55);
            if (ant < 4) {
                bone += 0.55 * profile(ant / 4);
            }
        }
        return bone;
    }

    /** Projected thickness of a tube wall: more bone at the edges (cortex seen end on). */
    private static double profile(double u) {
        return 0.55 + 0.45 * u * u;
    }

    private static double distToSegment(double x, double y, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay;
        double t = ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy);
        t = Math.max(0, Math.min(1, t));
        double ex = x - ax - t * dx, ey = y - ay - t * dy;
        return Math.sqrt(ex * ex + ey * ey);
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    private static double sq(double v) {
        return v * v;
    }

    public short[] render() {
        int rows = p.rows(), cols = p.columns();
        double[] a = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            double y = yMm(r + 0.5);
            for (int c = 0; c < cols; c++) {
                a[r * cols + c] = attenuation(xMm(c + 0.5), y);
            }
        }
        for (double[] v : vessels) {
            addVessel(v, a);
        }
        blur(a, rows, cols);
        for (Lesion l : p.lesions()) {
            addLesion(l, a);
        }
        var noise = new Noise(rng);
        short[] out = new short[rows * cols];
        for (int i = 0; i < a.length; i++) {
            double x = Math.min(1, a[i] / FULL_SCALE);
            double v = x * Math.sqrt(Math.sqrt(x)); // x^1.25 from correctly rounded operations only (Math.pow may differ by an ulp between JVMs)
            double stored = 4095 * v + 4095 * p.noise() * noise.next();
            out[i] = (short) Math.max(0, Math.min(4095, Math.round(stored)));
        }
        return out;
    }

    private void addVessel(double[] v, double[] a) {
        int cols = p.columns(), rows = p.rows();
        double ps = p.pixelSpacingMm(), half = v[4] / 2;
        int c0 = Math.max(0, (int) ((Math.min(v[0], v[2]) - half) / ps + cols / 2.0) - 1);
        int c1 = Math.min(cols - 1, (int) ((Math.max(v[0], v[2]) + half) / ps + cols / 2.0) + 1);
        int r0 = Math.max(0, (int) ((Math.min(v[1], v[3]) - half) / ps + rows / 2.0) - 1);
        int r1 = Math.min(rows - 1, (int) ((Math.max(v[1], v[3]) + half) / ps + rows / 2.0) + 1);
        for (int r = r0; r <= r1; r++) {
            double y = yMm(r + 0.5);
            for (int c = c0; c <= c1; c++) {
                double d = distToSegment(xMm(c + 0.5), y, v[0], v[1], v[2], v[3]);
                if (d < half) {
                    a[r * cols + c] += 0.32 * v[4] * Math.sqrt(1 - sq(d / half)); // a tube of blood seen side on
                }
            }
        }
    }

    private void addLesion(Lesion l, double[] a) {
        int cols = p.columns(), rows = p.rows();
        double rPx = l.diameterMm() / 2 / p.pixelSpacingMm();
        int c0 = Math.max(0, (int) Math.floor(l.x() - rPx - 1)), c1 = Math.min(cols - 1, (int) Math.ceil(l.x() + rPx + 1));
        int r0 = Math.max(0, (int) Math.floor(l.y() - rPx - 1)), r1 = Math.min(rows - 1, (int) Math.ceil(l.y() + rPx + 1));
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                double d = Math.sqrt(sq(c + 0.5 - l.x()) + sq(r + 0.5 - l.y())) / rPx;
                double edge = Math.max(0, Math.min(1, (1 - d) * rPx + 0.5)); // soft over one pixel
                if (edge > 0) {
                    a[r * cols + c] += l.contrast() * CHEST_CM * Math.sqrt(Math.max(0, 1 - d * d)) * edge + 0.02 * l.contrast() * CHEST_CM * edge;
                }
            }
        }
    }

    /** Two passes of a separable [1 2 1]/4 kernel: the soft look of scatter and detector blur. */
    private static void blur(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int l = Math.max(0, c - 1), rr = Math.min(cols - 1, c + 1);
                    t[r * cols + c] = (a[r * cols + l] + 2 * a[r * cols + c] + a[r * cols + rr]) / 4;
                }
            }
            for (int r = 0; r < rows; r++) {
                int u = Math.max(0, r - 1), d = Math.min(rows - 1, r + 1);
                for (int c = 0; c < cols; c++) {
                    a[r * cols + c] = (t[u * cols + c] + 2 * t[r * cols + c] + t[d * cols + c]) / 4;
                }
            }
        }
    }
}
