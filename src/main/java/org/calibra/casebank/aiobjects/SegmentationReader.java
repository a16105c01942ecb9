package org.calibra.casebank.aiobjects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.DicomException;
import org.calibra.dicom.Dictionary;
import org.calibra.dicom.Element;
import org.calibra.dicom.NativePixels;
import org.calibra.dicom.Part10;
import org.calibra.dicom.Tags;

/**
 * A DICOM Segmentation (PS3.3 A.51, C.8.20): binary, fractional (probability or occupancy) or label map. Each frame is
 * mapped to a case image by the source image its Derivation Image Sequence names (SOP Instance UID, and frame number for a
 * multi-frame source), or — when it names none — by its plane (Plane Position / Orientation, Pixel Measures). Per segment
 * and image: the outline of the largest connected part and its centroid as the mark.
 */
final class SegmentationReader {

    private static final int SegmentationType = Dictionary.tag("SegmentationType");
    private static final int SegmentationFractionalType = Dictionary.tag("SegmentationFractionalType");
    private static final int MaximumFractionalValue = Dictionary.tag("MaximumFractionalValue");
    private static final int SegmentSequence = Dictionary.tag("SegmentSequence");
    private static final int SegmentNumber = Dictionary.tag("SegmentNumber");
    private static final int SegmentLabel = Dictionary.tag("SegmentLabel");
    private static final int SegmentAlgorithmName = Dictionary.tag("SegmentAlgorithmName");
    private static final int SegmentedPropertyTypeCodeSequence = Dictionary.tag("SegmentedPropertyTypeCodeSequence");
    private static final int TrackingID = Dictionary.tag("TrackingID");
    private static final int TrackingUID = Dictionary.tag("TrackingUID");
    private static final int SharedFunctionalGroupsSequence = Dictionary.tag("SharedFunctionalGroupsSequence");
    private static final int PerFrameFunctionalGroupsSequence = Dictionary.tag("PerFrameFunctionalGroupsSequence");
    private static final int SegmentIdentificationSequence = Dictionary.tag("SegmentIdentificationSequence");
    private static final int ReferencedSegmentNumber = Dictionary.tag("ReferencedSegmentNumber");
    private static final int DerivationImageSequence = Dictionary.tag("DerivationImageSequence");
    private static final int SourceImageSequence = Dictionary.tag("SourceImageSequence");
    static final int ReferencedSOPInstanceUID = Dictionary.tag("ReferencedSOPInstanceUID");
    static final int ReferencedFrameNumber = Dictionary.tag("ReferencedFrameNumber");
    private static final int PlanePositionSequence = Dictionary.tag("PlanePositionSequence");
    private static final int PlaneOrientationSequence = Dictionary.tag("PlaneOrientationSequence");
    private static final int PixelMeasuresSequence = Dictionary.tag("PixelMeasuresSequence");
    private static final int ContentLabel = Dictionary.tag("ContentLabel");

    private record Segment(int number, String label, Code type, Code site, String trackingId, String trackingUid) {}

    private SegmentationReader() {
    }

