package org.calibra.shared.geometry;

/** A point in image pixel coordinates: {@code x} the column, {@code y} the row (fractional values allowed). */
public record Point(double x, double y) {

    public Point {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a point needs finite coordinates, was (" + x + ", " + y + ")");
        }
    }
}
