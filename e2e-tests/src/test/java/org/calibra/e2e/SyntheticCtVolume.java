package org.calibra.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.Part10Writer;
import org.calibra.dicom.Tags;
import org.calibra.dicom.TransferSyntax;

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
 * <p>Built as a data set and written by the app's codec ({@code org.calibra.dicom}).
 * {@code java -cp target/classes e2e-tests/src/test/java/org/calibra/e2e/SyntheticCtVolume.java OUT_DIR} writes the
 * files for looking at them with {@code dcmdump}.
 */
record SyntheticCtVolume(int size, int slices) {

    static final double PIXEL_SPACING_MM = 2.5;
    static final double SLICE_SPACING_MM = 2.5;
    static final int SOFT_TISSUE_HU = 40;
    private static final String ROOT = "2.25.1741295511098765432101234567";
    private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

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
        short[] pixels = new short[size * size];
        for (int j = 0; j < size; j++) {
            for (int i = 0; i < size; i++) {
                pixels[j * size + i] = (short) (hu(i, j, k, noise) + 1024);
            }
        }
        double origin = -size * PIXEL_SPACING_MM / 2;
        var ds = new DataSet()
                .putStrings(Tags.ImageType, "ORIGINAL", "PRIMARY", "AXIAL")
                .putStrings(Tags.SOPClassUID, CT_IMAGE_STORAGE)
                .putStrings(Tags.SOPInstanceUID, ROOT + ".3." + (k + 1))
                .putStrings(Tags.StudyDate, "20260101")
                .putStrings(Tags.Modality, "CT")
                .putStrings(Tags.SeriesDescription, "Synthetic phantom")
                .putStrings(Tags.PatientName, "Synthetic^Phantom")
                .putStrings(Tags.PatientID, "SYNTH-0001")
                .putDecimals(Tags.SliceThickness, SLICE_SPACING_MM)
                .putStrings(Tags.StudyInstanceUID, ROOT + ".1")
                .putStrings(Tags.SeriesInstanceUID, ROOT + ".2")
                .putInts(Tags.InstanceNumber, k + 1)
                .putDecimals(Tags.ImagePositionPatient, origin, origin, k * SLICE_SPACING_MM)
                .putDecimals(Tags.ImageOrientationPatient, 1, 0, 0, 0, 1, 0)
                .putStrings(Tags.FrameOfReferenceUID, ROOT + ".4")
                .putInts(Tags.SamplesPerPixel, 1)
                .putStrings(Tags.PhotometricInterpretation, "MONOCHROME2")
                .putInts(Tags.Rows, size)
                .putInts(Tags.Columns, size)
                .putDecimals(Tags.PixelSpacing, PIXEL_SPACING_MM, PIXEL_SPACING_MM)
                .putInts(Tags.BitsAllocated, 16)
                .putInts(Tags.BitsStored, 16)
                .putInts(Tags.HighBit, 15)
                .putInts(Tags.PixelRepresentation, 0)
                .putDecimals(Tags.WindowCenter, 40)
                .putDecimals(Tags.WindowWidth, 400)
                .putDecimals(Tags.RescaleIntercept, -1024)
                .putDecimals(Tags.RescaleSlope, 1)
                .putWords(Tags.PixelData, pixels);
        return Part10Writer.write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                new Part10Writer.Implementation(ROOT + ".9", "CALIBRA_E2E"));
    }

    private static double sq(double v) {
        return v * v;
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
