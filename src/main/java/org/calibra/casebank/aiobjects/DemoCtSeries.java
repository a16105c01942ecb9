package org.calibra.casebank.aiobjects;

import static org.calibra.dicom.Tags.*;

import java.util.ArrayList;
import java.util.List;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.Part10Writer;
import org.calibra.dicom.TransferSyntax;
import org.calibra.dicom.Uids;

/**
 * A tiny synthetic axial CT series for AI objects to refer to (tests, demo content): {@code slices} images of
 * {@code size} × {@code size} pixels of 0.7 mm, 2.5 mm apart, a water disc in air with a soft-tissue sphere ("nodule") of
 * radius {@code noduleRadiusMm} at {@link #noduleCentreMm}. No patient: the name says SYNTHETIC. CT Image IOD modules as
 * the synthetic generator writes them.
 */
public final class DemoCtSeries {

    public static final double PIXEL_SPACING_MM = 0.7;
    public static final double SLICE_SPACING_MM = 2.5;

    private final String seed;
    private final int slices;
    private final int size;
    private final double noduleRadiusMm;
    private final List<DataSet> images = new ArrayList<>();

    public DemoCtSeries(String seed, int slices, int size, double noduleRadiusMm) {
        this.seed = seed;
        this.slices = slices;
        this.size = size;
        this.noduleRadiusMm = noduleRadiusMm;
        for (int k = 0; k < slices; k++) {
            images.add(slice(k));
        }
    }

    /** The images, top slice first (stack order: head to feet). */
    public List<DataSet> images() {
        return images;
    }

    public List<byte[]> files() {
        return images.stream().map(ds -> Part10Writer.write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).toList();
    }

    /** The case's stack as {@link AiObjects} takes it: one entry per image, with its plane. */
    public List<CaseImage> caseImages() {
        return images.stream().map(ds -> CaseImage.of(ds, 0)).toList();
    }

    public String studyUid() {
        return Uids.fromName("calibra-demo-ai", seed, "study");
    }

    public String seriesUid() {
        return Uids.fromName("calibra-demo-ai", seed, "series");
    }

    public String frameOfReferenceUid() {
        return Uids.fromName("calibra-demo-ai", seed, "frame-of-reference");
    }

    /** Patient position (mm) of the nodule's centre: right of centre, a little anterior, in the middle slice. */
    public double[] noduleCentreMm() {
        return new double[] {origin() + 0.62 * size * PIXEL_SPACING_MM, origin() + 0.40 * size * PIXEL_SPACING_MM, z(slices / 2)};
    }

    public double noduleRadiusMm() {
        return noduleRadiusMm;
    }

    public int size() {
        return size;
    }

    double z(int k) {
        return -SLICE_SPACING_MM * k;
    }

    private double origin() {
        return -size * PIXEL_SPACING_MM / 2 + PIXEL_SPACING_MM / 2;
    }

    private DataSet slice(int k) {
        short[] pixels = new short[size * size];
        double[] nodule = noduleCentreMm();
        double dz = z(k) - nodule[2];
        double r2 = noduleRadiusMm * noduleRadiusMm - dz * dz;
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                double x = origin() + c * PIXEL_SPACING_MM, y = origin() + r * PIXEL_SPACING_MM;
                double body = Math.hypot(x, y) / (size * PIXEL_SPACING_MM * 0.45);
                int hu = body <= 1 ? -20 : -1000;
                if (r2 > 0 && Math.pow(x - nodule[0], 2) + Math.pow(y - nodule[1], 2) <= r2) {
                    hu = 45;
                }
                pixels[r * size + c] = (short) (hu + 1024);
            }
        }
        String date = "20260101", time = "090000";
        return new DataSet()
                .putStrings(SpecificCharacterSet, "ISO_IR 100")
                .putStrings(ImageType, "ORIGINAL", "PRIMARY", "AXIAL")
                .putStrings(SOPClassUID, SopClasses.CT_IMAGE)
                .putStrings(SOPInstanceUID, Uids.fromName("calibra-demo-ai", seed, "instance", Integer.toString(k)))
                .putStrings(StudyDate, date).putStrings(SeriesDate, date).putStrings(AcquisitionDate, date).putStrings(ContentDate, date)
                .putStrings(StudyTime, time).putStrings(SeriesTime, time).putStrings(AcquisitionTime, time).putStrings(ContentTime, time)
                .putStrings(AccessionNumber, "")
                .putStrings(Modality, "CT")
                .putStrings(Manufacturer, "Calibra synthetic phantom")
                .putStrings(ReferringPhysicianName, "")
                .putStrings(StudyDescription, "Synthetic chest CT")
                .putStrings(SeriesDescription, "Synthetic chest CT " + SLICE_SPACING_MM + " mm")
                .putStrings(PatientName, "SYNTHETIC^AI OBJECTS")
                .putStrings(PatientID, "SYN-AI-" + Math.abs(seed.hashCode() % 100000))
                .putStrings(PatientBirthDate, "19600101")
                .putStrings(PatientSex, "O")
                .putStrings(PatientIdentityRemoved, "YES")
                .putStrings(DeidentificationMethod, "Synthetic image, no patient data")
                .putStrings(BodyPartExamined, "CHEST")
                .putDecimals(SliceThickness, SLICE_SPACING_MM)
                .putDecimals(KVP, 120)
                .putStrings(PatientPosition, "HFS")
                .putStrings(StudyInstanceUID, studyUid())
                .putStrings(SeriesInstanceUID, seriesUid())
                .putStrings(StudyID, "1")
                .putStrings(SeriesNumber, "1")
                .putStrings(AcquisitionNumber, "1")
                .putStrings(InstanceNumber, Integer.toString(k + 1))
                .putDecimals(ImagePositionPatient, origin(), origin(), z(k))
                .putDecimals(ImageOrientationPatient, 1, 0, 0, 0, 1, 0)
                .putStrings(FrameOfReferenceUID, frameOfReferenceUid())
                .putStrings(PositionReferenceIndicator, "")
                .putDecimals(SliceLocation, z(k))
                .putInts(SamplesPerPixel, 1)
                .putStrings(PhotometricInterpretation, "MONOCHROME2")
                .putInts(Rows, size)
                .putInts(Columns, size)
                .putDecimals(PixelSpacing, PIXEL_SPACING_MM, PIXEL_SPACING_MM)
                .putInts(BitsAllocated, 16)
                .putInts(BitsStored, 12)
                .putInts(HighBit, 11)
                .putInts(PixelRepresentation, 0)
                .putStrings(BurnedInAnnotation, "NO")
                .putDecimals(WindowCenter, 40)
                .putDecimals(WindowWidth, 400)
                .putDecimals(RescaleIntercept, -1024)
                .putDecimals(RescaleSlope, 1)
                .putStrings(RescaleType, "HU")
                .putWords(PixelData, pixels);
    }
}
