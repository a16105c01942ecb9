package org.calibra.synthetic.phantom;

import java.util.List;
import org.calibra.synthetic.Recipe.CtParameters;
import org.calibra.synthetic.Recipe.Nodule;

/**
 * Renders the axial slices of a {@link ChestAnatomy} with its vessel/airway trees and the recipe's nodules.
 * Image geometry: slice k lies at z = zTop - k * spacing (k = 0 is the most cranial); pixel (c, r) has its
 * centre at x = (c + 0.5 - columns/2) * spacing, y = (r + 0.5 - rows/2) * spacing, so a content-format
 * coordinate (x, y) maps to ((x - columns/2) * spacing, (y - rows/2) * spacing). Stored values are
 * HU + 1024 (RescaleIntercept -1024, slope 1), clamped to 12 bits.
 */
public final class ChestCtVolume {

    public static final int RESCALE_INTERCEPT = -1024;

    private final CtParameters p;
    private final ChestAnatomy anatomy;
    private final List<BranchingTree.Segment> tree;
    private final Rng noiseRng;

    public ChestCtVolume(CtParameters p, Rng seed) {
        this.p = p;
        this.anatomy = new ChestAnatomy(seed.fork("anatomy"));
        this.tree = BranchingTree.grow(anatomy, seed.fork("tree"));
        this.noiseRng = seed.fork("noise");
    }

    public ChestAnatomy anatomy() {
        return anatomy;
    }

    public List<BranchingTree.Segment> tree() {
        return tree;
    }

    public double zOf(int slice) {
        return (p.slices() - 1) / 2.0 * p.sliceSpacingMm() - slice * p.sliceSpacingMm();
    }

    public double xMm(double xPx) {
        return (xPx - p.columns() / 2.0) * p.pixelSpacingMm();
    }

    public double yMm(double yPx) {
        return (yPx - p.rows() / 2.0) * p.pixelSpacingMm();
    }

    public double xPx(double xMm) {
        return xMm / p.pixelSpacingMm() + p.columns() / 2.0;
    }

    public double yPx(double yMm) {
        return yMm / p.pixelSpacingMm() + p.rows() / 2.0;
    }

    /** Is the pixel-coordinate point on slice {@code slice} in lung parenchyma? */
    public boolean inLung(double xPx, double yPx, int slice) {
        return anatomy.inLung(xMm(xPx), yMm(yPx), zOf(slice));
    }

    /** First and last slice whose plane cuts the nodule's sphere (|dz| < radius). */
    public int[] sliceRange(Nodule n) {
        double r = n.diameterMm() / 2;
        int reach = (int) Math.ceil(r / p.sliceSpacingMm()) - 1;
        if ((reach + 1) * p.sliceSpacingMm() < r) {
            reach++;
        }
        return new int[] {Math.max(0, n.slice() - reach), Math.min(p.slices() - 1, n.slice() + reach)};
    }

    /** The stored 16-bit values of one slice, row by row. */
    public short[] slice(int k) {
        int rows = p.rows(), cols = p.columns();
        double ps = p.pixelSpacingMm();
        double z = zOf(k);
        float[] hu = new float[rows * cols];
        boolean[] lung = new boolean[rows * cols];
        for (int r = 0; r < rows; r++) {
            double y = yMm(r + 0.5);
            for (int c = 0; c < cols; c++) {
                double x = xMm(c + 0.5);
                hu[r * cols + c] = (float) anatomy.hu(x, y, z);
                lung[r * cols + c] = anatomy.inLung(x, y, z);
            }
        }
        for (var s : tree) {
            if (z >= s.zMin() && z <= s.zMax()) {
                drawSegment(s, z, hu, lung);
            }
        }
        for (Nodule n : p.nodules()) {
            drawNodule(n, z, hu);
        }
        var noise = new Noise(noiseRng.fork("slice", k));
        short[] out = new short[rows * cols];
        float sigma = (float) p.noiseHu();
        for (int i = 0; i < out.length; i++) {
            float v = hu[i] + (hu[i] > -990 ? sigma * noise.next() : 0.15f * sigma * noise.next());
            int stored = Math.round(v) - RESCALE_INTERCEPT;
            out[i] = (short) Math.max(0, Math.min(4095, stored));
        }
        return out;
    }

