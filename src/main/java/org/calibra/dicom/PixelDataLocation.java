package org.calibra.dicom;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the top-level Pixel Data (7FE0,0010) lies, as {@link DicomReader#readHeader} found it, and where each frame
 * is, so a server can send a frame as ranges of the file without reading the rest. Offsets are file positions,
 * except when {@code inDeflatedDataSet}: then they are positions in the inflated data set.
 *
 * @param valueOffset      first byte of the native value, or of the first fragment's value when encapsulated (-1: none)
 * @param valueLength      length of the native value (-1 when encapsulated)
 * @param fragments        encapsulated only: each fragment (the Basic Offset Table excluded)
 * @param basicOffsetTable encapsulated only: the table's entries (offsets of each frame's first fragment item, relative
 *                         to the first fragment item's tag), empty when the table is empty
 * @param numberOfFrames   (0028,0008), 1 when absent or unreadable
 * @param bitsAllocated    (0028,0100), 16 when absent
 * @param frameBits        Rows × Columns × Samples per Pixel × Bits Allocated: the size of a native frame in bits
 */
public record PixelDataLocation(long valueOffset, long valueLength, boolean encapsulated, List<Fragment> fragments,
                                long[] basicOffsetTable, boolean inDeflatedDataSet, int numberOfFrames, int bitsAllocated,
                                long frameBits) {

    /** A fragment's value bytes: [offset, offset + length). {@code itemOffset} is where its item tag starts. */
    public record Fragment(long itemOffset, long offset, long length) {}

    public PixelDataLocation {
        fragments = List.copyOf(fragments);
    }

    /** The location, with the frame layout taken from the image pixel attributes read before it. */
    static PixelDataLocation of(long valueOffset, long valueLength, boolean encapsulated, List<Fragment> fragments,
                                long[] basicOffsetTable, boolean inDeflatedDataSet, DataSet header) {
        Integer frames = header.integer(Tags.NumberOfFrames);
        int bits = orElse(header.integer(Tags.BitsAllocated), 16);
        long frameBits = (long) orElse(header.integer(Tags.Rows), 0) * orElse(header.integer(Tags.Columns), 0)
                * orElse(header.integer(Tags.SamplesPerPixel), 1) * bits;
        return new PixelDataLocation(valueOffset, valueLength, encapsulated, fragments, basicOffsetTable, inDeflatedDataSet,
                frames == null || frames < 1 ? 1 : frames, bits, frameBits);
    }

    /**
     * The byte ranges {offset, length} of frame {@code number} (1-based, at most {@link #numberOfFrames}), in order: a
     * native frame by its size; an encapsulated frame as its fragments — all of them for a single frame, one per frame
     * when there are as many fragments as frames, otherwise as the Basic Offset Table groups them.
     *
     * @throws UnsupportedDicomException when the layout does not say where the frame is (frames not on byte
     *                                   boundaries, fragments without a usable offset table)
     * @throws DicomException            when the pixel data is shorter than its frames
     */
    public List<long[]> frame(int number) {
        if (number < 1 || number > numberOfFrames) {
            throw new IllegalArgumentException("frame " + number + " of " + numberOfFrames);
        }
        return encapsulated ? encapsulatedFrame(number) : List.of(nativeFrame(number));
    }

    private long[] nativeFrame(int number) {
        if (numberOfFrames == 1) {
            return new long[] {valueOffset, valueLength};
        }
        if (frameBits % 8 != 0) {
            throw new UnsupportedDicomException("frames of " + bitsAllocated + "-bit pixel data do not start on byte boundaries");
        }
        long size = frameBits / 8;
        long offset = valueOffset + (number - 1) * size;
        if (offset + size > valueOffset + valueLength) {
            throw new DicomException("the stored pixel data holds fewer than " + number + " frames of " + size + " bytes");
        }
        return new long[] {offset, size};
    }

    private List<long[]> encapsulatedFrame(int number) {
        if (numberOfFrames == 1) {
            return fragments.stream().map(f -> new long[] {f.offset(), f.length()}).toList();
        }
        if (fragments.size() == numberOfFrames) {
            var f = fragments.get(number - 1);
            return List.of(new long[] {f.offset(), f.length()});
        }
        if (basicOffsetTable.length != numberOfFrames || fragments.isEmpty()) {
            throw new UnsupportedDicomException("cannot tell which of the " + fragments.size() + " fragments belong to frame " + number
                    + ": the file has " + numberOfFrames + " frames and no usable Basic Offset Table");
        }
        long first = fragments.getFirst().itemOffset();
        long start = first + basicOffsetTable[number - 1];
        long end = number < numberOfFrames ? first + basicOffsetTable[number] : Long.MAX_VALUE;
        List<long[]> ranges = new ArrayList<>();
        fragments.stream().filter(f -> f.itemOffset() >= start && f.itemOffset() < end).forEach(f -> ranges.add(new long[] {f.offset(), f.length()}));
        return ranges;
    }

    private static int orElse(Integer v, int fallback) {
        return v == null ? fallback : v;
    }
}
