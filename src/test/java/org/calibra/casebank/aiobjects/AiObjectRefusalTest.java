package org.calibra.casebank.aiobjects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calibra.casebank.aiobjects.Fixtures.bytes;
import static org.calibra.casebank.aiobjects.Fixtures.contentItem;
import static org.calibra.casebank.aiobjects.Fixtures.file;
import static org.calibra.casebank.aiobjects.Fixtures.refused;
import static org.calibra.casebank.aiobjects.Fixtures.t;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.ReferenceFiles;
import org.calibra.dicom.Tags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every way an upload can fail, each said in words about the images — never a stack trace, an exception name or a byte
 * offset — and all of a file's problems at once; a refused file maps nothing.
 */
class AiObjectRefusalTest {

    private static final String NOT_DICOM = "This file is not a DICOM file (it has no DICOM file header) nor a PNG heatmap. Calibra reads"
            + " AI results from DICOM segmentations (SEG), measurement reports (SR, TID 1500) and heatmaps.";

    private final Fixtures fx = new Fixtures();
    private final List<List<String>> seen = new ArrayList<>();

    private List<String> problems(AiFileResult r) {
        List<String> p = refused(r);
        seen.add(p);
        return p;
    }

    @AfterEach
    void no_message_speaks_of_bytes_tags_or_exceptions() {
        for (List<String> problems : seen) {
            assertThat(problems).allSatisfy(p -> assertThat(p)
                    .doesNotContainPattern("(?i)byte \\d|at byte|exception|\\(\\p{XDigit}{4},\\p{XDigit}{4}\\)|\\bnull\\b|\\tat ")
                    .endsWith("."));
        }
    }

    @Test
    void a_file_that_is_not_dicom() {
        assertThat(problems(AiObjects.read(new AiFile("notes.txt", "hello".getBytes()), fx.images)))
                .containsExactly(NOT_DICOM);
    }

    @Test
    void a_truncated_dicom_file() {
        byte[] whole = bytes(fx.seg());
        assertThat(problems(AiObjects.read(new AiFile("cut.dcm", Arrays.copyOf(whole, whole.length / 2)), fx.images)))
                .singleElement().asString().contains("incomplete");
    }

    @Test
    void a_png_given_as_an_object_rather_than_as_a_heatmap_of_an_image() {
        byte[] png = HeatmapPng.encode(new int[4], 2, 2);
        assertThat(problems(AiObjects.read(new AiFile("heat.png", png), fx.images))).singleElement().asString()
                .contains("does not say which image it belongs to");
    }

    @Test
    void an_image_instead_of_an_ai_result() {
        assertThat(problems(AiObjects.read(file("ct.dcm", fx.ct.images().getFirst()), fx.images)))
                .singleElement().asString().startsWith("This is a CT image, not an AI result:");
    }

    @Test
    void a_report_that_is_not_a_measurement_report() throws Exception {
        DataSet sr = fx.sr();
        sr.putSequence(t("ConceptNameCodeSequence"), new Code("18748-4", "LN", "Diagnostic Imaging Report").sequence());
        sr.putSequence(t("ContentTemplateSequence"), List.of(new DataSet().putStrings(t("MappingResource"), "DCMR").putStrings(t("TemplateIdentifier"), "2000")));

        assertThat(problems(AiObjects.read(file("report.dcm", sr), fx.images))).containsExactly(
                "This structured report is a “Diagnostic Imaging Report” document (template TID 2000), not an imaging measurement report"
                        + " (TID 1500), so it holds no measurement groups to take the AI's marks from.");
    }

    @Test
    void references_to_images_the_case_lacks_are_named_with_how_many_images_matched() {
        List<CaseImage> other = new ArrayList<>(fx.images);
        CaseImage third = other.get(3);
        other.set(3, new CaseImage("2.25.999", third.frame(), third.rows(), third.columns(), third.plane()));
        other.set(2, new CaseImage("2.25.998", 0, third.rows(), third.columns(), null));

        List<String> seg = problems(AiObjects.read(file("seg.dcm", fx.seg()), other));
        assertThat(seg).singleElement().asString()
                .startsWith("The segmentation refers to 2 images that this case does not have (SOP Instance UID "
                        + fx.ct.images().get(2).string(Tags.SOPInstanceUID) + ", " + fx.ct.images().get(3).string(Tags.SOPInstanceUID)
                        + "); 2 of the case's 6 images matched its references.");

        List<String> sr = problems(AiObjects.read(file("sr.dcm", fx.sr()), other));
        assertThat(sr).singleElement().asString().contains("The report refers to 2 images that this case does not have")
                .contains("0 of the case's 6 images matched");
    }

