package org.calibra.casebank.dicom;

import java.util.List;

/**
 * Where Pixel Data (7FE0,0010) lies in the file, so a server can send one frame as a range of the file
 * without reading the rest. Offsets are file positions, except when {@code inDeflatedDataSet} is true: then
 * they are positions in the inflated data set and the file must be inflated first.
 *
 * @param valueOffset    first byte of the native pixel value, or of the first fragment item's value when encapsulated
 * @param valueLength    length of the native value (-1 when encapsulated)
 * @param fragments      encapsulated only: each fragment's value (offset, length), the Basic Offset Table excluded
 * @param basicOffsetTable encapsulated only: the table's entries (offsets of each frame's first fragment, relative to
 *                        the first fragment item's tag), empty when the table is empty
 */
public record PixelDataLocation(long valueOffset, long valueLength, boolean encapsulated, List<Fragment> fragments,
                                long[] basicOffsetTable, boolean inDeflatedDataSet) {

    public PixelDataLocation {
        fragments = List.copyOf(fragments);
    }

    /** A fragment's value bytes: [offset, offset + length). {@code itemOffset} is where its item tag starts. */
    public record Fragment(long itemOffset, long offset, long length) {}
}
