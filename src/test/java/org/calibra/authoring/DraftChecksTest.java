package org.calibra.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.calibra.casebank.content.CaseBundleReader;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.content.CaseManifest.TruthFinding;
import org.calibra.casebank.content.CaseManifests;
import org.junit.jupiter.api.Test;

/**
 * What a draft's checks say about lesions drawn in the browser (never trusted): every geometry problem at once, each
 * naming the lesion in words and what is expected. The draft's checks run the loader's ({@link DraftChecks}); here on
 * the one-image, 64 × 64 MR case, without the file store.
 */
class DraftChecksTest {

    private static final String DISPLAY = "draft of t";

    private static CaseManifest base() throws Exception {
        return CaseManifests.read("t", Files.readAllBytes(Path.of("cases/mr-iac-schwannoma-detected/case.yaml"))).manifest();
    }

    private static List<String> problems(CaseManifest m) throws Exception {
        var checked = CaseBundleReader.check(DISPLAY, CaseManifests.write(m),
                Map.of("MR_small.dcm", Files.readAllBytes(Path.of("cases/mr-iac-schwannoma-detected/MR_small.dcm"))));
        return checked.problems().stream().map(p -> DraftChecks.inWords(p, DISPLAY, m).toString()).toList();
    }

    private static CaseManifest withLesions(CaseManifest m, TruthFinding... findings) {
        return ManifestEdit.with(m, "truth.findings", List.of(findings));
    }

    private static TruthFinding ellipse(String id, String label, int image, double x, double rx, List<Integer> range) {
        return new TruthFinding(id, label, image, null, null, null, null, range, new CaseManifest.Ellipse(x, 30, rx, 5, null), null, null, null, null);
    }

    private static List<CaseManifest.Point> points(double... xy) {
        List<CaseManifest.Point> out = new java.util.ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            out.add(new CaseManifest.Point(xy[i], xy[i + 1]));
        }
        return out;
    }

    @Test
    void a_lesion_drawn_well_passes() throws Exception {
        assertThat(problems(withLesions(base(), ellipse("L1", "cpa-mass", 0, 30, 5, null)))).isEmpty();
    }

    @Test
    void every_broken_lesion_is_named_in_words_at_once() throws Exception {
        var bowtie = new TruthFinding("L3", "cpa-mass", 0, null, null, null, 0.2, null, null, null, points(10, 10, 20, 20, 20, 10, 10, 20), null, null);
        var twoPoints = new TruthFinding("L4", "cpa-mass", 0, null, null, null, 0.2, null, null, null, points(10, 10, 20, 20), null, null);
        var contourOutsideSpan = new TruthFinding("L5", "cpa-mass", 0, null, null, null, 0.2, null, null, null, points(10, 10, 20, 10, 15, 20),
                List.of(new CaseManifest.SliceContour(3, points(10, 10, 20, 10, 15, 20))), null);
        var m = withLesions(base(),
                weighted(ellipse("L1", "no-such-label", 0, 60, 10, null), 0.2), // reaches past x 64, unknown label
                weighted(ellipse("L1", "cpa-mass", 0, 30, 5, List.of(0, 4)), 0.1), // id taken; span past the one image
                bowtie, twoPoints, contourOutsideSpan,
                new TruthFinding("L6", "cpa-mass", 0, null, null, null, 0.2, null, null, new CaseManifest.Box(20, 20, 10, 30), null, null, null));

        var found = problems(m);

        assertThat(found)
                .anySatisfy(p -> assertThat(p).startsWith("Lesion 1 (L1): ellipse: the ellipse reaches x 50 to 70").contains("inside image 0"))
                .anySatisfy(p -> assertThat(p).startsWith("Lesion 1 (L1): label: 'no-such-label' is not one of labels"))
                .anySatisfy(p -> assertThat(p).startsWith("Lesion 2 (L1): id: 'L1' is used twice"))
                .anySatisfy(p -> assertThat(p).startsWith("Lesion 2 (L1): image range: last image 4 is out of range: the stack has 1 image"))
                .anySatisfy(p -> assertThat(p).startsWith("Lesion 3 (L3): contour: crosses itself"))
                .anySatisfy(p -> assertThat(p).startsWith("Lesion 4 (L4): contour: has 2 point(s); a contour needs at least 3 points"))
                .anySatisfy(p -> assertThat(p).startsWith("Lesion 5 (L5): contours on other images item 1: image number: 3 is outside the lesion's images 0 to 0"))
                .anySatisfy(p -> assertThat(p).startsWith("Lesion 6 (L6): box: x1: must be greater than x0"))
                .anySatisfy(p -> assertThat(p).isEqualTo("Lesions: weights must sum to 1 per case, they sum to 1.1"));
    }

    @Test
    void a_normal_case_has_no_lesions_and_an_abnormal_one_at_least_one_with_a_diagnosis_of_its_own_list() throws Exception {
        var normalWithLesion = ManifestEdit.with(base(), "truth.diagnosis", "normal");
        assertThat(problems(normalWithLesion)).anySatisfy(p -> assertThat(p).startsWith("Lesions: must be empty for a normal case"));

        var abnormalWithout = withLesions(base());
        assertThat(problems(abnormalWithout)).anySatisfy(p -> assertThat(p).startsWith("Lesions: must list at least one finding"));

        var unknown = ManifestEdit.with(base(), "truth.diagnosis", "glioma");
        assertThat(problems(unknown)).anySatisfy(p -> assertThat(p).startsWith("True diagnosis: 'glioma' is not one of diagnoses"));
    }

    @Test
    void a_lesion_on_an_image_past_the_stack_and_one_weighted_alone_are_named() throws Exception {
        var m = withLesions(base(), weighted(ellipse("L1", "cpa-mass", 2, 30, 5, null), 1.0), ellipse("L2", "cpa-mass", 0, 30, 5, null));

        assertThat(problems(m))
                .anySatisfy(p -> assertThat(p).startsWith("Lesion 1 (L1): image number: 2 is out of range: the stack has 1 image(s)"))
                .anySatisfy(p -> assertThat(p).startsWith("Lesions: give a weight to every finding or to none (1 of 2 have one)"));
    }

    private static TruthFinding weighted(TruthFinding f, double w) {
        return new TruthFinding(f.id(), f.label(), f.imageIndex(), f.x(), f.y(), f.radiusPx(), w, f.imageRange(), f.ellipse(), f.box(),
                f.contour(), f.sliceContours(), f.code());
    }
}
