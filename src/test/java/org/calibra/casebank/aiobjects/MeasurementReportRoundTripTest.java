package org.calibra.casebank.aiobjects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.calibra.casebank.aiobjects.Fixtures.contentItem;
import static org.calibra.casebank.aiobjects.Fixtures.file;
import static org.calibra.casebank.aiobjects.Fixtures.mapped;
import static org.calibra.casebank.aiobjects.Fixtures.t;

import java.util.ArrayList;
import java.util.List;
import org.calibra.dicom.DataSet;
import org.junit.jupiter.api.Test;

/** A TID 1500 report written with the codec reads back as what was written: groups, regions, probabilities, evaluations. */
class MeasurementReportRoundTripTest {

    private final Fixtures fx = new Fixtures();

    @Test
    void groups_become_regions_with_their_finding_outline_mark_probability_and_evaluations() {
        AiObject o = mapped(AiObjects.read(file("sr.dcm", fx.sr()), fx.images));

        assertThat(o.kind()).isEqualTo(AiObject.Kind.MEASUREMENT_REPORT);
        assertThat(o.description()).contains("AI lesion report").contains("NoduleFinder 1.0");
        assertThat(o.caseScore()).as("the group without an image region").isEqualTo(0.91);
        assertThat(o.regions()).hasSize(2);

        AiRegion nodule = o.regions().get(0);
        assertThat(nodule.label()).isEqualTo("Nodule");
        assertThat(nodule.finding()).isEqualTo(SegmentationWriter.NODULE);
        assertThat(nodule.findingSite()).isEqualTo(SegmentationWriter.LUNG);
        assertThat(nodule.trackingId()).isEqualTo("Nodule 1");
        assertThat(nodule.trackingUid()).isEqualTo("2.25.1111");
        assertThat(nodule.segmentNumber()).isNull();
        assertThat(nodule.probability()).isEqualTo(0.87);
        assertThat(nodule.firstImage()).isEqualTo(3);
        assertThat(nodule.lastImage()).isEqualTo(3);
        AiSlice s = nodule.slices().getFirst();
        assertThat(s.outline()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(s.outline().get(i).x()).isCloseTo(Fixtures.POLYGON.get(i).x(), within(1e-4));
            assertThat(s.outline().get(i).y()).isCloseTo(Fixtures.POLYGON.get(i).y(), within(1e-4));
        }
        Point c = Geometry.centroid(Fixtures.POLYGON);
        assertThat(s.mark().x()).isCloseTo(c.x(), within(1e-4));
        assertThat(s.mark().y()).isCloseTo(c.y(), within(1e-4));
        assertThat(s.mark().probability()).isEqualTo(0.87);
        assertThat(nodule.measurements()).singleElement().satisfies(m -> {
            assertThat(m.concept()).isEqualTo(Fixtures.LONG_AXIS);
            assertThat(m.value()).isEqualTo(8.4);
            assertThat(m.words()).isEqualTo("Long axis 8.4 mm");
        });
        assertThat(nodule.evaluations()).singleElement().satisfies(e -> assertThat(e.words()).isEqualTo("Margins: Spiculated"));

        AiRegion mass = o.regions().get(1);
        assertThat(mass.label()).isEqualTo("Mass");
        assertThat(mass.slices()).singleElement().satisfies(p -> {
            assertThat(p.imageIndex()).isEqualTo(2);
            assertThat(p.outline()).isEmpty();
            assertThat(p.mark()).isEqualTo(new Mark(Fixtures.POINT.x(), Fixtures.POINT.y(), 0.35));
        });
    }

    @Test
    void circles_and_ellipses_become_outlines_around_their_centre() {
        var circle = new MeasurementReportWriter.Region("CIRCLE", List.of(new Point(30, 30), new Point(34, 33)), 1, null);
        var ellipse = new MeasurementReportWriter.Region("ELLIPSE",
                List.of(new Point(10, 20), new Point(30, 20), new Point(20, 15), new Point(20, 25)), 4, null);
        DataSet sr = MeasurementReportWriter.build(fx.ct.images(), List.of(
                new MeasurementReportWriter.Group("C", "2.25.5", SegmentationWriter.NODULE, null, List.of(circle), null, List.of(), List.of()),
                new MeasurementReportWriter.Group("E", "2.25.6", SegmentationWriter.NODULE, null, List.of(ellipse), null, List.of(), List.of())),
                null, AiSeries.demo("test-shapes", 201, "shapes"));

        AiObject o = mapped(AiObjects.read(file("shapes.dcm", sr), fx.images));

        AiSlice c = o.regions().get(0).slices().getFirst();
        assertThat(c.mark()).isEqualTo(new Mark(30, 30, null));
        assertThat(c.outline()).allSatisfy(p -> assertThat(p.distance(new Point(30, 30))).isCloseTo(5, within(1e-4)));
        assertThat(c.areaPx()).isCloseTo(Math.PI * 25, within(0.2)); // a 64-gon
        AiSlice e = o.regions().get(1).slices().getFirst();
        assertThat(e.imageIndex()).isEqualTo(4);
        assertThat(e.mark()).isEqualTo(new Mark(20, 20, null));
        assertThat(e.outline()).allSatisfy(p -> assertThat(Math.pow((p.x() - 20) / 10, 2) + Math.pow((p.y() - 20) / 5, 2)).isCloseTo(1, within(1e-4)));
        assertThat(o.caseScore()).isNull();
        assertThat(o.regions().get(0).probability()).isNull();
    }

