package org.calibra.dicom;

import java.util.List;

/**
 * Native (uncompressed) pixel data as numbers, one frame at a time, and the packing of 1-bit frames (PS3.5 8.1.1, 8.2):
 * what a reader of segmentations and heatmaps needs, and a writer of binary segmentations. Only one sample per pixel.
 * Bits of a 1-bit frame are packed from the least significant bit of each byte, and frames follow one another without
 * padding, so a frame may start in the middle of a byte. Values are little endian, as a {@link DataSet} holds them.
 */
public final class NativePixels {

    private NativePixels() {
    }

    /** The size in bytes that {@code frames} frames of {@code rows} × {@code columns} samples of {@code bitsAllocated} take. */
    public static long byteLength(int frames, int rows, int columns, int bitsAllocated) {
        long bits = (long) frames * rows * columns * bitsAllocated;
        return (bits + 7) / 8;
    }

    /**
     * The samples of frame {@code frame} (0-based), row by row: bits allocated 1, 8, 16 or 32; {@code signed} for a Pixel
     * Representation of 1 (8-, 16- and 32-bit only). Refuses pixel data that is encapsulated, of a VR that holds no integer
     * samples, or too short for the frame.
     */
    public static int[] frame(Element pixelData, int rows, int columns, int bitsAllocated, boolean signed, int frame) {
        if (pixelData.isEncapsulated() || pixelData.value() == null) {
            throw new UnsupportedDicomException("unsupported encoding: the pixel data is compressed; only native pixel data is read here");
        }
        byte[] v = pixelData.value();
        int n = rows * columns;
        long end = byteLength(frame + 1, rows, columns, bitsAllocated);
        if (end > v.length) {
            throw new DicomException("the pixel data holds " + v.length + " bytes, too few for frame " + (frame + 1) + " of "
                    + rows + " x " + columns + " pixels at " + bitsAllocated + " bits");
        }
        int[] out = new int[n];
        switch (bitsAllocated) {
            case 1 -> {
                long bit = (long) frame * n;
                for (int i = 0; i < n; i++, bit++) {
                    out[i] = (v[(int) (bit >>> 3)] >>> (int) (bit & 7)) & 1;
                }
            }
            case 8 -> {
                int at = frame * n;
                for (int i = 0; i < n; i++) {
                    out[i] = signed ? v[at + i] : v[at + i] & 0xFF;
                }
            }
            case 16 -> {
                int at = frame * n * 2;
                for (int i = 0; i < n; i++) {
                    int u = (v[at + 2 * i] & 0xFF) | (v[at + 2 * i + 1] & 0xFF) << 8;
                    out[i] = signed ? (short) u : u;
                }
            }
            case 32 -> {
                int at = frame * n * 4;
                for (int i = 0; i < n; i++) {
                    int p = at + 4 * i;
                    long u = (v[p] & 0xFFL) | (v[p + 1] & 0xFFL) << 8 | (v[p + 2] & 0xFFL) << 16 | (v[p + 3] & 0xFFL) << 24;
                    out[i] = signed ? (int) u : (int) Math.min(u, Integer.MAX_VALUE);
                }
            }
            default -> throw new UnsupportedDicomException("unsupported encoding: " + bitsAllocated + " bits allocated per pixel");
        }
        return out;
    }

    /** 1-bit frames packed one after another (least significant bit first), padded to an even number of bytes. */
    public static byte[] packBits(List<boolean[]> frames) {
        long bits = frames.stream().mapToLong(f -> f.length).sum();
        byte[] out = new byte[(int) (((bits + 7) / 8 + 1) & ~1L)];
        long bit = 0;
        for (boolean[] f : frames) {
            for (boolean set : f) {
                if (set) {
                    out[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
                }
                bit++;
            }
        }
        return out;
    }
}
