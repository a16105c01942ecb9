package org.calibra.casebank.aiobjects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.calibra.casebank.aiobjects.Fixtures.file;
import static org.calibra.casebank.aiobjects.Fixtures.mapped;
import static org.calibra.casebank.aiobjects.Fixtures.refused;
import static org.calibra.casebank.aiobjects.Fixtures.t;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.calibra.dicom.DataSet;
import org.junit.jupiter.api.Test;

/** A segmentation written with the codec reads back as what was written: segments, slices, outlines within a pixel, marks. */
class SegmentationRoundTripTest {

    private final Fixtures fx = new Fixtures();

    @Test
    void a_binary_segmentation_maps_each_segment_to_its_slices_with_outlines_and_marks() {
        AiObject o = mapped(AiObjects.read(file("seg.dcm", fx.seg()), fx.images));

        assertThat(o.kind()).isEqualTo(AiObject.Kind.SEGMENTATION);
        assertThat(o.description()).contains("AI lesion segmentation").contains("NoduleFinder");
        assertThat(o.caseScore()).isNull();
        assertThat(o.regions()).extracting(AiRegion::label).containsExactly("Nodule", "Mass");

        AiRegion nodule = o.regions().get(0);
        assertThat(nodule.finding()).isEqualTo(SegmentationWriter.NODULE);
        assertThat(nodule.segmentNumber()).isEqualTo(1);
        assertThat(nodule.trackingId()).isEqualTo("Nodule 1");
        assertThat(nodule.trackingUid()).isEqualTo("2.25.1111");
        assertThat(nodule.probability()).as("a binary segmentation gives no probability").isNull();
        assertThat(nodule.firstImage()).isEqualTo(1);
        assertThat(nodule.lastImage()).isEqualTo(4);
        assertWritten(nodule, fx.nodule);
        assertThat(nodule.keySlice().imageIndex()).as("largest outline").isEqualTo(2);

        AiRegion mass = o.regions().get(1);
        assertThat(mass.finding()).isEqualTo(Fixtures.MASS);
        assertThat(mass.firstImage()).isEqualTo(2);
        assertThat(mass.lastImage()).isEqualTo(3);
        assertWritten(mass, fx.mass);
    }

    /** Outlines within one pixel of the written polygons, marks within half a pixel of their centroids, no probability. */
    static void assertWritten(AiRegion region, Map<Integer, List<Point>> written) {
        assertThat(region.slices()).extracting(AiSlice::imageIndex).containsExactlyElementsOf(written.keySet());
        for (AiSlice s : region.slices()) {
            List<Point> polygon = written.get(s.imageIndex());
            assertThat(Geometry.hausdorff(s.outline(), polygon)).as("outline on image %d", s.imageIndex()).isLessThanOrEqualTo(1.0);
            Point c = Geometry.centroid(polygon);
            assertThat(new Point(s.mark().x(), s.mark().y()).distance(c)).as("mark on image %d", s.imageIndex()).isLessThan(0.5);
            assertThat(s.areaPx()).isCloseTo(Geometry.area(polygon), within(0.15 * Geometry.area(polygon)));
            assertThat(s.otherParts()).isZero();
            assertThat(s.mark().probability()).isEqualTo(region.probability());
        }
    }