    @Test
    void a_segmentation_whose_frames_are_not_the_size_of_the_images() {
        List<CaseImage> bigger = fx.images.stream().map(i -> new CaseImage(i.sopInstanceUid(), 0, 128, 128, null)).toList();

        assertThat(problems(AiObjects.read(file("seg.dcm", fx.seg()), bigger))).singleElement().asString()
                .isEqualTo("Frames 1, 2, 3, 4, 5, 6 (6 of 6) of the segmentation: the size, 64 x 64 pixels, differs from the image's 128 x 128;"
                        + " a segmentation must lie on its images' own pixel grid.");
    }

    @Test
    void a_report_that_marks_no_image() {
        DataSet sr = MeasurementReportWriter.build(fx.ct.images(), List.of(new MeasurementReportWriter.Group("Nodule 1", "2.25.1",
                SegmentationWriter.NODULE, null, List.of(), null, List.of(new Measurement(Fixtures.LONG_AXIS, 4, MeasurementReportWriter.MILLIMETRE)),
                List.of())), null, AiSeries.demo("test-unplaced", 204, "no regions"));

        assertThat(problems(AiObjects.read(file("unplaced.dcm", sr), fx.images))).containsExactly(
                "The report marks no image: none of its 1 measurement group has an image region with a referenced image, and it gives no overall probability.");
    }

    @Test
    void coordinate_types_that_are_no_outline_or_point() {
        DataSet sr = fx.sr();
        contentItem(sr, 7, 1, 5).putStrings(t("GraphicType"), "MULTIPOINT");
        DataSet open = contentItem(sr, 7, 2, 4);
        open.putStrings(t("GraphicType"), "POLYLINE").putFloats(t("GraphicData"), 1, 1, 5, 5, 9, 1);

        assertThat(problems(AiObjects.read(file("shapes.dcm", sr), fx.images))).containsExactly(
                "Measurement group 1 “Nodule”: its image region is a MULTIPOINT, which Calibra cannot turn into a mark and an outline"
                        + " (supported: POINT, closed POLYLINE, POLYGON, CIRCLE, ELLIPSE).",
                "Measurement group 2 “Mass”: its image region is an open line (a POLYLINE whose last point is not its first), not an outline;"
                        + " Calibra needs a closed outline, a circle, an ellipse or a point.");
    }

    @Test
    void a_region_without_its_image_and_coordinates_outside_the_image() {
        DataSet sr = fx.sr();
        contentItem(sr, 7, 1, 5).remove(t("ContentSequence"));
        contentItem(sr, 7, 2, 4).putFloats(t("GraphicData"), 45.25, 80);

        assertThat(problems(AiObjects.read(file("regions.dcm", sr), fx.images))).containsExactly(
                "Measurement group 1 “Nodule”: its image region (POLYLINE) does not say which image it is on.",
                "Measurement group 2 “Mass”: its POINT lies outside image 3 of the case (64 x 64 pixels); perhaps its coordinates were written as row,"
                        + " column instead of column, row.");
    }

    @Test
    void content_in_a_form_the_standard_does_not_allow_is_refused_in_words_and_logged() {
        DataSet sr = fx.sr();
        // a by-reference pointer written as text instead of UL numbers
        contentItem(sr, 7, 1, 5).putSequence(t("ContentSequence"), List.of(new DataSet().putStrings(t("RelationshipType"), "SELECTED FROM")
                .put(org.calibra.dicom.Element.of(t("ReferencedContentItemIdentifier"), "LO", "1.6.1.4 ".getBytes()))));

        assertThat(problems(AiObjects.read(file("odd.dcm", sr), fx.images))).containsExactly("This measurement report cannot be read: some of"
                + " its content is not in the form DICOM prescribes (the file may be damaged, or written by a product that bends the standard).");
    }

    @Test
    void a_probability_outside_zero_to_one() {
        DataSet sr = fx.sr();
        contentItem(sr, 7, 1, 6).get(t("MeasuredValueSequence")).items().getFirst().putStrings(t("NumericValue"), "87");

        assertThat(problems(AiObjects.read(file("p.dcm", sr), fx.images)))
                .containsExactly("“Probability of cancer” is 87, which is not a probability (0 to 1).");
    }

    @Test
    void every_problem_of_a_segmentation_at_once() {
        DataSet seg = fx.seg();
        seg.remove(t("SegmentationType"));
        seg.putInts(Tags.BitsAllocated, 8);
        seg.remove(t("SegmentSequence"));
        List<CaseImage> lacking = new ArrayList<>(fx.images);
        lacking.set(1, new CaseImage("2.25.997", 64, 64));

        assertThat(problems(AiObjects.read(file("broken.dcm", seg), lacking))).containsExactly(
                "The segmentation's type is not given; Calibra reads binary, fractional and label map segmentations.",
                "The segmentation describes no segments (its Segment Sequence is empty).",
                "The segmentation refers to 1 image that this case does not have (SOP Instance UID "
                        + fx.ct.images().get(1).string(Tags.SOPInstanceUID) + "); 3 of the case's 6 images matched its references."
                        + " It was probably made on another series, or its references were not de-identified together with the images.");
    }

