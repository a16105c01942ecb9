package org.calibra.casebank.aiobjects;

import static org.calibra.casebank.aiobjects.SegmentationWriter.t;
import static org.calibra.dicom.Tags.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.Part10Writer;
import org.calibra.dicom.TransferSyntax;
import org.calibra.dicom.Vrs;

/**
 * Writes a TID 1500 Imaging Measurement Report as a Comprehensive SR with the codec, as an AI product would: language,
 * device observer, procedure reported, an image library of the referenced images, and under Imaging Measurements one
 * Measurement Group per finding — TID 1410 (one image region) or TID 1411 (one per slice) with tracking identifier and
 * UID, finding, finding site, the SCOORD regions SELECTED FROM their image, the probability as a NUM (Probability of
 * cancer, unit "1"), other measurements and qualitative evaluations — plus, for an overall probability, a TID 1501
 * group without an image region.
 */
public final class MeasurementReportWriter {

    public static final Code PROBABILITY_OF_CANCER = new Code("111047", "DCM", "Probability of cancer");
    public static final Code NO_UNITS = new Code("1", "UCUM", "no units");
    public static final Code MILLIMETRE = new Code("mm", "UCUM", "millimeter");

    /**
     * A 2D region (SCOORD) on source image {@code source} (index into the sources), frame {@code frameNumber} (1-based) of a
     * multi-frame source or null. Graphic types as PS3.3 C.18.6.1.2: POINT, POLYLINE (closed: first point repeated), CIRCLE,
     * ELLIPSE, MULTIPOINT.
     */
    public record Region(String graphicType, List<Point> points, int source, Integer frameNumber) {

        public Region {
            points = List.copyOf(points);
        }

        /** A closed POLYLINE through the polygon's vertices (the first repeated at the end). */
        public static Region polygon(List<Point> polygon, int source) {
            List<Point> closed = new ArrayList<>(polygon);
            closed.add(polygon.getFirst());
            return new Region("POLYLINE", closed, source, null);
        }

        public static Region point(Point p, int source) {
            return new Region("POINT", List.of(p), source, null);
        }
    }

    /** A finding: its regions (none for an overall, case-level group), probability, measurements and evaluations. */
    public record Group(String trackingId, String trackingUid, Code finding, Code findingSite, List<Region> regions, Double probability,
                        List<Measurement> measurements, List<Evaluation> evaluations) {

        public Group {
            regions = List.copyOf(regions);
            measurements = List.copyOf(measurements);
            evaluations = List.copyOf(evaluations);
        }
    }

    private MeasurementReportWriter() {
    }