    static AiFileResult read(String fileName, Part10 file, CaseStack stack) {
        DataSet ds = file.data();
        List<String> problems = new ArrayList<>();
        boolean labelMap = SopClasses.LABEL_MAP_SEGMENTATION.equals(ds.string(Tags.SOPClassUID)) || "LABELMAP".equals(trim(ds.string(SegmentationType)));
        String type = labelMap ? "LABELMAP" : trim(ds.string(SegmentationType));
        Integer rows = ds.integer(Tags.Rows), columns = ds.integer(Tags.Columns), bits = ds.integer(Tags.BitsAllocated);
        Integer framesAttr = ds.integer(Tags.NumberOfFrames);
        int frames = framesAttr == null ? 1 : framesAttr;
        String fractionalType = trim(ds.string(SegmentationFractionalType));
        Integer maxFractional = ds.integer(MaximumFractionalValue);

        if (!List.of("BINARY", "FRACTIONAL", "LABELMAP").contains(type)) {
            problems.add("The segmentation's type is " + (type.isEmpty() ? "not given" : "“" + type + "”") + "; Calibra reads binary, fractional and label map segmentations.");
        }
        if (rows == null || columns == null || rows < 1 || columns < 1) {
            problems.add("The segmentation does not give its frames' size (Rows, Columns).");
        }
        if ("FRACTIONAL".equals(type) && (maxFractional == null || maxFractional < 1 || !List.of("PROBABILITY", "OCCUPANCY").contains(fractionalType))) {
            problems.add("The fractional segmentation does not say what its values mean: it needs a fractional type (probability or occupancy)"
                    + " and a maximum fractional value.");
        }
        Integer expectedBits = switch (type) {
            case "BINARY" -> 1;
            case "FRACTIONAL" -> 8;
            case "LABELMAP" -> bits != null && (bits == 8 || bits == 16) ? bits : 8;
            default -> null;
        };
        if (expectedBits != null && !expectedBits.equals(bits)) {
            problems.add("The segmentation stores " + (bits == null ? "an unstated number of" : bits) + " bits per pixel; a "
                    + type.toLowerCase() + " segmentation stores " + expectedBits + (labelMap ? " or 16" : "") + ".");
        }
        Element pixels = ds.get(Tags.PixelData);
        if (pixels == null) {
            problems.add("The segmentation has no pixel data (no masks).");
        } else if (pixels.isEncapsulated()) {
            problems.add("The segmentation's masks are compressed (" + SopClasses.compression(file.transferSyntax().uid()) + "); Calibra reads"
                    + " uncompressed segmentations. Export it uncompressed (the product's export setting, or dcmtk's dcmdrle or dcmdjpeg).");
        } else if (rows != null && columns != null && bits != null && expectedBits != null
                && pixels.value().length < NativePixels.byteLength(frames, rows, columns, bits)) {
            problems.add("The segmentation's pixel data is shorter than its " + frames + " frames of " + columns + " x " + rows + " pixels need; the file is damaged.");
        }

        Map<Integer, Segment> segments = segments(ds, problems);
        DataSet shared = firstItem(ds, SharedFunctionalGroupsSequence);
        Element perFrame = ds.get(PerFrameFunctionalGroupsSequence);
        List<DataSet> perFrameItems = perFrame == null || !perFrame.isSequence() ? List.of() : perFrame.items();
        if (perFrameItems.size() != frames && !(frames == 1 && perFrameItems.isEmpty())) {
            problems.add("The segmentation describes " + perFrameItems.size() + " frames but holds " + frames + "; the file is inconsistent.");
        }
        if (rows == null || columns == null || rows < 1 || columns < 1 || (perFrameItems.size() != frames && !perFrameItems.isEmpty())) {
            return new AiFileResult.Refused(fileName, problems); // frames cannot be placed without their size and descriptions
        }

        // which image each frame lies on, and which segment it is (checked even when the header has problems: all at once)
        String frameOfReference = trim(ds.string(Tags.FrameOfReferenceUID));
        Map<String, List<Integer>> frameProblems = new LinkedHashMap<>();
        Map<Integer, Map<Integer, List<Integer>>> framesBySegmentAndImage = new TreeMap<>(); // segment (0 for a label map) → image → frames
        for (int f = 0; f < frames; f++) {
            DataSet fg = f < perFrameItems.size() ? perFrameItems.get(f) : new DataSet();
            int segment = 0;
            if (!labelMap && !segments.isEmpty()) {
                Integer n = referencedSegment(fg, shared);
                if (n == null) {
                    frameProblems.computeIfAbsent("no segment number is given (Segment Identification)", k -> new ArrayList<>()).add(f);
                    continue;
                }
                if (!segments.containsKey(n)) {
                    frameProblems.computeIfAbsent("segment " + n + " is named, which the segmentation does not describe", k -> new ArrayList<>()).add(f);
                    continue;
                }
                segment = n;
            }
            Target t = target(fg, shared, stack, rows, columns, frameOfReference.isEmpty() ? null : frameOfReference);
            if (t.problem() != null) {
                frameProblems.computeIfAbsent(t.problem(), k -> new ArrayList<>()).add(f);
                continue;
            }
            if (t.index() < 0) {
                continue; // a reference the case lacks: reported once, below
            }
            CaseImage image = stack.image(t.index());
            if (image.rows() != rows || image.columns() != columns) {
                frameProblems.computeIfAbsent("the size, " + columns + " x " + rows + " pixels, differs from the image's " + image.columns()
                        + " x " + image.rows() + "; a segmentation must lie on its images' own pixel grid", k -> new ArrayList<>()).add(f);
                continue;
            }
            framesBySegmentAndImage.computeIfAbsent(segment, k -> new TreeMap<>()).computeIfAbsent(t.index(), k -> new ArrayList<>()).add(f);
        }
        frameProblems.forEach((problem, list) -> problems.add(frameList(list, frames) + " of the segmentation: " + problem + "."));
        String missing = stack.missingReferences("The segmentation");
        if (missing != null) {
            problems.add(missing);
        }
        if (!problems.isEmpty()) {
            return new AiFileResult.Refused(fileName, problems);
        }

        List<String> notes = new ArrayList<>();
        List<AiRegion> regions = new ArrayList<>();
        try {
            if (labelMap) {
                regions.addAll(labelMapRegions(pixels, rows, columns, bits, segments, framesBySegmentAndImage.getOrDefault(0, Map.of()), notes));
            } else {
                for (Segment s : segments.values()) {
                    var byImage = framesBySegmentAndImage.getOrDefault(s.number(), Map.of());
                    AiRegion r = "FRACTIONAL".equals(type)
                            ? fractionalRegion(s, pixels, rows, columns, byImage, maxFractional, "PROBABILITY".equals(fractionalType))
                            : binaryRegion(s, pixels, rows, columns, byImage);
                    if (r == null) {
                        notes.add("Segment " + s.number() + " “" + s.label() + "” is empty: it marks no pixel on any image.");
                    } else {
                        regions.add(r);
                    }
                }
            }
        } catch (DicomException e) {
            return new AiFileResult.Refused(fileName, List.of("The segmentation's masks cannot be read: the file is damaged."));
        }
        return new AiFileResult.Mapped(fileName, new AiObject(AiObject.Kind.SEGMENTATION, trim(ds.string(Tags.SOPInstanceUID)),
                description(ds), regions, null, List.of(), List.of(), notes));
    }

