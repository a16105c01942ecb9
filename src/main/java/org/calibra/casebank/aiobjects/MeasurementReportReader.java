package org.calibra.casebank.aiobjects;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.Dictionary;
import org.calibra.dicom.Element;
import org.calibra.dicom.Part10;
import org.calibra.dicom.Tags;
import org.calibra.dicom.Vrs;

/**
 * A TID 1500 Imaging Measurement Report (PS3.16): its Imaging Measurements' Measurement Groups (TID 1410 planar ROI,
 * TID 1411 volumetric ROI, TID 1501) become regions — the finding, its site, tracking identifier and UID, its image
 * regions (SCOORD on a referenced image, SCOORD3D in a plane of the case), its probability, other measurements and
 * qualitative evaluations. A group without an image region that gives a probability is an overall (case-level) one.
 */
final class MeasurementReportReader {

    private static final int ContentTemplateSequence = Dictionary.tag("ContentTemplateSequence");
    private static final int TemplateIdentifier = Dictionary.tag("TemplateIdentifier");
    private static final int ConceptCodeSequence = Dictionary.tag("ConceptCodeSequence");
    private static final int TextValue = Dictionary.tag("TextValue");
    private static final int UIDValue = Dictionary.tag("UID");
    private static final int MeasuredValueSequence = Dictionary.tag("MeasuredValueSequence");
    private static final int NumericValue = Dictionary.tag("NumericValue");
    private static final int FloatingPointValue = Dictionary.tag("FloatingPointValue");
    private static final int MeasurementUnitsCodeSequence = Dictionary.tag("MeasurementUnitsCodeSequence");
    private static final int GraphicType = Dictionary.tag("GraphicType");
    private static final int GraphicData = Dictionary.tag("GraphicData");
    private static final int ReferencedSOPSequence = Dictionary.tag("ReferencedSOPSequence");
    private static final int ReferencedSegmentNumber = Dictionary.tag("ReferencedSegmentNumber");
    private static final int ReferencedFrameOfReferenceUID = Dictionary.tag("ReferencedFrameOfReferenceUID");

    /** Concepts that name a probability outright (PS3.16 CID 6048 and DCM), most specific first. */
    static final List<Code> PROBABILITY_CONCEPTS = List.of(
            new Code("111047", "DCM", "Probability of cancer"),
            new Code("111012", "DCM", "Certainty of Finding"),
            new Code("111011", "DCM", "Certainty of Feature"),
            new Code("111013", "DCM", "Certainty of Impression"));
    /** Any other concept whose meaning says it is one. */
    static final Pattern PROBABILITY_WORDS = Pattern.compile("\\b(probability|likelihood|certainty|confidence)\\b", Pattern.CASE_INSENSITIVE);

    /** Concepts of a group that structure it rather than evaluate the finding. */
    private static final List<Code> STRUCTURAL = List.of(
            new Code("121071", "DCM", "Finding"), new Code("363698007", "SCT", "Finding Site"), new Code("G-C0E3", "SRT", "Finding Site"),
            new Code("112039", "DCM", "Tracking Identifier"), new Code("112040", "DCM", "Tracking Unique Identifier"),
            new Code("370129005", "SCT", "Measurement Method"), new Code("121401", "DCM", "Derivation"),
            new Code("111001", "DCM", "Algorithm Name"), new Code("111003", "DCM", "Algorithm Version"),
            new Code("C67447", "NCIt", "Activity Session"), new Code("C2348792", "UMLS", "Time Point"),
            new Code("126100", "DCM", "Real World Value Map used for measurement"));

    /** What a group says about a segment, so the segment may take the group's probability. */
    record SegmentLink(String segmentationUid, Integer segmentNumber, String trackingUid, Double probability, String reportFile) {}

    record Outcome(AiFileResult result, List<SegmentLink> links) {}

    private record Probability(Code concept, double value) {}

    private final String fileName;
    private final CaseStack stack;
    private final Map<String, AiFileResult> segmentations;
    private final Map<String, SrContent.Item> byPosition;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<SegmentLink> links = new ArrayList<>();
    private final Set<String> algorithms = new LinkedHashSet<>();