    @Test
    void a_fractional_probability_map_is_outlined_at_half_its_peak_and_gives_the_peak_as_its_probability() {
        Map<Integer, float[]> masks = new TreeMap<>();
        for (var e : fx.nodule.entrySet()) {
            Point c = Geometry.centroid(e.getValue());
            double r = Math.sqrt(Geometry.area(e.getValue()) / Math.PI);
            float[] m = new float[Fixtures.SIZE * Fixtures.SIZE];
            for (int y = 0; y < Fixtures.SIZE; y++) {
                for (int x = 0; x < Fixtures.SIZE; x++) {
                    double d = Math.hypot(x + 0.5 - c.x(), y + 0.5 - c.y());
                    // the core at 0.6 on the middle slice (0.4 elsewhere), a faint halo of 0.2 that must not be outlined
                    m[y * Fixtures.SIZE + x] = Geometry.contains(e.getValue(), x + 0.5, y + 0.5) ? (e.getKey() == 2 ? 0.6f : 0.4f) : d < r + 4 ? 0.2f : 0;
                }
            }
            masks.put(e.getKey(), m);
        }
        var segment = new SegmentationWriter.Segment(1, "Nodule", SegmentationWriter.ABNORMAL, SegmentationWriter.NODULE, null, null, masks);
        DataSet seg = SegmentationWriter.build(fx.ct.images(), List.of(segment), SegmentationWriter.Kind.FRACTIONAL_PROBABILITY,
                AiSeries.demo("test-fractional", 101, "AI nodule probability"));

        AiRegion r = mapped(AiObjects.read(file("fractional.dcm", seg), fx.images)).regions().getFirst();

        assertThat(r.probability()).isEqualTo(Math.round(0.6 * 255) / 255.0, within(1e-4));
        assertThat(r.slices()).extracting(s -> s.mark().probability())
                .containsExactly(0.4, 0.6, 0.4, 0.4); // 102/255 and 153/255, rounded to 4 places
        assertWrittenOutlines(r, fx.nodule);

        DataSet occupancy = SegmentationWriter.build(fx.ct.images(), List.of(segment), SegmentationWriter.Kind.FRACTIONAL_OCCUPANCY,
                AiSeries.demo("test-occupancy", 102, "AI nodule occupancy"));
        AiRegion o = mapped(AiObjects.read(file("occupancy.dcm", occupancy), fx.images)).regions().getFirst();
        assertThat(o.probability()).as("occupancy is not a probability").isNull();
        assertThat(o.slices()).as("only the 0.6 core reaches half occupancy").extracting(AiSlice::imageIndex).containsExactly(2);
    }

