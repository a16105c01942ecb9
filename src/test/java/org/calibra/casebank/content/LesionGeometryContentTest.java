package org.calibra.casebank.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.calibra.shared.JsonText;
import org.calibra.shared.content.ContentException;
import org.calibra.shared.content.ContentProblem;
import org.calibra.shared.geometry.SliceShape;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lesion geometry in case.yaml (ADR 0020): ellipses, boxes, contours and slice contours, and codes — read from real
 * case folders copied with their truth redrawn, and every way of getting them wrong, each reported on its field in words.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LesionGeometryContentTest {

    private static final Path CASES = Path.of("cases");
    /** One 64 × 64 MR image; its lesion is the circle below. */
    private static final String MR = "mr-iac-schwannoma-detected";
    private static final String CIRCLE = "      x: 41.5\n      y: 38.5\n      radiusPx: 4.5\n";
    /** 15 frames of 10 × 10 pixels; normal, so the tests give it a lesion. */
    private static final String RTDOSE = "rtdose-multiframe-not-diagnostic";
    private static final String RTDOSE_NORMAL = "truth:\n  diagnosis: normal\n  findings: []\n";
    private static final String RTDOSE_LESION = "truth:\n  diagnosis: focal-abnormality\n  findings:\n    - id: L1\n      label: focal-hot-spot\n"
            + "      imageIndex: 7\n";

    @TempDir
    Path tmp;

    // ---- what reads ------------------------------------------------------------------------------------------------

    @Test
    void every_existing_case_still_reads_as_circles_with_the_centre_and_radius_it_gives() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                for (var f : CaseBundleReader.read(dir, "cases").manifest().truth().findings()) {
                    assertThat(f.geometry()).isEqualTo("circle");
                    assertThat(f.centreX()).isEqualTo(f.x());
                    assertThat(f.centreY()).isEqualTo(f.y());
                    assertThat(f.equivalentRadiusPx()).isEqualTo(f.radiusPx());
                    assertThat(f.code()).isNull();
                }
            }
        }
    }

    @Test
    void an_ellipse_reads_with_its_centre_and_the_radius_of_equal_area() throws IOException {
        var f = readMr("      ellipse: {x: 41.5, y: 38.5, rx: 6, ry: 3, rotationDeg: 30}\n");
        assertThat(f.geometry()).isEqualTo("ellipse");
        assertThat(f.x()).isNull();
        assertThat(f.centreX()).isEqualTo(41.5);
        assertThat(f.centreY()).isEqualTo(38.5);
        assertThat(f.equivalentRadiusPx()).isCloseTo(Math.sqrt(18), within(1e-12));
        assertThat(f.outline()).singleElement().satisfies(s -> {
            assertThat(s.imageIndex()).isZero();
            assertThat(s.shape()).isEqualTo(new org.calibra.shared.geometry.Ellipse(41.5, 38.5, 6, 3, 30));
        });
    }

    @Test
    void a_box_reads_with_its_centre() throws IOException {
        var f = readMr("      box: {x0: 38, y0: 35, x1: 46, y1: 41}\n");
        assertThat(f.geometry()).isEqualTo("box");
        assertThat(f.centreX()).isEqualTo(42);
        assertThat(f.centreY()).isEqualTo(38);
        assertThat(f.equivalentRadiusPx()).isCloseTo(Math.sqrt(48 / Math.PI), within(1e-12));
    }

    @Test
    void a_contour_reads_as_x_y_pairs_and_a_repeated_first_point_closes_it() throws IOException {
        var f = readMr("      contour: [[38, 35], [46, 35], [46, 41], [38, 41], [38, 35]]\n");
        assertThat(f.geometry()).isEqualTo("contour");
        assertThat(f.contour()).hasSize(5).first().isEqualTo(new CaseManifest.Point(38, 35));
        assertThat(f.outline()).singleElement().satisfies(s -> assertThat(((org.calibra.shared.geometry.Contour) s.shape()).points()).hasSize(4));
        assertThat(f.centreX()).isEqualTo(42);
        assertThat(f.centreY()).isEqualTo(38);
    }

    @Test
    void contours_on_several_slices_and_a_code_read() throws IOException {
        Path dir = copyCase(RTDOSE);
        edit(dir, RTDOSE_NORMAL, RTDOSE_LESION + "      imageRange: [5, 9]\n      contour: [[2, 2], [8, 2], [5, 8]]\n"
                + "      sliceContours:\n        - imageIndex: 5\n          points: [[4, 4], [6, 4], [5, 6]]\n"
                + "        - imageIndex: 9\n          points: [[3, 3], [7, 3], [5, 7]]\n"
                + "      code: {scheme: RADLEX, value: RID3874, meaning: \"focal hot spot\"}\n");
        var f = CaseBundleReader.read(dir, "cases").manifest().truth().findings().getFirst();
        assertThat(f.outline()).extracting(SliceShape::imageIndex).containsExactly(7, 5, 9);
        assertThat(f.code()).isEqualTo(new CaseManifest.Code("RADLEX", "RID3874", "focal hot spot"));
    }

    @Test
    void a_manifest_written_as_json_keeps_contours_as_pairs_and_leaves_out_what_is_absent() {
        var finding = new CaseManifest.TruthFinding("L1", "nodule", 3, null, null, null, null, List.of(2, 4), null, null,
                List.of(new CaseManifest.Point(1, 2), new CaseManifest.Point(5, 2), new CaseManifest.Point(3, 6.5)),
                List.of(new CaseManifest.SliceContour(4, List.of(new CaseManifest.Point(1, 1), new CaseManifest.Point(4, 1), new CaseManifest.Point(2, 3)))),
                new CaseManifest.Code("SCT", "786838002", "Pulmonary nodule"));
        String json = JsonText.write(finding);
        assertThat(json).contains("\"contour\":[[1.0,2.0],[5.0,2.0],[3.0,6.5]]").doesNotContain("\"x\"").doesNotContain("radiusPx")
                .doesNotContain("ellipse").doesNotContain("null");
        assertThat(JsonText.read(json, CaseManifest.TruthFinding.class)).isEqualTo(finding);
        var circle = new CaseManifest.TruthFinding("L1", "nodule", 0, 10, 20, 3, null, null);
        assertThat(JsonText.write(circle)).isEqualTo("{\"id\":\"L1\",\"label\":\"nodule\",\"imageIndex\":0,\"x\":10.0,\"y\":20.0,\"radiusPx\":3.0}");
    }

    // ---- shapes that cannot be used ---------------------------------------------------------------------------------

    @Test
    void an_ellipse_of_non_positive_size_is_reported_on_each_semi_axis() throws IOException {
        assertThat(mrProblems("      ellipse: {x: 41.5, y: 38.5, rx: 0, ry: -2}\n")).containsExactly(
                tuple("truth.findings[0].ellipse.rx", "must be > 0 (a semi-axis in pixels), is 0.0"),
                tuple("truth.findings[0].ellipse.ry", "must be > 0 (a semi-axis in pixels), is -2.0"));
    }

    @Test
    void an_ellipse_reaching_outside_the_image_is_reported_with_its_extent() throws IOException {
        assertThat(mrProblems("      ellipse: {x: 60, y: 38.5, rx: 10, ry: 3}\n")).containsExactly(
                tuple("truth.findings[0].ellipse", "the ellipse reaches x 50 to 70, y 35.5 to 41.5: it must lie inside image 0 (x 0 to 64 columns, y 0 to 64 rows)"));
    }

    @Test
    void a_box_of_non_positive_size_is_reported_on_the_far_corner() throws IOException {
        assertThat(mrProblems("      box: {x0: 46, y0: 35, x1: 38, y1: 35}\n")).containsExactly(
                tuple("truth.findings[0].box.x1", "must be greater than x0 (46.0): the box's width x1 - x0 is -8.0 and must be positive;"
                        + " (x0, y0) is the top-left corner, (x1, y1) the bottom-right"),
                tuple("truth.findings[0].box.y1", "must be greater than y0 (35.0): the box's height y1 - y0 is 0.0 and must be positive;"
                        + " (x0, y0) is the top-left corner, (x1, y1) the bottom-right"));
    }

    @Test
    void a_box_outside_the_image_is_reported() throws IOException {
        assertThat(mrProblems("      box: {x0: -1, y0: 35, x1: 46, y1: 70}\n")).containsExactly(
                tuple("truth.findings[0].box", "the box reaches x -1 to 46, y 35 to 70: it must lie inside image 0 (x 0 to 64 columns, y 0 to 64 rows)"));
    }

    @Test
    void a_contour_with_fewer_than_three_points_is_reported() throws IOException {
        assertThat(mrProblems("      contour: [[38, 35], [46, 35]]\n")).containsExactly(
                tuple("truth.findings[0].contour", "has 2 point(s); a contour needs at least 3 points [x, y]"));
        assertThat(mrProblems("      contour: [[38, 35], [46, 35], [38, 35]]\n")).containsExactly(
                tuple("truth.findings[0].contour", "has 2 point(s); a contour needs at least 3 points [x, y] (the repeated first point at the end does not count)"));
    }

    @Test
    void a_contour_that_crosses_itself_is_reported_with_the_crossing_edges_and_where_they_meet() throws IOException {
        assertThat(mrProblems("      contour: [[30, 30], [40, 40], [40, 30], [30, 40]]\n")).containsExactly(
                tuple("truth.findings[0].contour", "crosses itself: its edge from [0] (30, 30) to [1] (40, 40) meets its edge from [2] (40, 30)"
                        + " to [3] (30, 40) at about (35, 35); a contour must be a simple closed outline, its points in order around the lesion"));
    }

    @Test
    void a_contour_that_runs_back_along_itself_is_reported() throws IOException {
        assertThat(mrProblems("      contour: [[30, 30], [40, 30], [35, 30], [35, 40]]\n")).singleElement()
                .satisfies(p -> assertThat(p.toList().get(1).toString()).startsWith("crosses itself: its edge from [0] (30, 30) to [1] (40, 30) meets its edge from [1]"));
    }

    @Test
    void a_contour_point_outside_the_image_is_reported_on_that_point_with_a_count_of_the_others() throws IOException {
        assertThat(mrProblems("      contour: [[38, 35], [66, 35], [70, 41], [38, 41]]\n")).containsExactly(
                tuple("truth.findings[0].contour[1]", "(66, 35) is outside image 0 (x 0 to 64 columns, y 0 to 64 rows), and so are 1 more point(s) of this contour"));
    }

    @Test
    void a_point_given_twice_in_a_row_is_reported() throws IOException {
        assertThat(mrProblems("      contour: [[38, 35], [46, 35], [46, 35], [38, 41]]\n")).containsExactly(
                tuple("truth.findings[0].contour[2]", "repeats the point before it, (46, 35); remove the repeat"));
    }

    // ---- which geometry ----------------------------------------------------------------------------------------------

    @Test
    void a_circle_and_an_ellipse_together_are_reported() throws IOException {
        assertThat(mrProblems(CIRCLE + "      ellipse: {x: 41.5, y: 38.5, rx: 6, ry: 3}\n")).containsExactly(
                tuple("truth.findings[0]", "gives a circle (x, y, radiusPx) and ellipse; give exactly one geometry: x, y and radiusPx (a circle),"
                        + " ellipse, box or contour"));
    }

    @Test
    void a_radius_left_over_beside_a_box_is_reported() throws IOException {
        assertThat(mrProblems("      radiusPx: 4.5\n      box: {x0: 38, y0: 35, x1: 46, y1: 41}\n")).containsExactly(
                tuple("truth.findings[0]", "gives a circle (x, y, radiusPx) and box; give exactly one geometry: x, y and radiusPx (a circle),"
                        + " ellipse, box or contour"),
                tuple("truth.findings[0]", "x, y and radiusPx describe a circle and go together; remove them: the lesion's centre comes from its box"));
    }

    @Test
    void a_circle_missing_its_radius_is_still_a_schema_error_as_before() throws IOException {
        assertThat(mrProblems("      x: 41.5\n      y: 38.5\n")).containsExactly(
                tuple("truth.findings[0].radiusPx", "required property 'radiusPx' not found"));
    }

    @Test
    void a_contour_point_that_is_not_a_pair_is_a_schema_error() throws IOException {
        assertThat(mrProblems("      contour: [[38, 35], [46, 35, 1], [38, 41]]\n")).extracting(t -> t.toList().get(0))
                .containsExactly("truth.findings[0].contour[1]");
    }

    @Test
    void slice_contours_without_a_contour_are_reported() throws IOException {
        Path dir = copyCase(RTDOSE);
        edit(dir, RTDOSE_NORMAL, RTDOSE_LESION + "      imageRange: [5, 9]\n      box: {x0: 2, y0: 2, x1: 8, y1: 8}\n"
                + "      sliceContours:\n        - imageIndex: 5\n          points: [[4, 4], [6, 4], [5, 6]]\n");
        assertThat(problems(dir)).extracting(ContentProblem::field, ContentProblem::message).containsExactly(
                tuple("truth.findings[0].sliceContours", "needs contour, the lesion's outline on imageIndex 7: sliceContours only add outlines on other images of imageRange"));
    }

    @Test
    void slice_contours_outside_the_range_on_the_centre_image_or_twice_on_one_image_are_reported() throws IOException {
        Path dir = copyCase(RTDOSE);
        String triangle = "          points: [[4, 4], [6, 4], [5, 6]]\n";
        edit(dir, RTDOSE_NORMAL, RTDOSE_LESION + "      imageRange: [5, 9]\n      contour: [[2, 2], [8, 2], [5, 8]]\n      sliceContours:\n"
                + "        - imageIndex: 10\n" + triangle + "        - imageIndex: 7\n" + triangle
                + "        - imageIndex: 6\n" + triangle + "        - imageIndex: 6\n" + triangle);
        assertThat(problems(dir)).extracting(ContentProblem::field, ContentProblem::message).containsExactly(
                tuple("truth.findings[0].sliceContours[0].imageIndex", "10 is outside the lesion's images 5 to 9 (imageRange [5, 9])"),
                tuple("truth.findings[0].sliceContours[1].imageIndex", "7 is the finding's imageIndex, whose outline is contour; give other images of imageRange here"),
                tuple("truth.findings[0].sliceContours[3].imageIndex", "image 6 already has a contour (sliceContours[2]); give each image at most once"));
    }

    @Test
    void a_slice_contour_without_an_image_range_is_outside_the_default_range() throws IOException {
        Path dir = copyCase(RTDOSE);
        edit(dir, RTDOSE_NORMAL, RTDOSE_LESION + "      contour: [[2, 2], [8, 2], [5, 8]]\n      sliceContours:\n"
                + "        - imageIndex: 8\n          points: [[4, 4], [6, 4], [5, 11]]\n");
        assertThat(problems(dir)).extracting(ContentProblem::field, ContentProblem::message).containsExactly(
                tuple("truth.findings[0].sliceContours[0].imageIndex", "8 is outside the lesion's images 7 to 7 (imageRange, which defaults to [imageIndex, imageIndex])"),
                tuple("truth.findings[0].sliceContours[0].points[2]", "(5, 11) is outside image 8 (x 0 to 10 columns, y 0 to 10 rows)"));
    }

    @Test
    void an_image_range_past_the_stack_is_reported_for_a_drawn_lesion_too() throws IOException {
        Path dir = copyCase(RTDOSE);
        edit(dir, RTDOSE_NORMAL, RTDOSE_LESION + "      imageRange: [7, 15]\n      contour: [[2, 2], [8, 2], [5, 8]]\n");
        assertThat(problems(dir)).extracting(ContentProblem::field, ContentProblem::message).containsExactly(
                tuple("truth.findings[0].imageRange", "last image 15 is out of range: the stack has 15 image(s), numbered from 0"));
    }

    // ---- codes -------------------------------------------------------------------------------------------------------

    @Test
    void a_code_without_a_scheme_is_reported() throws IOException {
        assertThat(mrProblems(CIRCLE + "      code: {value: RID3874, meaning: \"filling defect\"}\n")).containsExactly(
                tuple("truth.findings[0].code.scheme", "is missing: give the coding scheme designator, e.g. RADLEX (RadLex), RADELEMENT (RadElement) or SCT (SNOMED CT)"));
    }

    @Test
    void a_code_with_a_malformed_scheme_a_wrong_radlex_id_or_no_meaning_is_reported() throws IOException {
        assertThat(mrProblems(CIRCLE + "      code: {scheme: RadLex, value: RID3874, meaning: \"x\"}\n")).containsExactly(
                tuple("truth.findings[0].code.scheme", "'RadLex' is not a coding scheme designator: 1 to 16 capital letters, digits, '_', '.' or '-' (as in DICOM), e.g. RADLEX"));
        assertThat(mrProblems(CIRCLE + "      code: {scheme: RADLEX, value: \"3874\", meaning: \" \"}\n")).containsExactly(
                tuple("truth.findings[0].code.value", "'3874' is not a RadLex id: RID followed by digits, e.g. RID5014"),
                tuple("truth.findings[0].code.meaning", "is missing: give the concept's name in words, e.g. 'pulmonary nodule'"));
        assertThat(mrProblems(CIRCLE + "      code: {scheme: RADELEMENT, value: RID1, meaning: \"vestibular mass measurement\"}\n")).containsExactly(
                tuple("truth.findings[0].code.value", "'RID1' is not a RadElement id: RDE (an element) or RDES (a set) followed by digits,"
                        + " a value with a dot, e.g. RDE1301 or RDE1301.1"));
    }

    @Test
    void a_code_of_another_scheme_is_taken_as_given() throws IOException {
        var f = readMr(CIRCLE + "      code: {scheme: SCT, value: \"126933008\", meaning: \"Neoplasm of vestibulocochlear nerve\"}\n");
        assertThat(f.code().scheme()).isEqualTo("SCT");
    }

    // ---- all at once -------------------------------------------------------------------------------------------------

    @Test
    void every_problem_of_every_finding_is_reported_at_once() throws IOException {
        Path dir = copyCase(MR);
        edit(dir, CIRCLE, "      ellipse: {x: 41.5, y: 38.5, rx: 0, ry: 3}\n      code: {value: RID3874, meaning: \"defect\"}\n"
                + "    - id: L2\n      label: cpa-mass\n      imageIndex: 0\n      contour: [[30, 30], [40, 40], [40, 30], [30, 40], [99, 1]]\n"
                + "    - id: L3\n      label: vascular-loop\n      imageIndex: 0\n      box: {x0: 10, y0: 10, x1: 5, y1: 20}\n");
        assertThat(problems(dir)).extracting(ContentProblem::field).containsExactly(
                "truth.findings[0].ellipse.rx", "truth.findings[0].code.scheme",
                "truth.findings[1].contour[4]", "truth.findings[1].contour",
                "truth.findings[2].box.x1");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    private CaseManifest.TruthFinding readMr(String geometry) throws IOException {
        Path dir = copyCase(MR);
        edit(dir, CIRCLE, geometry);
        return CaseBundleReader.read(dir, "cases").manifest().truth().findings().getFirst();
    }

    private List<org.assertj.core.groups.Tuple> mrProblems(String geometry) throws IOException {
        Path dir = tmp.resolve("run-" + System.nanoTime());
        Path copy = copyCase(MR, dir);
        edit(copy, CIRCLE, geometry);
        return problems(copy).stream().map(p -> tuple(p.field(), p.message())).toList();
    }

    private Path copyCase(String id) throws IOException {
        return copyCase(id, tmp);
    }

    private static Path copyCase(String id, Path parent) throws IOException {
        Path target = parent.resolve(id);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(CASES.resolve(id))) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    private static void edit(Path dir, String from, String to) throws IOException {
        Path yaml = dir.resolve(CaseBundleReader.MANIFEST);
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        assertThat(text).as("case.yaml of %s", dir.getFileName()).contains(from);
        Files.writeString(yaml, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static List<ContentProblem> problems(Path dir) {
        ContentException e = catchThrowableOfType(ContentException.class, () -> CaseBundleReader.read(dir, "cases"));
        assertThat(e).as("reading %s should fail", dir.getFileName()).isNotNull();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).endsWith("/case.yaml"));
        return e.problems();
    }
}
