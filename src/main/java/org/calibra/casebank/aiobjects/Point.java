package org.calibra.casebank.aiobjects;

/**
 * A point in image pixel coordinates, as case.yaml uses them (docs/content-format.md): {@code x} the column, {@code y} the
 * row, (0, 0) the top-left corner of the top-left pixel, so a pixel's centre is at (c + 0.5, r + 0.5). DICOM SR's SCOORD
 * uses the same convention (PS3.3 C.18.6.1.2), so its values are taken as they are.
 */
public record Point(double x, double y) {

    public double distance(Point o) {
        return Math.hypot(x - o.x, y - o.y);
    }
}