    private MeasurementReportReader(String fileName, CaseStack stack, Map<String, AiFileResult> segmentations, SrContent.Item root) {
        this.fileName = fileName;
        this.stack = stack;
        this.segmentations = segmentations;
        this.byPosition = SrContent.index(root);
    }

    static Outcome read(String fileName, Part10 file, CaseStack stack, Map<String, AiFileResult> segmentations) {
        DataSet ds = file.data();
        SrContent.Item root = SrContent.tree(ds);
        DataSet template = SegmentationReader.firstItem(ds, ContentTemplateSequence);
        String templateId = template == null ? "" : trim(template.string(TemplateIdentifier));
        if (!root.is("126000", "DCM") && !"1500".equals(templateId)) {
            String title = root.concept() == null ? "untitled" : "“" + root.concept().words() + "”";
            return new Outcome(new AiFileResult.Refused(fileName, List.of("This structured report is a " + title + " document"
                    + (templateId.isEmpty() ? "" : " (template TID " + templateId + ")") + ", not an imaging measurement report (TID 1500),"
                    + " so it holds no measurement groups to take the AI's marks from.")), List.of());
        }
        var reader = new MeasurementReportReader(fileName, stack, segmentations, root);
        return reader.map(ds, root);
    }

    private Outcome map(DataSet ds, SrContent.Item root) {
        List<AiRegion> regions = new ArrayList<>();
        List<Double> overall = new ArrayList<>();
        List<Evaluation> caseEvaluations = new ArrayList<>();
        int groupNumber = 0;
        for (SrContent.Item child : root.children()) {
            if (child.is("121013", "DCM") || child.is("111001", "DCM")) {
                addText(algorithms, child.text(TextValue));
            }
            Probability p = probability(child);
            if (p != null) {
                overall.add(p.value());
            }
            if (child.is("C0034375", "UMLS")) { // Qualitative Evaluations of the whole report
                for (SrContent.Item e : child.children()) {
                    Probability q = probability(e);
                    if (q != null) {
                        overall.add(q.value());
                    } else {
                        Evaluation ev = evaluation(e);
                        if (ev != null) {
                            caseEvaluations.add(ev);
                        }
                    }
                }
            }
            if (child.is("126010", "DCM")) { // Imaging Measurements
                for (SrContent.Item item : child.children()) {
                    Probability q = probability(item);
                    if (q != null) {
                        overall.add(q.value());
                    }
                    if ("CONTAINER".equals(item.valueType()) && item.is("125007", "DCM")) {
                        groupNumber++;
                        group(item, groupNumber, regions, overall);
                    }
                }
            }
        }
        Double caseScore = null;
        if (!overall.isEmpty()) {
            caseScore = overall.stream().max(Double::compare).orElseThrow();
            if (overall.size() > 1) {
                notes.add("The report gives " + overall.size() + " overall probabilities; the highest, " + Vrs.decimalString(caseScore) + ", is the case score.");
            }
        }
        String missing = stack.missingReferences("The report");
        if (missing != null) {
            problems.add(missing);
        }
        if (problems.isEmpty() && regions.isEmpty() && caseScore == null) {
            problems.add("The report marks no image: " + (groupNumber == 0 ? "it has no measurement groups"
                    : "none of its " + groupNumber + " measurement group" + (groupNumber == 1 ? "" : "s") + " has an image region with a referenced image")
                    + ", and it gives no overall probability.");
        }
        if (!problems.isEmpty()) {
            return new Outcome(new AiFileResult.Refused(fileName, problems), List.of());
        }
        return new Outcome(new AiFileResult.Mapped(fileName, new AiObject(AiObject.Kind.MEASUREMENT_REPORT, trim(ds.string(Tags.SOPInstanceUID)),
                description(ds), regions, caseScore, caseEvaluations, List.of(), notes)), links);
    }

