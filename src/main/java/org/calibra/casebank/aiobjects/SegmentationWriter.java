package org.calibra.casebank.aiobjects;

import static org.calibra.dicom.Tags.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.Dictionary;
import org.calibra.dicom.NativePixels;
import org.calibra.dicom.Part10Writer;
import org.calibra.dicom.TransferSyntax;
import org.calibra.dicom.Uids;

/**
 * Writes a DICOM Segmentation (PS3.3 A.51) over single-frame source images with the codec, as an AI product would: one
 * frame per segment and source image the segment marks (empty frames are left out), each naming its source image
 * (Derivation Image Sequence), plane position and segment; pixel measures and orientation shared; dimensions segment
 * number, then image position. {@link Kind#LABEL_MAP} writes the 2024 Label Map Segmentation (one frame per source image
 * holding every segment's number).
 */
public final class SegmentationWriter {

    public enum Kind { BINARY, FRACTIONAL_PROBABILITY, FRACTIONAL_OCCUPANCY, LABEL_MAP }

    /** Maximum Fractional Value written for fractional segmentations. */
    public static final int MAX_FRACTIONAL = 255;

    /**
     * A segment and its masks: for each source image (index into the sources) its values, row by row, 0..1 (binary and
     * label map: set where at least 0.5).
     */
    public record Segment(int number, String label, Code category, Code type, String trackingId, String trackingUid,
                          Map<Integer, float[]> masks) {

        public Segment {
            masks = new TreeMap<>(masks);
        }

        /** A binary segment from polygons (image pixels) on source images: pixels whose centre lies inside are set. */
        public static Segment ofPolygons(int number, String label, Code category, Code type, String trackingId, String trackingUid,
                                         Map<Integer, List<Point>> polygons, int rows, int columns) {
            Map<Integer, float[]> masks = new TreeMap<>();
            polygons.forEach((source, polygon) -> {
                boolean[] m = Geometry.rasterize(polygon, rows, columns);
                float[] f = new float[m.length];
                for (int i = 0; i < m.length; i++) {
                    f[i] = m[i] ? 1 : 0;
                }
                masks.put(source, f);
            });
            return new Segment(number, label, category, type, trackingId, trackingUid, masks);
        }
    }

    public static final Code TISSUE = new Code("85756007", "SCT", "Tissue");
    public static final Code ABNORMAL = new Code("49755003", "SCT", "Morphologically Abnormal Structure");
    public static final Code NODULE = new Code("27925004", "SCT", "Nodule");
    public static final Code LUNG = new Code("39607008", "SCT", "Lung");

    private SegmentationWriter() {
    }