    private void drawSegment(BranchingTree.Segment s, double z, float[] hu, boolean[] lung) {
        int rows = p.rows(), cols = p.columns();
        double ps = p.pixelSpacingMm();
        double reach = s.r() + (s.airway() ? Math.max(0.6, 0.35 * s.r()) : 0) + ps;
        // the part of the segment within reach of this plane
        double t0 = 0, t1 = 1;
        double dz = s.bz() - s.az();
        if (Math.abs(dz) > 1e-9) {
            double ta = (z - reach - s.az()) / dz, tb = (z + reach - s.az()) / dz;
            t0 = Math.max(0, Math.min(ta, tb));
            t1 = Math.min(1, Math.max(ta, tb));
            if (t0 > t1) {
                return;
            }
        }
        double x0 = s.ax() + t0 * (s.bx() - s.ax()), x1 = s.ax() + t1 * (s.bx() - s.ax());
        double y0 = s.ay() + t0 * (s.by() - s.ay()), y1 = s.ay() + t1 * (s.by() - s.ay());
        int c0 = Math.max(0, (int) Math.floor(xPx(Math.min(x0, x1) - reach)));
        int c1 = Math.min(cols - 1, (int) Math.ceil(xPx(Math.max(x0, x1) + reach)));
        int r0 = Math.max(0, (int) Math.floor(yPx(Math.min(y0, y1) - reach)));
        int r1 = Math.min(rows - 1, (int) Math.ceil(yPx(Math.max(y0, y1) + reach)));
        double wall = Math.max(0.6, 0.35 * s.r());
        for (int r = r0; r <= r1; r++) {
            double y = yMm(r + 0.5);
            for (int c = c0; c <= c1; c++) {
                int i = r * cols + c;
                if (!lung[i]) {
                    continue;
                }
                double d = ChestAnatomy.tubeDistance(xMm(c + 0.5), y, z, s.ax(), s.ay(), s.az(), s.bx(), s.by(), s.bz());
                if (s.airway()) {
                    double aw = clamp01((s.r() + wall - d) / ps + 0.5);
                    if (aw > 0) {
                        hu[i] = blend(hu[i], 10, aw);
                        double lumen = clamp01((s.r() - d) / ps + 0.5);
                        hu[i] = blend(hu[i], (float) ChestAnatomy.AIR, lumen);
                    }
                } else {
                    double a = clamp01((s.r() - d) / ps + 0.5);
                    if (a > 0) {
                        hu[i] = blend(hu[i], (float) ChestAnatomy.BLOOD, a);
                    }
                }
            }
        }
    }

    private void drawNodule(Nodule n, double z, float[] hu) {
        double ps = p.pixelSpacingMm();
        double radius = n.diameterMm() / 2;
        double cz = zOf(n.slice());
        double dz = z - cz;
        if (Math.abs(dz) >= radius) {
            return;
        }
        double cx = xMm(n.x()), cy = yMm(n.y());
        int cols = p.columns(), rows = p.rows();
        int c0 = Math.max(0, (int) Math.floor(n.x() - radius / ps - 1)), c1 = Math.min(cols - 1, (int) Math.ceil(n.x() + radius / ps + 1));
        int r0 = Math.max(0, (int) Math.floor(n.y() - radius / ps - 1)), r1 = Math.min(rows - 1, (int) Math.ceil(n.y() + radius / ps + 1));
        for (int r = r0; r <= r1; r++) {
            double y = yMm(r + 0.5) - cy;
            for (int c = c0; c <= c1; c++) {
                double x = xMm(c + 0.5) - cx;
                double d = Math.sqrt(x * x + y * y + dz * dz);
                int i = r * cols + c;
                double outer = clamp01((radius - d) / ps + 0.5);
                if (outer > 0) {
                    hu[i] = blend(hu[i], n.density().outerHu, outer);
                }
                if (n.density().coreHu != n.density().outerHu) {
                    double core = clamp01((radius / 2 - d) / ps + 0.5);
                    if (core > 0) {
                        hu[i] = blend(hu[i], n.density().coreHu, core);
                    }
                }
            }
        }
    }

    private static float blend(float under, float over, double alpha) {
        return (float) (under + (over - under) * alpha);
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