    private static Map<Integer, Segment> segments(DataSet ds, List<String> problems) {
        Map<Integer, Segment> out = new TreeMap<>();
        Element seq = ds.get(SegmentSequence);
        if (seq == null || !seq.isSequence() || seq.items().isEmpty()) {
            problems.add("The segmentation describes no segments (its Segment Sequence is empty).");
            return out;
        }
        for (DataSet item : seq.items()) {
            Integer n = item.integer(SegmentNumber);
            if (n == null) {
                problems.add("A segment of the segmentation has no number.");
                continue;
            }
            Code type = Code.of(item, SegmentedPropertyTypeCodeSequence);
            String label = trim(item.string(SegmentLabel));
            if (label.isEmpty()) {
                label = type != null && !type.meaning().isBlank() ? type.meaning() : "Segment " + n;
            }
            String trackingId = trim(item.string(TrackingID));
            String trackingUid = trim(item.string(TrackingUID));
            if (out.put(n, new Segment(n, label, type, Code.of(item, Tags.AnatomicRegionSequence), trackingId.isEmpty() ? null : trackingId,
                    trackingUid.isEmpty() ? null : trackingUid)) != null) {
                problems.add("The segmentation describes segment " + n + " twice.");
            }
        }
        return out;
    }

    record Target(int index, String problem) {}

    /** The case image a frame lies on; index -1 without a problem when its source image is one the case lacks. */
    static Target target(DataSet fg, DataSet shared, CaseStack stack, int rows, int columns, String frameOfReference) {
        List<DataSet> sources = new ArrayList<>();
        for (DataSet group : new DataSet[] {fg, shared}) {
            for (DataSet derivation : items(group, DerivationImageSequence)) {
                sources.addAll(items(derivation, SourceImageSequence));
            }
            if (!sources.isEmpty()) {
                break;
            }
        }
        double[] position = decimals(fg, shared, PlanePositionSequence, Tags.ImagePositionPatient, 3);
        double[] orientation = decimals(fg, shared, PlaneOrientationSequence, Tags.ImageOrientationPatient, 6);
        double[] spacing = decimals(fg, shared, PixelMeasuresSequence, Tags.PixelSpacing, 2);
        if (!sources.isEmpty()) {
            Set<Integer> candidates = new LinkedHashSet<>();
            for (DataSet ref : sources) {
                candidates.addAll(stack.lookup(ref.string(ReferencedSOPInstanceUID), frameNumbers(ref)));
            }
            if (candidates.isEmpty()) {
                for (DataSet ref : sources) {
                    stack.resolve(ref.string(ReferencedSOPInstanceUID), frameNumbers(ref)); // remembers what is missing
                }
                return new Target(-1, null);
            }
            if (candidates.size() == 1) {
                int index = candidates.iterator().next();
                stack.matched(index);
                return new Target(index, null);
            }
            if (position != null && orientation != null) {
                var m = stack.byPlane(position, orientation, spacing, rows, columns, frameOfReference);
                if (m.index() >= 0 && candidates.contains(m.index())) {
                    return new Target(m.index(), null);
                }
            }
            return new Target(-1, "the source image named is several images of the case (e.g. every frame of a multi-frame image), and which one is meant is not said");
        }
        if (position != null && orientation != null) {
            var m = stack.byPlane(position, orientation, spacing, rows, columns, frameOfReference);
            return m.index() >= 0 ? new Target(m.index(), null) : new Target(-1, m.problem());
        }
        return new Target(-1, "neither a source image nor a plane position is given, so they cannot be placed");
    }