    public static byte[] write(List<DataSet> sources, List<Segment> segments, Kind kind, AiSeries series) {
        return Part10Writer.write(build(sources, segments, kind, series), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    public static DataSet build(List<DataSet> sources, List<Segment> segments, Kind kind, AiSeries series) {
        DataSet first = sources.getFirst();
        int rows = first.integer(Rows), columns = first.integer(Columns);
        boolean labelMap = kind == Kind.LABEL_MAP;
        List<Integer> positions = positionOrder(sources);

        // frames: (segment, source) pairs with any pixel set; a label map has one frame per source image
        List<int[]> frames = new ArrayList<>();
        if (labelMap) {
            for (int source : positions) {
                if (segments.stream().anyMatch(s -> any(s.masks().get(source), 0.5f))) {
                    frames.add(new int[] {0, source});
                }
            }
        } else {
            for (Segment s : segments) {
                for (int source : positions) {
                    if (any(s.masks().get(source), kind == Kind.BINARY ? 0.5f : 0.5f / MAX_FRACTIONAL)) {
                        frames.add(new int[] {s.number(), source});
                    }
                }
            }
        }

        String dimensionOrganization = uid(series, "dimension-organization");
        List<DataSet> perFrame = new ArrayList<>();
        List<boolean[]> bitFrames = new ArrayList<>();
        byte[] byteFrames = new byte[frames.size() * rows * columns];
        int at = 0;
        for (int[] frame : frames) {
            int number = frame[0], source = frame[1];
            DataSet image = sources.get(source);
            DataSet sourceImage = new DataSet()
                    .putStrings(t("ReferencedSOPClassUID"), image.string(SOPClassUID))
                    .putStrings(t("ReferencedSOPInstanceUID"), image.string(SOPInstanceUID))
                    .putSequence(t("PurposeOfReferenceCodeSequence"), new Code("121322", "DCM", "Source image for image processing operation").sequence());
            DataSet derivation = new DataSet()
                    .putSequence(t("DerivationCodeSequence"), new Code("113076", "DCM", "Segmentation").sequence())
                    .putSequence(t("SourceImageSequence"), List.of(sourceImage));
            int positionIndex = positions.indexOf(source) + 1;
            DataSet fg = new DataSet()
                    .putSequence(t("DerivationImageSequence"), List.of(derivation))
                    .putSequence(t("FrameContentSequence"), List.of(new DataSet().putInts(t("DimensionIndexValues"),
                            labelMap ? new long[] {positionIndex} : new long[] {number, positionIndex})))
                    .putSequence(t("PlanePositionSequence"), List.of(new DataSet().putDecimals(ImagePositionPatient, image.decimals(ImagePositionPatient))));
            if (!labelMap) {
                fg.putSequence(t("SegmentIdentificationSequence"), List.of(new DataSet().putInts(t("ReferencedSegmentNumber"), number)));
            }
            perFrame.add(fg);
            switch (kind) {
                case BINARY -> {
                    float[] m = segment(segments, number).masks().get(source);
                    boolean[] bits = new boolean[m.length];
                    for (int i = 0; i < m.length; i++) {
                        bits[i] = m[i] >= 0.5f;
                    }
                    bitFrames.add(bits);
                }
                case FRACTIONAL_PROBABILITY, FRACTIONAL_OCCUPANCY -> {
                    float[] m = segment(segments, number).masks().get(source);
                    for (int i = 0; i < m.length; i++) {
                        byteFrames[at + i] = (byte) Math.round(Math.max(0, Math.min(1, m[i])) * MAX_FRACTIONAL);
                    }
                }
                case LABEL_MAP -> {
                    for (Segment s : segments) {
                        float[] m = s.masks().get(source);
                        if (m != null) {
                            for (int i = 0; i < m.length; i++) {
                                if (m[i] >= 0.5f) {
                                    byteFrames[at + i] = (byte) s.number();
                                }
                            }
                        }
                    }
                }
            }
            at += rows * columns;
        }

        List<DataSet> segmentItems = new ArrayList<>();
        for (Segment s : segments) {
            DataSet item = new DataSet()
                    .putInts(t("SegmentNumber"), s.number())
                    .putStrings(t("SegmentLabel"), s.label())
                    .putStrings(t("SegmentAlgorithmType"), "AUTOMATIC")
                    .putStrings(t("SegmentAlgorithmName"), series.algorithmName())
                    .putSequence(t("SegmentationAlgorithmIdentificationSequence"), List.of(new DataSet()
                            .putSequence(t("AlgorithmFamilyCodeSequence"), new Code("123110", "DCM", "Artificial Intelligence").sequence())
                            .putStrings(t("AlgorithmName"), series.algorithmName())
                            .putStrings(t("AlgorithmVersion"), series.algorithmVersion())))
                    .putSequence(t("SegmentedPropertyCategoryCodeSequence"), s.category().sequence())
                    .putSequence(t("SegmentedPropertyTypeCodeSequence"), s.type().sequence());
            if (s.trackingId() != null) {
                item.putStrings(t("TrackingID"), s.trackingId());
            }
            if (s.trackingUid() != null) {
                item.putStrings(t("TrackingUID"), s.trackingUid());
            }
            if (labelMap) {
                item.putInts(t("RecommendedDisplayGrayscaleValue"), Math.min(65535, s.number() * 40L));
            }
            segmentItems.add(item);
        }

        List<DataSet> dimensions = new ArrayList<>();
        if (!labelMap) {
            dimensions.add(new DataSet()
                    .putStrings(t("DimensionOrganizationUID"), dimensionOrganization)
                    .putInts(t("DimensionIndexPointer"), t("ReferencedSegmentNumber"))
                    .putInts(t("FunctionalGroupPointer"), t("SegmentIdentificationSequence"))
                    .putStrings(t("DimensionDescriptionLabel"), "Segment Number"));
        }
        dimensions.add(new DataSet()
                .putStrings(t("DimensionOrganizationUID"), dimensionOrganization)
                .putInts(t("DimensionIndexPointer"), ImagePositionPatient)
                .putInts(t("FunctionalGroupPointer"), t("PlanePositionSequence"))
                .putStrings(t("DimensionDescriptionLabel"), "Image Position Patient"));

        DataSet shared = new DataSet()
                .putSequence(t("PixelMeasuresSequence"), List.of(new DataSet()
                        .putDecimals(PixelSpacing, first.decimals(PixelSpacing))
                        .putDecimals(SliceThickness, first.decimals(SliceThickness))))
                .putSequence(t("PlaneOrientationSequence"), List.of(new DataSet().putDecimals(ImageOrientationPatient, first.decimals(ImageOrientationPatient))));

        List<DataSet> referencedInstances = new ArrayList<>();
        for (int source : positions) {
            referencedInstances.add(new DataSet()
                    .putStrings(t("ReferencedSOPClassUID"), sources.get(source).string(SOPClassUID))
                    .putStrings(t("ReferencedSOPInstanceUID"), sources.get(source).string(SOPInstanceUID)));
        }

        DataSet ds = common(first, series, labelMap ? SopClasses.LABEL_MAP_SEGMENTATION : SopClasses.SEGMENTATION, "SEG", "1")
                .putStrings(ImageType, "DERIVED", "PRIMARY")
                .putSequence(t("ReferencedSeriesSequence"), List.of(new DataSet()
                        .putStrings(SeriesInstanceUID, first.string(SeriesInstanceUID))
                        .putSequence(t("ReferencedInstanceSequence"), referencedInstances)))
                .putStrings(t("DeviceSerialNumber"), "DEMO-0001")
                .putStrings(SoftwareVersions, series.softwareVersion())
                .putStrings(FrameOfReferenceUID, first.string(FrameOfReferenceUID))
                .putStrings(PositionReferenceIndicator, "")
                .putStrings(t("ContentLabel"), "AI_SEGMENTATION")
                .putStrings(t("ContentDescription"), series.seriesDescription())
                .putStrings(t("ContentCreatorName"), "")
                .putSequence(t("DimensionOrganizationSequence"), List.of(new DataSet().putStrings(t("DimensionOrganizationUID"), dimensionOrganization)))
                .putSequence(t("DimensionIndexSequence"), dimensions)
                .putInts(SamplesPerPixel, 1)
                .putStrings(PhotometricInterpretation, "MONOCHROME2")
                .putStrings(NumberOfFrames, Integer.toString(frames.size()))
                .putInts(Rows, rows)
                .putInts(Columns, columns)
                .putInts(BitsAllocated, kind == Kind.BINARY ? 1 : 8)
                .putInts(BitsStored, kind == Kind.BINARY ? 1 : 8)
                .putInts(HighBit, kind == Kind.BINARY ? 0 : 7)
                .putInts(PixelRepresentation, 0)
                .putStrings(LossyImageCompression, "00")
                .putStrings(t("SegmentationType"), switch (kind) {
                    case BINARY -> "BINARY";
                    case LABEL_MAP -> "LABELMAP";
                    default -> "FRACTIONAL";
                })
                .putSequence(t("SegmentSequence"), segmentItems)
                .putSequence(t("SharedFunctionalGroupsSequence"), List.of(shared))
                .putSequence(t("PerFrameFunctionalGroupsSequence"), perFrame);
        if (kind == Kind.FRACTIONAL_PROBABILITY || kind == Kind.FRACTIONAL_OCCUPANCY) {
            ds.putStrings(t("SegmentationFractionalType"), kind == Kind.FRACTIONAL_PROBABILITY ? "PROBABILITY" : "OCCUPANCY")
                    .putInts(t("MaximumFractionalValue"), MAX_FRACTIONAL);
        }
        if (!labelMap) {
            ds.putStrings(t("SegmentsOverlap"), "NO");
        }
        ds.putBytes(PixelData, "OB", kind == Kind.BINARY ? NativePixels.packBits(bitFrames) : byteFrames);
        return ds;
    }

    /** Patient, General Study, General Series, General Equipment and SOP Common attributes shared by both writers. */
    static DataSet common(DataSet source, AiSeries series, String sopClass, String modality, String instanceNumber) {
        DataSet ds = new DataSet()
                .putStrings(SpecificCharacterSet, "ISO_IR 100")
                .putStrings(SOPClassUID, sopClass)
                .putStrings(SOPInstanceUID, uid(series, "instance"))
                .putStrings(StudyDate, text(source, StudyDate))
                .putStrings(SeriesDate, text(source, StudyDate))
                .putStrings(ContentDate, text(source, StudyDate))
                .putStrings(StudyTime, text(source, StudyTime))
                .putStrings(SeriesTime, text(source, StudyTime))
                .putStrings(ContentTime, text(source, StudyTime))
                .putStrings(AccessionNumber, text(source, AccessionNumber))
                .putStrings(Modality, modality)
                .putStrings(Manufacturer, series.manufacturer())
                .putStrings(ReferringPhysicianName, text(source, ReferringPhysicianName))
                .putStrings(StudyDescription, text(source, StudyDescription))
                .putStrings(SeriesDescription, series.seriesDescription())
                .putStrings(ManufacturerModelName, series.modelName())
                .putStrings(PatientName, text(source, PatientName))
                .putStrings(PatientID, text(source, PatientID))
                .putStrings(PatientBirthDate, text(source, PatientBirthDate))
                .putStrings(PatientSex, text(source, PatientSex))
                .putStrings(StudyInstanceUID, source.string(StudyInstanceUID))
                .putStrings(SeriesInstanceUID, uid(series, "series"))
                .putStrings(StudyID, text(source, StudyID))
                .putInts(SeriesNumber, series.seriesNumber())
                .putStrings(InstanceNumber, instanceNumber);
        if (source.contains(PatientIdentityRemoved)) {
            ds.putStrings(PatientIdentityRemoved, text(source, PatientIdentityRemoved));
        }
        if (source.contains(DeidentificationMethod)) {
            ds.putStrings(DeidentificationMethod, text(source, DeidentificationMethod));
        }
        return ds;
    }

    static String uid(AiSeries series, String what) {
        return Uids.fromName("calibra-ai-object", series.uidSeed(), what);
    }

    static int t(String keyword) {
        return Dictionary.tag(keyword);
    }

    private static String text(DataSet ds, int tag) {
        String s = ds.string(tag);
        return s == null ? "" : s;
    }

    private static Segment segment(List<Segment> segments, int number) {
        return segments.stream().filter(s -> s.number() == number).findFirst().orElseThrow();
    }

    private static boolean any(float[] mask, float threshold) {
        if (mask == null) {
            return false;
        }
        for (float v : mask) {
            if (v >= threshold) {
                return true;
            }
        }
        return false;
    }

    /** Source indices in the order they were given (the stack order). */
    private static List<Integer> positionOrder(List<DataSet> sources) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            out.add(i);
        }
        return out;
    }
}