    @Test
    void a_fractional_segmentation_that_does_not_say_what_its_values_mean_and_a_frame_without_its_segment() {
        DataSet seg = SegmentationWriter.build(fx.ct.images(), fx.segments(), SegmentationWriter.Kind.FRACTIONAL_PROBABILITY,
                AiSeries.demo("test-frac-broken", 105, "broken"));
        seg.remove(t("SegmentationFractionalType"));
        assertThat(problems(AiObjects.read(file("f.dcm", seg), fx.images))).singleElement().asString()
                .contains("does not say what its values mean");

        DataSet binary = fx.seg();
        Fixtures.editItems(binary, "PerFrameFunctionalGroupsSequence", fg -> {
            fg.remove(t("SegmentIdentificationSequence"));
            return fg;
        });
        assertThat(problems(AiObjects.read(file("b.dcm", binary), fx.images)))
                .containsExactly("Frames 1, 2, 3, 4, 5, 6 (6 of 6) of the segmentation: no segment number is given (Segment Identification).");
    }

    @Test
    void frames_placed_by_a_plane_that_holds_no_image_of_the_case() {
        DataSet seg = fx.seg();
        Fixtures.editItems(seg, "PerFrameFunctionalGroupsSequence", fg -> {
            fg.remove(t("DerivationImageSequence"));
            DataSet pos = fg.get(t("PlanePositionSequence")).items().getFirst();
            double[] p = pos.decimals(Tags.ImagePositionPatient);
            pos.putDecimals(Tags.ImagePositionPatient, p[0], p[1], p[2] - 1.2);
            return fg;
        });

        assertThat(problems(AiObjects.read(file("shifted.dcm", seg), fx.images))).allSatisfy(p -> assertThat(p)
                .startsWith("Frame").contains("of the segmentation: its plane at (")
                .contains("lies on none of the case's images (no image of the same orientation and frame of reference passes through it)"));
    }

    @Test
    void a_compressed_segmentation() {
        DataSet seg = fx.seg();
        seg.put(new org.calibra.dicom.Element(Tags.PixelData, "OB", null, null, List.of(new byte[0], new byte[] {1, 2})));
        byte[] file = org.calibra.dicom.Part10Writer.write(seg, org.calibra.dicom.TransferSyntax.RLE_LOSSLESS);

        assertThat(problems(AiObjects.read(new AiFile("rle.dcm", file), fx.images))).singleElement().asString()
                .contains("masks are compressed").contains("Export it uncompressed");
    }

    @Test
    void a_heatmap_that_is_not_eight_bit_grey_or_for_an_image_the_case_lacks() {
        var rgb = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(rgb, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(problems(AiObjects.heatmap("rgb.png", out.toByteArray(), 9, fx.images))).containsExactly(
                "The heatmap is meant for image 10, but the case has 6 images.",
                "The heatmap must be an 8-bit grey PNG (one channel, no transparency); this one has 3 channels of 8 bits.");
    }

    @Test
    void pydicoms_test_reports_are_refused_with_what_they_are() throws Exception {
        assertThat(problems(AiObjects.read(pydicom("test-SR.dcm"), fx.images))).containsExactly(
                "This structured report is a “Diagnosis” document, not an imaging measurement report (TID 1500), so it holds no"
                        + " measurement groups to take the AI's marks from.");
        for (String basic : List.of("reportsi.dcm", "reportsi_with_empty_number_tags.dcm")) {
            assertThat(problems(AiObjects.read(pydicom(basic), fx.images))).containsExactly("This is a Basic Text SR, not an AI result:"
                    + " Calibra reads AI results from DICOM segmentations (SEG), measurement reports (SR, TID 1500) and heatmaps (PNG,"
                    + " secondary capture or parametric map). A Basic Text SR cannot hold image coordinates.");
        }
        assertThat(problems(AiObjects.read(pydicom("rtstruct.dcm"), fx.images))).as("a bare data set without the file header")
                .containsExactly(NOT_DICOM);
    }

    @Test
    void an_rt_structure_set_is_named_with_what_to_export_instead() {
        DataSet rtstruct = new DataSet().putStrings(Tags.SOPClassUID, "1.2.840.10008.5.1.4.1.1.481.3").putStrings(Tags.SOPInstanceUID, "2.25.77")
                .putStrings(Tags.Modality, "RTSTRUCT");
        assertThat(problems(AiObjects.read(file("rtstruct.dcm", rtstruct), fx.images))).singleElement().asString()
                .startsWith("This is an RT structure set (contours), not an AI result").endsWith("Structure set contours are not read yet:"
                        + " export the AI result as a segmentation (SEG) or a measurement report (SR).");
    }

    private static AiFile pydicom(String name) throws java.io.IOException {
        var path = ReferenceFiles.pydicom(name);
        return new AiFile(name, Files.readAllBytes(path));
    }
}