    private static AiRegion binaryRegion(Segment s, Element pixels, int rows, int columns, Map<Integer, List<Integer>> byImage) {
        List<AiSlice> slices = new ArrayList<>();
        for (var e : byImage.entrySet()) {
            boolean[] mask = new boolean[rows * columns];
            for (int f : e.getValue()) {
                int[] v = NativePixels.frame(pixels, rows, columns, 1, false, f);
                for (int i = 0; i < v.length; i++) {
                    mask[i] |= v[i] != 0;
                }
            }
            AiSlice slice = slice(e.getKey(), mask, rows, columns, null, null);
            if (slice != null) {
                slices.add(slice);
            }
        }
        return slices.isEmpty() ? null : region(s, null, slices);
    }

    /**
     * Fractional: the region is where the value reaches half the segment's peak (for a probability map, so a finding the AI
     * gives 30 % is still outlined), or half the maximum (occupancy: at least half the pixel covered). A probability map's
     * mark carries the highest probability inside the outlined part; the segment's, the peak.
     */
    private static AiRegion fractionalRegion(Segment s, Element pixels, int rows, int columns, Map<Integer, List<Integer>> byImage,
                                             int maxFractional, boolean probability) {
        Map<Integer, int[]> values = new TreeMap<>();
        int peak = 0;
        for (var e : byImage.entrySet()) {
            int[] combined = new int[rows * columns];
            for (int f : e.getValue()) {
                int[] v = NativePixels.frame(pixels, rows, columns, 8, false, f);
                for (int i = 0; i < v.length; i++) {
                    combined[i] = Math.max(combined[i], Math.min(v[i], maxFractional));
                }
            }
            for (int v : combined) {
                peak = Math.max(peak, v);
            }
            values.put(e.getKey(), combined);
        }
        if (peak == 0) {
            return null;
        }
        double threshold = probability ? peak / 2.0 : maxFractional / 2.0;
        List<AiSlice> slices = new ArrayList<>();
        for (var e : values.entrySet()) {
            int[] v = e.getValue();
            boolean[] mask = new boolean[v.length];
            for (int i = 0; i < v.length; i++) {
                mask[i] = v[i] > 0 && v[i] >= threshold;
            }
            AiSlice slice = slice(e.getKey(), mask, rows, columns, probability ? v : null, probability ? (double) maxFractional : null);
            if (slice != null) {
                slices.add(slice);
            }
        }
        return slices.isEmpty() ? null : region(s, probability ? round((double) peak / maxFractional) : null, slices);
    }

    private static List<AiRegion> labelMapRegions(Element pixels, int rows, int columns, int bits, Map<Integer, Segment> segments,
                                                  Map<Integer, List<Integer>> byImage, List<String> notes) {
        Map<Integer, List<AiSlice>> slices = new TreeMap<>();
        for (var e : byImage.entrySet()) {
            int[] labels = new int[rows * columns];
            for (int f : e.getValue()) {
                int[] v = NativePixels.frame(pixels, rows, columns, bits, false, f);
                for (int i = 0; i < v.length; i++) {
                    if (v[i] != 0) {
                        labels[i] = v[i];
                    }
                }
            }
            for (int number : segments.keySet()) {
                if (number == 0) {
                    continue; // the background of a label map
                }
                boolean[] mask = new boolean[labels.length];
                boolean any = false;
                for (int i = 0; i < labels.length; i++) {
                    mask[i] = labels[i] == number;
                    any |= mask[i];
                }
                if (any) {
                    slices.computeIfAbsent(number, k -> new ArrayList<>()).add(slice(e.getKey(), mask, rows, columns, null, null));
                }
            }
        }
        List<AiRegion> out = new ArrayList<>();
        for (Segment s : segments.values()) {
            if (slices.containsKey(s.number())) {
                out.add(region(s, null, slices.get(s.number())));
            } else if (s.number() != 0) {
                notes.add("Segment " + s.number() + " “" + s.label() + "” is empty: it marks no pixel on any image.");
            }
        }
        return out;
    }