    private void group(SrContent.Item group, int number, List<AiRegion> regions, List<Double> overall) {
        String trackingId = null, trackingUid = null;
        Code finding = null, site = null;
        List<Probability> probabilities = new ArrayList<>();
        List<Measurement> measurements = new ArrayList<>();
        List<Evaluation> evaluations = new ArrayList<>();
        List<SrContent.Item> regionItems = new ArrayList<>();
        List<SrContent.Item> segmentReferences = new ArrayList<>();
        for (SrContent.Item c : group.children()) {
            switch (c.valueType()) {
                case "TEXT" -> {
                    if (c.is("112039", "DCM")) {
                        trackingId = c.text(TextValue);
                    } else if (c.is("111001", "DCM")) {
                        addText(algorithms, c.text(TextValue));
                    } else if (!structural(c) && evaluation(c) != null) {
                        evaluations.add(evaluation(c));
                    }
                }
                case "UIDREF" -> {
                    if (c.is("112040", "DCM")) {
                        trackingUid = c.text(UIDValue);
                    }
                }
                case "CODE" -> {
                    Code value = Code.of(c.data(), ConceptCodeSequence);
                    if (c.is("121071", "DCM")) {
                        finding = value;
                    } else if (c.is("363698007", "SCT") || c.is("G-C0E3", "SRT")) {
                        site = value;
                    } else if (!structural(c) && value != null) {
                        evaluations.add(new Evaluation(c.concept(), value, null));
                    }
                }
                case "NUM" -> {
                    Probability p = probability(c);
                    if (p != null) {
                        probabilities.add(p);
                    } else {
                        Measurement m = measurement(c);
                        if (m != null) {
                            measurements.add(m);
                        }
                    }
                }
                case "SCOORD", "SCOORD3D" -> {
                    if (c.is("111030", "DCM") || c.is("121231", "DCM") || c.is("111010", "DCM") || c.concept() == null) {
                        regionItems.add(c);
                    }
                }
                case "IMAGE" -> {
                    if (c.is("121191", "DCM") || c.is("121214", "DCM")) {
                        segmentReferences.add(c);
                    }
                }
                default -> {
                }
            }
        }
        Double probability = probabilities.isEmpty() ? null : probabilities.stream()
                .min(java.util.Comparator.comparingInt(p -> rank(p.concept()))).orElseThrow().value();
        String label = finding != null ? finding.words() : trackingId != null && !trackingId.isBlank() ? trackingId : "Measurement group " + number;
        String name = "Measurement group " + number + (label.startsWith("Measurement group") ? "" : " “" + label + "”");

        List<AiSlice> slices = new ArrayList<>();
        Integer segmentNumber = null;
        int before = problems.size();
        for (SrContent.Item r : regionItems) {
            slices.addAll("SCOORD3D".equals(r.valueType()) ? scoord3d(r, name, probability) : scoord(r, name, probability));
        }
        if (regionItems.isEmpty() && !segmentReferences.isEmpty()) {
            for (SrContent.Item ref : segmentReferences) {
                var seg = segment(ref, name, probability, trackingUid);
                if (seg != null) {
                    segmentNumber = seg.segmentNumber();
                    if (probability == null) {
                        probability = seg.probability();
                    }
                    Double p = probability;
                    seg.slices().forEach(s -> slices.add(new AiSlice(s.imageIndex(), s.outline(), new Mark(s.mark().x(), s.mark().y(),
                            p != null ? p : s.mark().probability()), s.areaPx(), s.otherParts())));
                    if (site == null) {
                        site = seg.findingSite();
                    }
                }
            }
        }
        if (problems.size() > before || (slices.isEmpty() && !(regionItems.isEmpty() && segmentReferences.isEmpty()))) {
            return; // its problems are reported, or its images are missing (reported once for the report)
        }
        if (slices.isEmpty()) {
            if (probability != null) {
                overall.add(probability);
            } else {
                notes.add(name + " marks no image (it has no image region); " + (measurements.isEmpty() && evaluations.isEmpty()
                        ? "it is not shown." : "its measurements and evaluations are not shown."));
            }
            return;
        }
        if (trackingUid != null && probability != null) {
            links.add(new SegmentLink(null, null, trackingUid, probability, fileName));
        }
        regions.add(new AiRegion(label, finding, site, blankToNull(trackingId), blankToNull(trackingUid), segmentNumber, probability, slices,
                measurements, evaluations));
    }

