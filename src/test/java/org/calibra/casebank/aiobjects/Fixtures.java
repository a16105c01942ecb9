package org.calibra.casebank.aiobjects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.DicomReader;
import org.calibra.dicom.Dictionary;
import org.calibra.dicom.Element;
import org.calibra.dicom.Part10Writer;
import org.calibra.dicom.TransferSyntax;

/**
 * The objects the tests write and read: a 6-slice 64 × 64 synthetic CT, a binary SEG with two segments over several of
 * its slices, and a TID 1500 report with a polygon (finding, site, probability, measurement, qualitative evaluation), a
 * point, and an overall probability.
 */
final class Fixtures {

    static final int SIZE = 64;
    static final Code MASS = new Code("4147007", "SCT", "Mass");
    static final Code MARGINS = new Code("111037", "DCM", "Margins");
    static final Code SPICULATED = new Code("112136", "DCM", "Spiculated");
    static final Code LONG_AXIS = new Code("103339001", "SCT", "Long axis");

    final DemoCtSeries ct = new DemoCtSeries("aiobjects-test", 6, SIZE, 5.0);
    final List<CaseImage> images = ct.caseImages();

    /** Segment 1 "Nodule": circles on slices 1..4 (radii 5, 6, 3, 5 pixels); segment 2 "Mass": a quadrilateral on slices 2 and 3. */
    final Map<Integer, List<Point>> nodule = new LinkedHashMap<>();
    final Map<Integer, List<Point>> mass = new LinkedHashMap<>();

    Fixtures() {
        for (int k = 1; k <= 4; k++) {
            nodule.put(k, Geometry.circle(new Point(40.3, 26.2), 3 + (k % 3) + (k == 3 ? 0 : 1)));
        }
        for (int k = 2; k <= 3; k++) {
            mass.put(k, List.of(new Point(10, 40), new Point(20.5, 37.5), new Point(22, 50), new Point(12, 52.5)));
        }
    }

    List<SegmentationWriter.Segment> segments() {
        return List.of(
                SegmentationWriter.Segment.ofPolygons(1, "Nodule", SegmentationWriter.ABNORMAL, SegmentationWriter.NODULE, "Nodule 1",
                        "2.25.1111", nodule, SIZE, SIZE),
                SegmentationWriter.Segment.ofPolygons(2, "Mass", SegmentationWriter.ABNORMAL, MASS, "Mass 1", "2.25.2222", mass, SIZE, SIZE));
    }

    DataSet seg() {
        return SegmentationWriter.build(ct.images(), segments(), SegmentationWriter.Kind.BINARY, AiSeries.demo("test-seg", 100, "AI lesion segmentation"));
    }

    static final List<Point> POLYGON = List.of(new Point(36.5, 21.5), new Point(44.25, 22), new Point(45, 30.5), new Point(35, 29.75));
    static final Point POINT = new Point(15.5, 45.25);

    List<MeasurementReportWriter.Group> groups() {
        return List.of(
                new MeasurementReportWriter.Group("Nodule 1", "2.25.1111", SegmentationWriter.NODULE, SegmentationWriter.LUNG,
                        List.of(MeasurementReportWriter.Region.polygon(POLYGON, 3)), 0.87,
                        List.of(new Measurement(LONG_AXIS, 8.4, MeasurementReportWriter.MILLIMETRE)),
                        List.of(new Evaluation(MARGINS, SPICULATED, null))),
                new MeasurementReportWriter.Group("Mass 1", "2.25.2222", MASS, null,
                        List.of(MeasurementReportWriter.Region.point(POINT, 2)), 0.35, List.of(), List.of()));
    }

    DataSet sr() {
        return MeasurementReportWriter.build(ct.images(), groups(), 0.91, AiSeries.demo("test-sr", 200, "AI lesion report"));
    }

    static byte[] bytes(DataSet ds) {
        return Part10Writer.write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    static AiFile file(String name, DataSet ds) {
        return new AiFile(name, bytes(ds));
    }

    static AiObject mapped(AiFileResult r) {
        assertThat(r).as("%s", r).isInstanceOf(AiFileResult.Mapped.class);
        return ((AiFileResult.Mapped) r).object();
    }

    static List<String> refused(AiFileResult r) {
        assertThat(r).as("%s", r).isInstanceOf(AiFileResult.Refused.class);
        return ((AiFileResult.Refused) r).problems();
    }

    /** A deep copy, to break a written object on purpose. */
    static DataSet copy(DataSet ds) {
        return DicomReader.read(bytes(ds)).data();
    }

    static int t(String keyword) {
        return Dictionary.tag(keyword);
    }

    /** Replaces, in every item of a sequence, the sequence items as {@code edit} returns them. */
    static void editItems(DataSet ds, String sequence, java.util.function.UnaryOperator<DataSet> edit) {
        Element e = ds.get(t(sequence));
        List<DataSet> items = new ArrayList<>();
        for (DataSet item : e.items()) {
            items.add(edit.apply(item));
        }
        ds.putSequence(t(sequence), items);
    }

    /** The content item at a 1-based path below the root ({@code 7, 1} = first child of the seventh child). */
    static DataSet contentItem(DataSet root, int... path) {
        DataSet at = root;
        for (int p : path) {
            at = at.get(t("ContentSequence")).items().get(p - 1);
        }
        return at;
    }
}