    private static AiSlice slice(int imageIndex, boolean[] mask, int rows, int columns, int[] values, Double max) {
        Contours.Part part = Contours.largestPart(mask, rows, columns);
        if (part == null) {
            return null;
        }
        Double p = null;
        if (values != null) {
            int best = 0;
            for (int i : part.members()) {
                best = Math.max(best, values[i]);
            }
            p = round(best / max);
        }
        return new AiSlice(imageIndex, part.outline(), new Mark(part.centroid().x(), part.centroid().y(), p), Geometry.area(part.outline()),
                part.otherParts());
    }

    private static AiRegion region(Segment s, Double probability, List<AiSlice> slices) {
        return new AiRegion(s.label(), s.type(), s.site(), s.trackingId(), s.trackingUid(), s.number(), probability, slices,
                List.of(), List.of());
    }

    private static Integer referencedSegment(DataSet fg, DataSet shared) {
        for (DataSet group : new DataSet[] {fg, shared}) {
            DataSet id = firstItem(group, SegmentIdentificationSequence);
            if (id != null && id.integer(ReferencedSegmentNumber) != null) {
                return id.integer(ReferencedSegmentNumber);
            }
        }
        return null;
    }

    static int[] frameNumbers(DataSet ref) {
        double[] d = ref.decimals(ReferencedFrameNumber);
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (int) d[i];
        }
        return out;
    }

    /** The values of an attribute in the first item of a functional group, per frame first, else shared; null when absent. */
    private static double[] decimals(DataSet fg, DataSet shared, int groupTag, int tag, int count) {
        for (DataSet group : new DataSet[] {fg, shared}) {
            DataSet item = firstItem(group, groupTag);
            if (item != null) {
                double[] v = item.decimals(tag);
                if (v.length == count) {
                    return v;
                }
            }
        }
        return null;
    }

    static DataSet firstItem(DataSet ds, int tag) {
        List<DataSet> items = items(ds, tag);
        return items.isEmpty() ? null : items.getFirst();
    }

    static List<DataSet> items(DataSet ds, int tag) {
        Element e = ds == null ? null : ds.get(tag);
        return e == null || !e.isSequence() ? List.of() : e.items();
    }

    private static String frameList(List<Integer> frames, int total) {
        List<String> shown = frames.stream().limit(8).map(f -> Integer.toString(f + 1)).toList();
        String list = String.join(", ", shown) + (frames.size() > 8 ? " and " + (frames.size() - 8) + " more" : "");
        return frames.size() == 1 ? "Frame " + list + " of " + total : "Frames " + list + " (" + frames.size() + " of " + total + ")";
    }

    private static String description(DataSet ds) {
        List<String> parts = new ArrayList<>();
        String series = trim(ds.string(Tags.SeriesDescription));
        String label = trim(ds.string(ContentLabel));
        parts.add("Segmentation" + (series.isEmpty() ? label.isEmpty() ? "" : " “" + label + "”" : " “" + series + "”"));
        String maker = (trim(ds.string(Tags.Manufacturer)) + " " + trim(ds.string(Tags.ManufacturerModelName))).trim();
        if (!maker.isEmpty()) {
            parts.add("by " + maker);
        }
        Set<String> algorithms = new LinkedHashSet<>();
        for (DataSet s : items(ds, SegmentSequence)) {
            String a = trim(s.string(SegmentAlgorithmName));
            if (!a.isEmpty()) {
                algorithms.add(a);
            }
        }
        if (!algorithms.isEmpty()) {
            parts.add("(algorithm " + String.join(", ", algorithms) + ")");
        }
        return String.join(" ", parts);
    }

    private static double round(double p) {
        return Math.round(p * 10000) / 10000.0;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
