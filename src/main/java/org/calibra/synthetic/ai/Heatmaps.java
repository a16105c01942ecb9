package org.calibra.synthetic.ai;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * AI heatmaps: an 8-bit grayscale PNG per image with marks, a Gaussian blob around each mark (peak 255 x
 * probability, sigma from the mark's radius), at a quarter of the image's size (the viewer stretches it).
 * The PNG's zlib stream uses stored (uncompressed) blocks, so its bytes do not depend on a zlib version.
 */
public final class Heatmaps {

    public static final int DOWNSCALE = 4;

    private Heatmaps() {
    }

    /** {@code marks} on one image of {@code rows} x {@code columns} pixels. */
    public static byte[] png(List<SimulatedAi.Mark> marks, int rows, int columns) {
        int w = columns / DOWNSCALE, h = rows / DOWNSCALE;
        byte[] gray = new byte[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double x = (c + 0.5) * DOWNSCALE, y = (r + 0.5) * DOWNSCALE, v = 0;
                for (var m : marks) {
                    double sigma = Math.max(6, 1.3 * m.radiusPx());
                    double d2 = (x - m.x()) * (x - m.x()) + (y - m.y()) * (y - m.y());
                    if (d2 < 16 * sigma * sigma) {
                        v = Math.max(v, m.probability() * StrictMath.exp(-d2 / (2 * sigma * sigma)));
                    }
                }
                gray[r * w + c] = (byte) Math.round(255 * v);
            }
        }
        return grayPng(gray, w, h);
    }

    static byte[] grayPng(byte[] gray, int w, int h) {
        var raw = new ByteArrayOutputStream(gray.length + h);
        for (int r = 0; r < h; r++) {
            raw.write(0); // filter type None
            raw.write(gray, r * w, w);
        }
        byte[] scanlines = raw.toByteArray();
        var z = new ByteArrayOutputStream(scanlines.length + 64);
        z.write(0x78);
        z.write(0x01);
        for (int off = 0; off < scanlines.length || off == 0; ) {
            int len = Math.min(65535, scanlines.length - off);
            boolean last = off + len >= scanlines.length;
            z.write(last ? 1 : 0);
            z.write(len & 0xFF);
            z.write(len >>> 8);
            z.write(~len & 0xFF);
            z.write((~len >>> 8) & 0xFF);
            z.write(scanlines, off, len);
            off += len;
            if (last) {
                break;
            }
        }
        var adler = new Adler32();
        adler.update(scanlines);
        writeInt(z, (int) adler.getValue());
        var png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        var ihdr = new ByteArrayOutputStream();
        writeInt(ihdr, w);
        writeInt(ihdr, h);
        ihdr.writeBytes(new byte[] {8, 0, 0, 0, 0}); // 8-bit, grayscale, deflate, adaptive filtering, no interlace
        chunk(png, "IHDR", ihdr.toByteArray());
        chunk(png, "IDAT", z.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        writeInt(out, data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        var crc = new CRC32();
        crc.update(t);
        crc.update(data);
        writeInt(out, (int) crc.getValue());
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16 & 0xFF);
        out.write(v >>> 8 & 0xFF);
        out.write(v & 0xFF);
    }
}