    public static byte[] write(List<DataSet> sources, List<Group> groups, Double caseProbability, AiSeries series) {
        return Part10Writer.write(build(sources, groups, caseProbability, series), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    public static DataSet build(List<DataSet> sources, List<Group> groups, Double caseProbability, AiSeries series) {
        DataSet first = sources.getFirst();
        List<DataSet> measurementGroups = new ArrayList<>();
        for (Group g : groups) {
            measurementGroups.add(group(g, sources));
        }
        if (caseProbability != null) {
            measurementGroups.add(group(new Group("Whole study", SegmentationWriter.uid(series, "whole-study"), null, null, List.of(),
                    caseProbability, List.of(), List.of()), sources));
        }
        List<DataSet> library = new ArrayList<>();
        for (DataSet s : sources) {
            library.add(item("CONTAINS", "IMAGE", null).putSequence(t("ReferencedSOPSequence"), List.of(sopReference(s, null))));
        }
        List<DataSet> content = List.of(
                item("HAS CONCEPT MOD", "CODE", new Code("121049", "DCM", "Language of Content Item and Descendants"))
                        .putSequence(t("ConceptCodeSequence"), new Code("en-US", "RFC5646", "English (United States)").sequence()),
                item("HAS OBS CONTEXT", "CODE", new Code("121005", "DCM", "Observer Type"))
                        .putSequence(t("ConceptCodeSequence"), new Code("121007", "DCM", "Device").sequence()),
                item("HAS OBS CONTEXT", "UIDREF", new Code("121012", "DCM", "Device Observer UID"))
                        .putStrings(t("UID"), SegmentationWriter.uid(series, "device")),
                item("HAS OBS CONTEXT", "TEXT", new Code("121013", "DCM", "Device Observer Name"))
                        .putStrings(t("TextValue"), series.algorithmName() + " " + series.algorithmVersion()),
                item("HAS CONCEPT MOD", "CODE", new Code("121058", "DCM", "Procedure reported"))
                        .putSequence(t("ConceptCodeSequence"), new Code("25045-6", "LN", "CT unspecified body region").sequence()),
                container("CONTAINS", new Code("111028", "DCM", "Image Library"), List.of(
                        container("CONTAINS", new Code("126200", "DCM", "Image Library Group"), library))),
                container("CONTAINS", new Code("126010", "DCM", "Imaging Measurements"), measurementGroups));

        return SegmentationWriter.common(first, series, SopClasses.COMPREHENSIVE_SR, "SR", "1")
                .putSequence(t("ReferencedPerformedProcedureStepSequence"), List.of())
                .putStrings(t("ValueType"), "CONTAINER")
                .putSequence(t("ConceptNameCodeSequence"), new Code("126000", "DCM", "Imaging Measurement Report").sequence())
                .putStrings(t("ContinuityOfContent"), "SEPARATE")
                .putSequence(t("ContentTemplateSequence"), List.of(template("1500")))
                .putStrings(t("CompletionFlag"), "COMPLETE")
                .putStrings(t("VerificationFlag"), "UNVERIFIED")
                .putSequence(t("CurrentRequestedProcedureEvidenceSequence"), evidence(sources))
                .putSequence(t("PerformedProcedureCodeSequence"), List.of())
                .putSequence(t("ContentSequence"), content);
    }

    private static DataSet group(Group g, List<DataSet> sources) {
        List<DataSet> content = new ArrayList<>();
        content.add(item("HAS OBS CONTEXT", "TEXT", new Code("112039", "DCM", "Tracking Identifier")).putStrings(t("TextValue"), g.trackingId()));
        content.add(item("HAS OBS CONTEXT", "UIDREF", new Code("112040", "DCM", "Tracking Unique Identifier")).putStrings(t("UID"), g.trackingUid()));
        if (g.finding() != null) {
            content.add(item("CONTAINS", "CODE", new Code("121071", "DCM", "Finding")).putSequence(t("ConceptCodeSequence"), g.finding().sequence()));
        }
        if (g.findingSite() != null) {
            content.add(item("HAS CONCEPT MOD", "CODE", new Code("363698007", "SCT", "Finding Site"))
                    .putSequence(t("ConceptCodeSequence"), g.findingSite().sequence()));
        }
        for (Region r : g.regions()) {
            double[] data = new double[r.points().size() * 2];
            for (int i = 0; i < r.points().size(); i++) {
                data[2 * i] = r.points().get(i).x();
                data[2 * i + 1] = r.points().get(i).y();
            }
            DataSet image = item("SELECTED FROM", "IMAGE", null)
                    .putSequence(t("ReferencedSOPSequence"), List.of(sopReference(sources.get(r.source()), r.frameNumber())));
            content.add(item("CONTAINS", "SCOORD", new Code("111030", "DCM", "Image Region"))
                    .putStrings(t("GraphicType"), r.graphicType())
                    .putFloats(t("GraphicData"), data)
                    .putSequence(t("ContentSequence"), List.of(image)));
        }
        if (g.probability() != null) {
            content.add(num(PROBABILITY_OF_CANCER, g.probability(), NO_UNITS));
        }
        for (Measurement m : g.measurements()) {
            content.add(num(m.concept(), m.value(), m.unit()));
        }
        for (Evaluation e : g.evaluations()) {
            content.add(e.value() != null
                    ? item("CONTAINS", "CODE", e.concept()).putSequence(t("ConceptCodeSequence"), e.value().sequence())
                    : item("CONTAINS", "TEXT", e.concept()).putStrings(t("TextValue"), e.text()));
        }
        String template = g.regions().isEmpty() ? "1501" : g.regions().size() == 1 ? "1410" : "1411";
        return container("CONTAINS", new Code("125007", "DCM", "Measurement Group"), content)
                .putSequence(t("ContentTemplateSequence"), List.of(template(template)));
    }

    private static DataSet num(Code concept, double value, Code unit) {
        return item("CONTAINS", "NUM", concept).putSequence(t("MeasuredValueSequence"), List.of(new DataSet()
                .putSequence(t("MeasurementUnitsCodeSequence"), unit.sequence())
                .putStrings(t("NumericValue"), Vrs.decimalString(value))));
    }

    private static DataSet item(String relationship, String valueType, Code concept) {
        DataSet ds = new DataSet().putStrings(t("RelationshipType"), relationship).putStrings(t("ValueType"), valueType);
        if (concept != null) {
            ds.putSequence(t("ConceptNameCodeSequence"), concept.sequence());
        }
        return ds;
    }

    private static DataSet container(String relationship, Code concept, List<DataSet> content) {
        return item(relationship, "CONTAINER", concept).putStrings(t("ContinuityOfContent"), "SEPARATE").putSequence(t("ContentSequence"), content);
    }

    private static DataSet template(String id) {
        return new DataSet().putStrings(t("MappingResource"), "DCMR").putStrings(t("TemplateIdentifier"), id);
    }

    private static DataSet sopReference(DataSet source, Integer frameNumber) {
        DataSet ref = new DataSet()
                .putStrings(t("ReferencedSOPClassUID"), source.string(SOPClassUID))
                .putStrings(t("ReferencedSOPInstanceUID"), source.string(SOPInstanceUID));
        if (frameNumber != null) {
            ref.putInts(t("ReferencedFrameNumber"), frameNumber);
        }
        return ref;
    }

    /** Current Requested Procedure Evidence: every source image, by study and series. */
    private static List<DataSet> evidence(List<DataSet> sources) {
        Map<String, Map<String, List<DataSet>>> byStudy = new LinkedHashMap<>();
        for (DataSet s : sources) {
            byStudy.computeIfAbsent(s.string(StudyInstanceUID), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.string(SeriesInstanceUID), k -> new ArrayList<>()).add(sopReference(s, null));
        }
        List<DataSet> out = new ArrayList<>();
        byStudy.forEach((study, series) -> {
            List<DataSet> seriesItems = new ArrayList<>();
            series.forEach((uid, refs) -> seriesItems.add(new DataSet().putStrings(SeriesInstanceUID, uid).putSequence(t("ReferencedSOPSequence"), refs)));
            out.add(new DataSet().putStrings(StudyInstanceUID, study).putSequence(t("ReferencedSeriesSequence"), seriesItems));
        });
        return out;
    }
}
