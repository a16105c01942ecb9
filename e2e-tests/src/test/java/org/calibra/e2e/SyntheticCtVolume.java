package org.calibra.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A small synthetic axial CT series for testing the viewer's tools and MPR: {@code slices} single-frame
 * uncompressed explicit-VR-little-endian CT Image Storage files of {@code size}×{@code size} pixels with
 * consistent ImagePositionPatient / ImageOrientationPatient / PixelSpacing / SliceThickness and a
 * modality LUT (stored = HU + 1024, RescaleSlope 1, RescaleIntercept -1024).
 *
 * <p>The phantom, in Hounsfield units: air (-1000) outside an elliptical body of soft tissue (40 ± 5),
 * two lungs (-800), a vertebral column of bone (700) behind them and a 60 HU sphere in the right lower
 * chest, so coronal and sagittal reformats show structure. Deterministic (fixed seed).
 *
 * <p>{@code java SyntheticCtVolume.java OUT_DIR} writes the files for looking at them with {@code dcmdump}.
 */
final class SyntheticCtVolume {

    static final double PIXEL_SPACING_MM = 2.5;
    static final double SLICE_SPACING_MM = 2.5;
    static final int SOFT_TISSUE_HU = 40;
    private static final String ROOT = "2.25.1741295511098765432101234567";
    private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    private static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

    private final int size;
    private final int slices;

    SyntheticCtVolume(int size, int slices) {
        this.size = size;
        this.slices = slices;
    }

    /** Centre of the soft-tissue region free of other structures (image column, row), for ROI tests. */
    double[] softTissuePoint() {
        return new double[] {size * 0.5, size * 0.28};
    }

    /** The DICOM files, slice 0 at the feet (lowest z) first. */
    List<byte[]> files() {
        List<byte[]> files = new ArrayList<>();
        for (int k = 0; k < slices; k++) {
            files.add(slice(k));
        }
        return files;
    }

    /** Hounsfield value of voxel (column i, row j, slice k). */
    int hu(int i, int j, int k, Random noise) {
        double cx = size / 2.0;
        double cy = size / 2.0;
        double x = (i + 0.5 - cx) / size;
        double y = (j + 0.5 - cy) / size;
        double z = (k + 0.5) / slices;
        if (sq(x / 0.45) + sq(y / 0.32) > 1) {
            return -1000;
        }
        if (sq(x / 0.07) + sq((y - 0.2) / 0.07) <= 1) {
            return 700; // vertebral column, the whole length
        }
        // lungs shrink towards the feet (slice 0), so coronal/sagittal views show a dome-like change
        double lungScale = 0.6 + 0.4 * z;
        if (sq((Math.abs(x) - 0.2) / (0.13 * lungScale)) + sq((y + 0.02) / (0.2 * lungScale)) <= 1) {
            return -800;
        }
        double dz = (z - 0.35) * slices * SLICE_SPACING_MM / (size * PIXEL_SPACING_MM);
        if (sq(x + 0.25) + sq(y - 0.2) + sq(dz) <= sq(0.06)) {
            return 60; // a sphere lesion
        }
        return SOFT_TISSUE_HU + (int) Math.round(noise.nextGaussian() * 5);
    }

