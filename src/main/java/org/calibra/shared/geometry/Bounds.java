package org.calibra.shared.geometry;

/** The smallest axis-aligned rectangle holding a shape, in image pixels. */
public record Bounds(double minX, double minY, double maxX, double maxY) {

    /** Whether the rectangle lies within an image of {@code columns} × {@code rows} pixels (edges included). */
    public boolean within(int columns, int rows) {
        return minX >= 0 && minY >= 0 && maxX <= columns && maxY <= rows;
    }
}