    /** A 2D region on the image its SELECTED FROM child (or by-reference child) names. */
    private List<AiSlice> scoord(SrContent.Item r, String name, Double probability) {
        String type = trim(r.data().string(GraphicType));
        double[] data = floats(r.data().get(GraphicData));
        List<Point> points = new ArrayList<>();
        for (int i = 0; i + 1 < data.length; i += 2) {
            points.add(new Point(data[i], data[i + 1]));
        }
        DataSet ref = imageReference(r);
        if (ref == null) {
            problems.add(name + ": its image region (" + type + ") does not say which image it is on.");
            return List.of();
        }
        List<Integer> indices = stack.resolve(ref.string(SegmentationReader.ReferencedSOPInstanceUID), SegmentationReader.frameNumbers(ref));
        if (indices.isEmpty()) {
            return List.of(); // reported once for the whole report
        }
        Shape shape = shape(type, points, name, 2);
        if (shape == null) {
            return List.of();
        }
        List<AiSlice> out = new ArrayList<>();
        for (int index : indices) {
            CaseImage image = stack.image(index);
            if (!inside(points, image)) {
                problems.add(name + ": its " + type + " lies outside image " + (index + 1) + " of the case (" + image.columns() + " x "
                        + image.rows() + " pixels); perhaps its coordinates were written as row, column instead of column, row.");
                continue;
            }
            out.add(shape.slice(index, probability));
        }
        return out;
    }