    @Test
    void a_volumetric_group_with_a_region_per_slice_spans_those_slices() {
        List<MeasurementReportWriter.Region> regions = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            regions.add(MeasurementReportWriter.Region.polygon(fx.nodule.get(k), k));
        }
        DataSet sr = MeasurementReportWriter.build(fx.ct.images(), List.of(new MeasurementReportWriter.Group("Nodule 1", "2.25.1111",
                SegmentationWriter.NODULE, null, regions, 0.5, List.of(), List.of())), null, AiSeries.demo("test-1411", 202, "volumetric"));
        assertThat(contentItem(sr, 7, 1).get(t("ContentTemplateSequence")).items().getFirst().string(t("TemplateIdentifier"))).isEqualTo("1411");

        AiRegion r = mapped(AiObjects.read(file("volumetric.dcm", sr), fx.images)).regions().getFirst();

        assertThat(r.firstImage()).isEqualTo(1);
        assertThat(r.lastImage()).isEqualTo(4);
        assertThat(r.slices()).extracting(AiSlice::imageIndex).containsExactly(1, 2, 3, 4);
        assertThat(Geometry.hausdorff(r.slices().get(1).outline(), fx.nodule.get(2))).isLessThan(1e-4);
    }

    @Test
    void a_region_given_in_patient_coordinates_is_placed_on_the_image_whose_plane_holds_it() {
        DataSet sr = fx.sr();
        DataSet region = contentItem(sr, 7, 1, 5); // the polygon on image 3: rewrite it as SCOORD3D
        CaseImage image = fx.images.get(3);
        List<Point> ring = new ArrayList<>(Fixtures.POLYGON);
        ring.add(ring.getFirst());
        double[] xyz = new double[ring.size() * 3];
        for (int i = 0; i < ring.size(); i++) {
            double[] p = image.plane().patientPoint(ring.get(i).x(), ring.get(i).y());
            System.arraycopy(p, 0, xyz, 3 * i, 3);
        }
        region.remove(t("ContentSequence"));
        region.putStrings(t("ValueType"), "SCOORD3D").putStrings(t("GraphicType"), "POLYGON").putFloats(t("GraphicData"), xyz)
                .putStrings(t("ReferencedFrameOfReferenceUID"), fx.ct.frameOfReferenceUid());

        AiRegion nodule = mapped(AiObjects.read(file("sr3d.dcm", sr), fx.images)).regions().getFirst();

        assertThat(nodule.slices()).singleElement().satisfies(s -> {
            assertThat(s.imageIndex()).isEqualTo(3);
            assertThat(Geometry.hausdorff(s.outline(), Fixtures.POLYGON)).isLessThan(1e-3);
        });
    }

    @Test
    void an_image_named_by_reference_to_another_content_item_is_found() {
        DataSet sr = fx.sr();
        DataSet region = contentItem(sr, 7, 1, 5);
        // point at the image library's fourth entry (root 1.6.1.4 = image 3) instead of a SELECTED FROM child
        region.putSequence(t("ContentSequence"), List.of(new DataSet().putStrings(t("RelationshipType"), "SELECTED FROM")
                .putInts(t("ReferencedContentItemIdentifier"), 1, 6, 1, 4)));

        AiRegion nodule = mapped(AiObjects.read(file("by-reference.dcm", sr), fx.images)).regions().getFirst();

        assertThat(nodule.slices()).extracting(AiSlice::imageIndex).containsExactly(3);
    }

    @Test
    void a_probability_in_percent_or_under_another_likelihood_concept_is_accepted() {
        DataSet sr = fx.sr();
        DataSet probability = contentItem(sr, 7, 1, 6);
        probability.putSequence(t("ConceptNameCodeSequence"), new Code("99001", "99VENDOR", "Malignancy likelihood").sequence());
        DataSet value = probability.get(t("MeasuredValueSequence")).items().getFirst();
        value.putSequence(t("MeasurementUnitsCodeSequence"), new Code("%", "UCUM", "percent").sequence()).putStrings(t("NumericValue"), "64");

        assertThat(mapped(AiObjects.read(file("percent.dcm", sr), fx.images)).regions().getFirst().probability()).isEqualTo(0.64);
    }

    @Test
    void a_report_with_no_finding_but_an_overall_probability_is_a_normal_call() {
        DataSet sr = MeasurementReportWriter.build(fx.ct.images(), List.of(), 0.03, AiSeries.demo("test-normal", 203, "nothing found"));

        AiObject o = mapped(AiObjects.read(file("normal.dcm", sr), fx.images));

        assertThat(o.regions()).isEmpty();
        assertThat(o.caseScore()).isEqualTo(0.03);
    }
}
