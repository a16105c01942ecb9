package org.calibra.shared.geometry;

import java.util.Objects;

/** A lesion's shape as drawn on one image of the stack ({@code imageIndex}, 0-based in the expanded stack). */
public record SliceShape(int imageIndex, Shape shape) {

    public SliceShape {
        if (imageIndex < 0) {
            throw new IllegalArgumentException("imageIndex must be >= 0, was " + imageIndex);
        }
        Objects.requireNonNull(shape, "shape");
    }
}