    private static void assertWrittenOutlines(AiRegion region, Map<Integer, List<Point>> written) {
        assertThat(region.slices()).extracting(AiSlice::imageIndex).containsExactlyElementsOf(written.keySet());
        for (AiSlice s : region.slices()) {
            assertThat(Geometry.hausdorff(s.outline(), written.get(s.imageIndex()))).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void a_label_map_segmentation_maps_like_a_binary_one() {
        DataSet labelMap = SegmentationWriter.build(fx.ct.images(), fx.segments(), SegmentationWriter.Kind.LABEL_MAP,
                AiSeries.demo("test-labelmap", 103, "AI lesion label map"));
        assertThat(labelMap.string(t("SegmentationType"))).isEqualTo("LABELMAP");
        assertThat(labelMap.integer(org.calibra.dicom.Tags.NumberOfFrames)).as("one frame per image with any segment").isEqualTo(4);

        AiObject o = mapped(AiObjects.read(file("labelmap.dcm", labelMap), fx.images));

        assertThat(o.regions()).extracting(AiRegion::label).containsExactly("Nodule", "Mass");
        assertWritten(o.regions().get(0), fx.nodule);
        assertWritten(o.regions().get(1), fx.mass);
    }

    @Test
    void frames_that_name_no_source_image_are_placed_by_their_plane() {
        DataSet seg = fx.seg();
        Fixtures.editItems(seg, "PerFrameFunctionalGroupsSequence", fg -> {
            fg.remove(t("DerivationImageSequence"));
            return fg;
        });

        AiObject o = mapped(AiObjects.read(file("by-plane.dcm", seg), fx.images));

        assertWritten(o.regions().get(0), fx.nodule);
        assertWritten(o.regions().get(1), fx.mass);
    }

    @Test
    void frames_of_a_multi_frame_source_are_matched_by_their_frame_number() {
        String multiFrame = "2.25.424242";
        List<CaseImage> stack = new ArrayList<>();
        for (int k = 0; k < fx.images.size(); k++) {
            stack.add(new CaseImage(multiFrame, k, Fixtures.SIZE, Fixtures.SIZE, null));
        }
        DataSet seg = fx.seg();
        Fixtures.editItems(seg, "PerFrameFunctionalGroupsSequence", fg -> {
            DataSet source = fg.get(t("DerivationImageSequence")).items().getFirst().get(t("SourceImageSequence")).items().getFirst();
            int k = fx.ct.images().stream().map(i -> i.string(org.calibra.dicom.Tags.SOPInstanceUID)).toList()
                    .indexOf(source.string(t("ReferencedSOPInstanceUID")));
            source.putStrings(t("ReferencedSOPInstanceUID"), multiFrame).putInts(t("ReferencedFrameNumber"), k + 1);
            return fg;
        });

        AiObject o = mapped(AiObjects.read(file("multiframe.dcm", seg), stack));

        assertThat(o.regions().get(0).slices()).extracting(AiSlice::imageIndex).containsExactly(1, 2, 3, 4);
        assertThat(o.regions().get(1).slices()).extracting(AiSlice::imageIndex).containsExactly(2, 3);
    }

    @Test
    void a_report_uploaded_with_the_segmentation_gives_its_segments_their_probability_by_tracking_uid() {
        List<AiFileResult> results = AiObjects.readAll(List.of(file("seg.dcm", fx.seg()), file("sr.dcm", fx.sr())), fx.images);

        AiObject seg = mapped(results.get(0));
        assertThat(seg.regions()).extracting(AiRegion::probability).containsExactly(0.87, 0.35);
        assertThat(seg.regions().getFirst().slices()).allSatisfy(s -> assertThat(s.mark().probability()).isEqualTo(0.87));
        assertThat(seg.notes()).anySatisfy(n -> assertThat(n).contains("Segment 1 “Nodule” takes its probability 0.87 from the measurement report sr.dcm"));
        assertThat(mapped(results.get(1)).kind()).isEqualTo(AiObject.Kind.MEASUREMENT_REPORT);
    }

    @Test
    void a_report_group_may_outline_its_finding_as_a_segment_of_a_segmentation_uploaded_with_it() {
        DataSet seg = fx.seg();
        DataSet sr = fx.sr();
        DataSet group = Fixtures.contentItem(sr, 7, 2); // "Mass 1": replace its point by a reference to segment 2
        List<DataSet> children = new ArrayList<>(group.get(t("ContentSequence")).items());
        children.set(3, new DataSet()
                .putStrings(t("RelationshipType"), "CONTAINS").putStrings(t("ValueType"), "IMAGE")
                .putSequence(t("ConceptNameCodeSequence"), new Code("121191", "DCM", "Referenced Segment").sequence())
                .putSequence(t("ReferencedSOPSequence"), List.of(new DataSet()
                        .putStrings(t("ReferencedSOPClassUID"), SopClasses.SEGMENTATION)
                        .putStrings(t("ReferencedSOPInstanceUID"), seg.string(org.calibra.dicom.Tags.SOPInstanceUID))
                        .putInts(t("ReferencedSegmentNumber"), 2))));
        group.putSequence(t("ContentSequence"), children);

        List<AiFileResult> both = AiObjects.readAll(List.of(file("sr.dcm", sr), file("seg.dcm", seg)), fx.images);

        AiRegion mass = mapped(both.get(0)).regions().get(1);
        assertThat(mass.label()).isEqualTo("Mass");
        assertThat(mass.segmentNumber()).isEqualTo(2);
        assertThat(mass.probability()).isEqualTo(0.35);
        assertThat(mass.slices()).extracting(AiSlice::imageIndex).containsExactly(2, 3);
        assertThat(mass.slices()).allSatisfy(s -> assertThat(s.mark().probability()).isEqualTo(0.35));
        assertThat(Geometry.hausdorff(mass.slices().getFirst().outline(), fx.mass.get(2))).isLessThanOrEqualTo(1.0);

        assertThat(refused(AiObjects.read(file("sr.dcm", sr), fx.images)))
                .anySatisfy(p -> assertThat(p).contains("Measurement group 2 “Mass” outlines its finding as segment 2 of a segmentation")
                        .contains("not among the uploaded files"));
    }
}
