package org.calibra.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.content.CaseManifest.TruthFinding;
import org.calibra.viewer.ViewerPoint;
import org.calibra.viewer.ViewerShape;
import org.junit.jupiter.api.Test;

/** A shape drawn in the viewer becomes the manifest's lesion, and a lesion drawn again is itself (ManifestShapes' inverse). */
class DrawnLesionsTest {

    private static final CaseManifest.Code CODE = new CaseManifest.Code("RADLEX", "RID5014", "pulmonary nodule");

    private static CaseManifest manifest(List<TruthFinding> findings) {
        return new CaseManifest(1, "c", "t", "CT", "chest", 2, List.of(), "h", null, List.of(), List.of("nodule"),
                List.of("normal", "cancer"), new CaseManifest.Truth("cancer", findings), null, null, List.of());
    }

    private static TruthFinding roundTrip(TruthFinding f) {
        var shape = ManifestShapes.truth(manifest(List.of(f))).getFirst();
        return DrawnLesions.finding(shape, f.id(), f);
    }

    @Test
    void each_kind_of_lesion_comes_back_as_it_was_drawn() {
        var circle = new TruthFinding("L1", "nodule", 2, 40.5, 30.25, 7.0, 0.5, List.of(1, 3));
        var ellipse = new TruthFinding("L2", "nodule", 0, null, null, null, 0.25, null, new CaseManifest.Ellipse(50, 60, 10, 5, null),
                null, null, null, CODE);
        var box = new TruthFinding("L3", "nodule", 1, null, null, null, 0.25, null, null, new CaseManifest.Box(10, 20, 30, 50), null, null, null);
        var contour = new TruthFinding("L4", "nodule", 1, null, null, null, null, List.of(0, 2), null, null,
                List.of(new CaseManifest.Point(10, 10), new CaseManifest.Point(20, 10), new CaseManifest.Point(15, 20)),
                List.of(new CaseManifest.SliceContour(2, List.of(new CaseManifest.Point(11, 11), new CaseManifest.Point(19, 11),
                        new CaseManifest.Point(15, 18)))), null);

        for (var f : List.of(circle, ellipse, box, contour)) {
            assertThat(roundTrip(f)).as(f.id()).isEqualTo(f);
        }
    }

    @Test
    void a_new_shape_takes_the_label_the_viewer_gave_and_has_no_weight_or_code_yet() {
        var drawn = ViewerShape.ellipse("truth-1", "nodule", 3, 64.123, 40, 20, 10).withImages(2, 4);

        var f = DrawnLesions.finding(drawn, "L1", null);

        assertThat(f.geometry()).isEqualTo(TruthFinding.ELLIPSE);
        assertThat(f.ellipse()).isEqualTo(new CaseManifest.Ellipse(64.12, 40, 10, 5, null));
        assertThat(f.imageRange()).containsExactly(2, 4);
        assertThat(f.imageIndex()).isEqualTo(3);
        assertThat(f.label()).isEqualTo("nodule");
        assertThat(f.weight()).isNull();
        assertThat(f.code()).isNull();
    }

    @Test
    void a_changed_shape_keeps_the_weight_code_and_label_the_list_gave_it() {
        var before = new TruthFinding("L1", "nodule", 0, 10.0, 10.0, 5.0, 0.4, null, null, null, null, null, CODE);
        var moved = ViewerShape.polygon("L1", "", 0, List.of(new ViewerPoint(1, 1), new ViewerPoint(9, 1), new ViewerPoint(5, 8)));

        var f = DrawnLesions.finding(moved, "L1", before);

        assertThat(f.geometry()).isEqualTo(TruthFinding.CONTOUR);
        assertThat(f.x()).as("the circle is replaced, not kept beside the contour").isNull();
        assertThat(f.label()).isEqualTo("nodule");
        assertThat(f.weight()).isEqualTo(0.4);
        assertThat(f.code()).isEqualTo(CODE);
    }

    @Test
    void the_list_sets_the_span_and_the_key_image_stays_inside_it() {
        var f = new TruthFinding("L1", "nodule", 5, 10.0, 10.0, 5.0, null, null);

        var spanned = DrawnLesions.with(f, "nodule", 1.0, 2, 3, null);
        assertThat(spanned.imageRange()).containsExactly(2, 3);
        assertThat(spanned.imageIndex()).isEqualTo(3);
        assertThat(DrawnLesions.with(f, "nodule", null, 5, 5, null).imageRange()).isNull();
    }

    @Test
    void ids_are_the_first_free_and_weights_spread_to_exactly_one() {
        assertThat(DrawnLesions.nextId(List.of("L1", "L3"))).isEqualTo("L2");
        assertThat(DrawnLesions.evenWeights(3)).containsExactly(0.3333, 0.3333, 0.3334);
        assertThat(DrawnLesions.evenWeights(3).stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(DrawnLesions.evenWeights(1)).containsExactly(1.0);
    }

    @Test
    void the_kind_is_said_in_words() {
        assertThat(DrawnLesions.kind(new TruthFinding("L1", "n", 0, 1.0, 1.0, 1.0, null, null))).isEqualTo("circle");
        assertThat(DrawnLesions.kind(new TruthFinding("L1", "n", 0, null, null, null, null, null, null, null, null, null, null)))
                .isEqualTo("no shape yet");
    }
}
