package org.calibra.authoring;

import java.util.List;

/**
 * One series among a draft's stored DICOM files, as the stack-order step lists it. De-identification removes the
 * series description (it may name a patient), so a series is told apart by its number, modality, image count and size.
 * {@code key}: stable within the draft (its first file's name); {@code stackPosition}: where it starts in the current
 * stack (0 first), or -1 when the stack does not use it; {@code hasPositions}: every image says where its slice lies, so
 * it can be ordered by slice position.
 */
public record DraftSeries(String key, Integer number, String modality, int rows, int columns, List<Image> images, int stackPosition,
                          boolean hasPositions) {

    /** A stored file of the series: its frames, its Instance Number and its position along the slice normal (null if unknown). */
    public record Image(String file, int frames, Integer instanceNumber, Double position) {}

    public DraftSeries {
        images = List.copyOf(images);
    }

    public boolean inStack() {
        return stackPosition >= 0;
    }

    public int frames() {
        return images.stream().mapToInt(Image::frames).sum();
    }

    /** "Series 3 · CT · 64 images · 256 × 256 pixels" */
    public String words() {
        int n = frames();
        return (number == null ? "Series without a number" : "Series " + number) + " · " + modality + " · " + n + (n == 1 ? " image" : " images")
                + " · " + columns + " × " + rows + " pixels";
    }
}