    private byte[] slice(int k) {
        var noise = new Random(1000L + k);
        var pixels = ByteBuffer.allocate(size * size * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int j = 0; j < size; j++) {
            for (int i = 0; i < size; i++) {
                pixels.putShort((short) (hu(i, j, k, noise) + 1024));
            }
        }
        String sopInstance = ROOT + ".3." + (k + 1);
        double origin = -size * PIXEL_SPACING_MM / 2;
        var ds = new Writer();
        ds.str(0x0008, 0x0008, "CS", "ORIGINAL\\PRIMARY\\AXIAL");
        ds.str(0x0008, 0x0016, "UI", CT_IMAGE_STORAGE);
        ds.str(0x0008, 0x0018, "UI", sopInstance);
        ds.str(0x0008, 0x0020, "DA", "20260101");
        ds.str(0x0008, 0x0060, "CS", "CT");
        ds.str(0x0008, 0x103E, "LO", "Synthetic phantom");
        ds.str(0x0010, 0x0010, "PN", "Synthetic^Phantom");
        ds.str(0x0010, 0x0020, "LO", "SYNTH-0001");
        ds.str(0x0018, 0x0050, "DS", fmt(SLICE_SPACING_MM));
        ds.str(0x0020, 0x000D, "UI", ROOT + ".1");
        ds.str(0x0020, 0x000E, "UI", ROOT + ".2");
        ds.str(0x0020, 0x0013, "IS", String.valueOf(k + 1));
        ds.str(0x0020, 0x0032, "DS", fmt(origin) + "\\" + fmt(origin) + "\\" + fmt(k * SLICE_SPACING_MM));
        ds.str(0x0020, 0x0037, "DS", "1\\0\\0\\0\\1\\0");
        ds.str(0x0020, 0x0052, "UI", ROOT + ".4");
        ds.us(0x0028, 0x0002, 1);
        ds.str(0x0028, 0x0004, "CS", "MONOCHROME2");
        ds.us(0x0028, 0x0010, size);
        ds.us(0x0028, 0x0011, size);
        ds.str(0x0028, 0x0030, "DS", fmt(PIXEL_SPACING_MM) + "\\" + fmt(PIXEL_SPACING_MM));
        ds.us(0x0028, 0x0100, 16);
        ds.us(0x0028, 0x0101, 16);
        ds.us(0x0028, 0x0102, 15);
        ds.us(0x0028, 0x0103, 0);
        ds.str(0x0028, 0x1050, "DS", "40");
        ds.str(0x0028, 0x1051, "DS", "400");
        ds.str(0x0028, 0x1052, "DS", "-1024");
        ds.str(0x0028, 0x1053, "DS", "1");
        ds.bytes(0x7FE0, 0x0010, "OW", pixels.array());

        var meta = new Writer();
        meta.bytes(0x0002, 0x0001, "OB", new byte[] {0, 1});
        meta.str(0x0002, 0x0002, "UI", CT_IMAGE_STORAGE);
        meta.str(0x0002, 0x0003, "UI", sopInstance);
        meta.str(0x0002, 0x0010, "UI", EXPLICIT_VR_LITTLE_ENDIAN);
        meta.str(0x0002, 0x0012, "UI", ROOT + ".9");
        byte[] metaBytes = meta.out.toByteArray();
        var header = new Writer();
        header.ul(0x0002, 0x0000, metaBytes.length);

        var file = new ByteArrayOutputStream();
        file.writeBytes(new byte[128]);
        file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(header.out.toByteArray());
        file.writeBytes(metaBytes);
        file.writeBytes(ds.out.toByteArray());
        return file.toByteArray();
    }

    private static double sq(double v) {
        return v * v;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("\\.?0+$", "");
    }

    /** Explicit VR little endian elements, written in the order given (callers keep tag order). */
    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void str(int group, int element, String vr, String value) {
            byte[] v = value.getBytes(StandardCharsets.US_ASCII);
            if (v.length % 2 == 1) {
                byte[] padded = java.util.Arrays.copyOf(v, v.length + 1);
                padded[v.length] = (byte) (vr.equals("UI") ? 0 : ' ');
                v = padded;
            }
            element(group, element, vr, v);
        }

        void us(int group, int element, int value) {
            element(group, element, "US", ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array());
        }

        void ul(int group, int element, int value) {
            element(group, element, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
        }

        void bytes(int group, int element, String vr, byte[] value) {
            element(group, element, vr, value);
        }

        private void element(int group, int element, String vr, byte[] value) {
            var b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            b.putShort((short) group).putShort((short) element).put(vr.getBytes(StandardCharsets.US_ASCII));
            if (vr.equals("OB") || vr.equals("OW") || vr.equals("UN") || vr.equals("SQ") || vr.equals("UT")) {
                b.putShort((short) 0).putInt(value.length);
            } else {
                b.putShort((short) value.length);
            }
            out.write(b.array(), 0, b.position());
            out.writeBytes(value);
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "synthetic-ct");
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int slices = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        Files.createDirectories(dir);
        var files = new SyntheticCtVolume(size, slices).files();
        for (int k = 0; k < files.size(); k++) {
            Files.write(dir.resolve(String.format(Locale.ROOT, "slice-%03d.dcm", k + 1)), files.get(k));
        }
        System.out.println("wrote " + files.size() + " slices to " + dir.toAbsolutePath());
    }

    static void writeTo(Path dir) {
        try {
            main(new String[] {dir.toString()});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