    /** A region in patient coordinates, placed on the case image whose plane holds it. */
    private List<AiSlice> scoord3d(SrContent.Item r, String name, Double probability) {
        String type = trim(r.data().string(GraphicType));
        double[] data = floats(r.data().get(GraphicData));
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i + 2 < data.length; i += 3) {
            points.add(new double[] {data[i], data[i + 1], data[i + 2]});
        }
        if (points.isEmpty()) {
            problems.add(name + ": its 3D region (" + type + ") has no coordinates.");
            return List.of();
        }
        if (!List.of("POINT", "POLYGON", "POLYLINE", "ELLIPSE").contains(type)) {
            problems.add(name + ": its 3D region is a" + (type.startsWith("E") ? "n " : " ") + type + ", which Calibra cannot place on one image"
                    + " (supported in 3D: POINT, POLYGON, closed POLYLINE, ELLIPSE).");
            return List.of();
        }
        String frameOfReference = trim(r.data().string(ReferencedFrameOfReferenceUID));
        var match = stack.containing(points, frameOfReference.isEmpty() ? null : frameOfReference);
        if (match.index() < 0) {
            problems.add(name + ": its 3D region " + match.problem() + ".");
            return List.of();
        }
        CaseImage image = stack.image(match.index());
        List<Point> inPixels = points.stream().map(q -> {
            double[] p = image.plane().imagePoint(q);
            return new Point(p[0], p[1]);
        }).toList();
        Shape shape = shape(type, inPixels, name, 3);
        if (shape == null) {
            return List.of();
        }
        if (!inside(inPixels, image)) {
            problems.add(name + ": its 3D region lies in the plane of image " + (match.index() + 1) + " but outside its pixels.");
            return List.of();
        }
        return List.of(shape.slice(match.index(), probability));
    }

    /** An outline (empty for a point) and the mark. */
    private record Shape(List<Point> outline, Point mark) {

        AiSlice slice(int index, Double probability) {
            return new AiSlice(index, outline, new Mark(mark.x(), mark.y(), probability), outline.isEmpty() ? 0 : Geometry.area(outline), 0);
        }
    }

    private Shape shape(String type, List<Point> points, String name, int dimensions) {
        String unsupported = name + ": its image region is a" + (type.matches("[AEIOU].*") ? "n " : " ") + (type.isEmpty() ? "region without a graphic type" : type)
                + ", which Calibra cannot turn into a mark and an outline (supported: POINT, closed POLYLINE, POLYGON, CIRCLE, ELLIPSE).";
        int need = switch (type) {
            case "POINT" -> 1;
            case "CIRCLE" -> 2;
            case "ELLIPSE" -> 4;
            case "POLYLINE", "POLYGON" -> 3;
            default -> -1;
        };
        if (need < 0 || ("CIRCLE".equals(type) && dimensions == 3)) {
            problems.add(unsupported);
            return null;
        }
        if ("POLYLINE".equals(type) && points.size() >= 2 && points.getFirst().distance(points.getLast()) >= 1e-3) {
            problems.add(name + ": its image region is an open line (a POLYLINE whose last point is not its first), not an outline;"
                    + " Calibra needs a closed outline, a circle, an ellipse or a point.");
            return null;
        }
        if (points.size() < need || ("POINT".equals(type) && points.size() != 1)) {
            problems.add(name + ": its " + type + " has " + points.size() + " point" + (points.size() == 1 ? "" : "s") + ", too few to draw it.");
            return null;
        }
        switch (type) {
            case "POINT" -> {
                return new Shape(List.of(), points.getFirst());
            }
            case "CIRCLE" -> {
                Point c = points.get(0);
                return new Shape(Geometry.circle(c, c.distance(points.get(1))), c);
            }
            case "ELLIPSE" -> {
                Point a1 = points.get(0), a2 = points.get(1), b1 = points.get(2), b2 = points.get(3);
                Point c = new Point((a1.x() + a2.x()) / 2, (a1.y() + a2.y()) / 2);
                double angle = Math.atan2(a2.y() - a1.y(), a2.x() - a1.x());
                return new Shape(Geometry.ellipse(c, a1.distance(a2) / 2, b1.distance(b2) / 2, angle), c);
            }
            default -> {
                List<Point> ring = new ArrayList<>(points);
                boolean closed = ring.getFirst().distance(ring.getLast()) < 1e-3;
                if (closed) {
                    ring.removeLast();
                }
                if (ring.size() < 3) {
                    problems.add(name + ": its outline has fewer than three distinct points.");
                    return null;
                }
                return new Shape(ring, Geometry.centroid(ring));
            }
        }
    }

    /** The segment a Referenced Segment (121191) or Referenced Segmentation Frame (121214) item points at, from the same upload. */
    private AiRegion segment(SrContent.Item ref, String name, Double probability, String trackingUid) {
        DataSet sop = SegmentationReader.firstItem(ref.data(), ReferencedSOPSequence);
        String uid = sop == null ? "" : trim(sop.string(SegmentationReader.ReferencedSOPInstanceUID));
        Integer number = sop == null ? null : sop.integer(ReferencedSegmentNumber);
        if (uid.isEmpty() || number == null) {
            problems.add(name + ": it refers to a segment without saying which segmentation and segment number.");
            return null;
        }
        AiFileResult seg = segmentations.get(uid);
        if (seg == null) {
            problems.add(name + " outlines its finding as segment " + number + " of a segmentation (SOP Instance UID " + uid
                    + ") that is not among the uploaded files: upload the segmentation (SEG) together with this report.");
            return null;
        }
        if (seg instanceof AiFileResult.Refused refused) {
            problems.add(name + " outlines its finding as segment " + number + " of the segmentation " + refused.fileName()
                    + ", which could not be read (see that file's problems).");
            return null;
        }
        AiObject object = ((AiFileResult.Mapped) seg).object();
        links.add(new SegmentLink(uid, number, trackingUid, probability, fileName));
        AiRegion region = object.regions().stream().filter(r -> number.equals(r.segmentNumber())).findFirst().orElse(null);
        if (region == null) {
            problems.add(name + " outlines its finding as segment " + number + " of the segmentation " + seg.fileName()
                    + ", which has no such segment or marks no pixel with it.");
        }
        return region;
    }

    /** The image reference of a region: a SELECTED FROM IMAGE child, or the IMAGE item a by-reference child points at. */
    private DataSet imageReference(SrContent.Item region) {
        for (SrContent.Item c : region.children()) {
            SrContent.Item image = c;
            String target = SrContent.reference(c);
            if (target != null) {
                image = byPosition.get(target);
            }
            if (image != null && "IMAGE".equals(image.valueType())) {
                DataSet sop = SegmentationReader.firstItem(image.data(), ReferencedSOPSequence);
                if (sop != null) {
                    return sop;
                }
            }
        }
        return null;
    }

    /**
     * A NUM item's probability (ADR 0019): its concept is one of {@link #PROBABILITY_CONCEPTS} or its meaning says
     * probability, likelihood, certainty or confidence; its unit is UCUM "1" (or a dimensionless annotation like
     * "{probability}", or "no units"), value 0..1, or "%", value 0..100. Anything else is a measurement. A probability out of
     * range is a problem.
     */
    private Probability probability(SrContent.Item item) {
        if (!"NUM".equals(item.valueType()) || item.concept() == null) {
            return null;
        }
        boolean named = PROBABILITY_CONCEPTS.stream().anyMatch(item.concept()::is) || PROBABILITY_WORDS.matcher(item.concept().meaning()).find();
        if (!named) {
            return null;
        }
        DataSet value = SegmentationReader.firstItem(item.data(), MeasuredValueSequence);
        Double v = value == null ? null : number(value);
        if (v == null) {
            return null;
        }
        Code unit = Code.of(value, MeasurementUnitsCodeSequence);
        String u = unit == null ? "" : unit.value();
        boolean percent = "%".equals(u);
        boolean fraction = "1".equals(u) || (u.startsWith("{") && u.endsWith("}")) || (unit != null && "no units".equalsIgnoreCase(unit.meaning()));
        if (!percent && !fraction) {
            return null;
        }
        double p = percent ? v / 100 : v;
        if (p < 0 || p > 1 || Double.isNaN(p)) {
            problems.add("“" + item.concept().words() + "” is " + Vrs.decimalString(v) + (percent ? " %" : "") + ", which is not a probability"
                    + (percent ? " (0 to 100 %)." : " (0 to 1)."));
            return null;
        }
        return new Probability(item.concept(), Math.round(p * 1e6) / 1e6);
    }

    private static int rank(Code concept) {
        for (int i = 0; i < PROBABILITY_CONCEPTS.size(); i++) {
            if (PROBABILITY_CONCEPTS.get(i).is(concept)) {
                return i;
            }
        }
        return PROBABILITY_CONCEPTS.size();
    }

    private static Measurement measurement(SrContent.Item item) {
        DataSet value = SegmentationReader.firstItem(item.data(), MeasuredValueSequence);
        Double v = value == null ? null : number(value);
        return v == null || item.concept() == null ? null : new Measurement(item.concept(), v, Code.of(value, MeasurementUnitsCodeSequence));
    }

    private static Evaluation evaluation(SrContent.Item item) {
        if (item.concept() == null) {
            return null;
        }
        return switch (item.valueType()) {
            case "CODE" -> {
                Code v = Code.of(item.data(), ConceptCodeSequence);
                yield v == null ? null : new Evaluation(item.concept(), v, null);
            }
            case "TEXT" -> item.text(TextValue) == null ? null : new Evaluation(item.concept(), null, item.text(TextValue));
            default -> null;
        };
    }

    private static boolean structural(SrContent.Item item) {
        return item.concept() != null && STRUCTURAL.stream().anyMatch(item.concept()::is);
    }

    /** Floating Point Value when present (more precise), else the Numeric Value. */
    private static Double number(DataSet value) {
        Element fp = value.get(FloatingPointValue);
        if (fp != null && fp.value() != null && fp.value().length >= 8) {
            return fp.doubles()[0];
        }
        double[] d = value.decimals(NumericValue);
        return d.length == 0 ? null : d[0];
    }

    private static double[] floats(Element e) {
        if (e == null || e.value() == null) {
            return new double[0];
        }
        return switch (e.vr()) {
            case "FL", "FD", "OF", "OD" -> e.doubles();
            default -> new double[0];
        };
    }

    private static boolean inside(List<Point> points, CaseImage image) {
        for (Point p : points) {
            if (p.x() < -1e-3 || p.y() < -1e-3 || p.x() > image.columns() + 1e-3 || p.y() > image.rows() + 1e-3) {
                return false;
            }
        }
        return true;
    }

    private String description(DataSet ds) {
        List<String> parts = new ArrayList<>();
        String series = trim(ds.string(Tags.SeriesDescription));
        parts.add("Measurement report" + (series.isEmpty() ? "" : " “" + series + "”"));
        String maker = (trim(ds.string(Tags.Manufacturer)) + " " + trim(ds.string(Tags.ManufacturerModelName))).trim();
        if (!maker.isEmpty()) {
            parts.add("by " + maker);
        }
        if (!algorithms.isEmpty()) {
            parts.add("(" + String.join(", ", algorithms) + ")");
        }
        return String.join(" ", parts);
    }

    private static void addText(Set<String> into, String s) {
        if (s != null && !s.isBlank()) {
            into.add(s.trim());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
