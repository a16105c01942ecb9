package org.calibra.scoring.domain;

/**
 * Physical size of a pixel, in the order of DICOM Pixel Spacing (0028,0030).
 *
 * @param rowMm    distance between the centres of adjacent rows, i.e. the size of a step in y
 * @param columnMm distance between the centres of adjacent columns, i.e. the size of a step in x
 */
public record PixelSpacing(double rowMm, double columnMm) {

    public PixelSpacing {
        Checks.requirePositive(rowMm, "PixelSpacing rowMm");
        Checks.requirePositive(columnMm, "PixelSpacing columnMm");
    }

    public static PixelSpacing isotropic(double mm) {
        return new PixelSpacing(mm, mm);
    }

    /** Euclidean distance in mm of a pixel offset; y steps are rows, x steps are columns. */
    double distanceMm(double dxPx, double dyPx) {
        return Math.hypot(dxPx * columnMm, dyPx * rowMm);
    }

    /**
     * A length in pixels converted to mm. With anisotropic pixels a pixel-space circle is an ellipse
     * in mm; the geometric mean keeps its area, so the lesion is neither enlarged nor shrunk.
     */
    double lengthMm(double px) {
        // Exact for the common isotropic case, where sqrt(s * s) may be off by an ulp.
        return rowMm == columnMm ? px * rowMm : px * Math.sqrt(rowMm * columnMm);
    }
}
