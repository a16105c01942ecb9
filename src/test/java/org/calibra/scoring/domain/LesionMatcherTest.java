package org.calibra.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.IntFunction;
import org.calibra.scoring.domain.MarkOutcome.Duplicate;
import org.calibra.scoring.domain.MarkOutcome.FalsePositive;
import org.calibra.scoring.domain.MarkOutcome.Hit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LesionMatcherTest {

    private static final IntFunction<Optional<PixelSpacing>> NO_SPACING = image -> Optional.empty();
    private static final AcceptanceRule RULE = AcceptanceRule.DEFAULT; // 5 mm floor

    private static IntFunction<Optional<PixelSpacing>> spacing(PixelSpacing s) {
        return image -> Optional.of(s);
    }

    private static MatchResult match(List<Lesion> lesions, List<Mark> marks, IntFunction<Optional<PixelSpacing>> spacing) {
        return LesionMatcher.match(lesions, marks, spacing, RULE);
    }

    @Test
    void a_mark_on_any_slice_a_lesion_spans_is_a_hit_and_one_outside_the_span_is_not() {
        Lesion nodule = new Lesion("L1", 20, 100, 100, 8, "nodule", 1.0, 18, 22);
        var onEdgeSlice = match(List.of(nodule), List.of(Mark.of("M1", 18, 103, 100, 3)), NO_SPACING);
        var pastTheSpan = match(List.of(nodule), List.of(Mark.of("M1", 23, 100, 100, 3)), NO_SPACING);

        assertThat(onEdgeSlice.markOutcomes()).containsExactly(new Hit("M1", "L1"));
        assertThat(pastTheSpan.markOutcomes()).containsExactly(new FalsePositive("M1"));
    }

    @Test
    void two_marks_on_different_slices_of_one_lesion_are_a_hit_and_a_duplicate() {
        Lesion nodule = new Lesion("L1", 20, 100, 100, 8, "nodule", 1.0, 18, 22);
        var result = match(List.of(nodule), List.of(Mark.of("M1", 19, 100, 100, 2), Mark.of("M2", 21, 101, 100, 5)), NO_SPACING);

        assertThat(result.markOutcomes()).containsExactlyInAnyOrder(new Hit("M2", "L1"), new Duplicate("M1", "L1"));
    }

    @Test
    void a_lesion_span_that_does_not_contain_its_centre_image_is_rejected() {
        assertThatThrownBy(() -> new Lesion("L1", 20, 100, 100, 8, null, 1.0, 21, 25))
                .hasMessageContaining("images 21..25 must contain its centre image 20");
    }

    @Test
    void a_mark_inside_the_lesion_radius_is_a_hit() {
        var result = match(List.of(Lesion.of("L1", 0, 100, 100, 10)), List.of(Mark.of("M1", 0, 104, 103, 4)), NO_SPACING);

        assertThat(result.markOutcomes()).containsExactly(new Hit("M1", "L1"));
        assertThat(result.lesionOutcome("L1")).contains(LesionOutcome.detected("L1", "M1", 4));
        assertThat(result.detectedCount()).isEqualTo(1);
        assertThat(result.nonLesionLocalisationCount()).isZero();
    }

    @Test
    void a_mark_exactly_on_the_acceptance_boundary_is_a_hit() {
        // 6-8-10 triangle: the distance is exactly the 10 px radius.
        var result = match(List.of(Lesion.of("L1", 0, 100, 100, 10)), List.of(Mark.of("M1", 0, 106, 108, 3)), NO_SPACING);

        assertThat(result.markOutcome("M1")).contains(new Hit("M1", "L1"));
    }

    @Test
    void a_mark_outside_the_radius_is_a_false_positive_and_the_lesion_is_missed() {
        var result = match(List.of(Lesion.of("L1", 0, 100, 100, 10)), List.of(Mark.of("M1", 0, 107, 108, 5)), NO_SPACING);

        assertThat(result.markOutcomes()).containsExactly(new FalsePositive("M1"));
        assertThat(result.lesionOutcome("L1")).contains(LesionOutcome.missed("L1"));
        assertThat(result.lesionOutcome("L1").orElseThrow().rating()).isEqualTo(OptionalInt.empty());
        assertThat(result.detectedCount()).isZero();
        assertThat(result.nonLesionLocalisationCount()).isEqualTo(1);
    }

    @Test
    void the_minimum_radius_in_mm_applies_only_when_the_pixel_spacing_is_known() {
        // Lesion radius 4 px = 2 mm at 0.5 mm/px; the 5 mm floor widens acceptance to 10 px.
        var lesions = List.of(Lesion.of("L1", 0, 100, 100, 4));
        var marks = List.of(Mark.of("M1", 0, 108, 100, 3)); // 8 px = 4 mm away

        assertThat(match(lesions, marks, spacing(PixelSpacing.isotropic(0.5))).markOutcome("M1"))
                .contains(new Hit("M1", "L1"));
        assertThat(match(lesions, marks, NO_SPACING).markOutcome("M1"))
                .contains(new FalsePositive("M1"));
    }

    @Test
    void a_lesion_larger_than_the_minimum_radius_keeps_its_own_radius_in_mm() {
        // 10 px at 1 mm/px = 10 mm, larger than the 5 mm floor.
        var lesions = List.of(Lesion.of("L1", 0, 100, 100, 10));
        var marks = List.of(Mark.of("near", 0, 109, 100, 3), Mark.of("far", 0, 100, 111, 3));

        var result = match(lesions, marks, spacing(PixelSpacing.isotropic(1.0)));

        assertThat(result.markOutcome("near")).contains(new Hit("near", "L1"));
        assertThat(result.markOutcome("far")).contains(new FalsePositive("far"));
    }

    @Test
    void anisotropic_spacing_scales_columns_and_rows_separately() {
        // Rows 1 mm apart, columns 0.25 mm apart: 20 px along x is 5 mm, 20 px along y is 20 mm.
        // Lesion radius 2 px = 2 * sqrt(1 * 0.25) = 1 mm, so the 5 mm floor applies.
        var anisotropic = spacing(new PixelSpacing(1.0, 0.25));
        var lesions = List.of(Lesion.of("L1", 0, 100, 100, 2));

        assertThat(match(lesions, List.of(Mark.of("M1", 0, 120, 100, 3)), anisotropic).markOutcome("M1"))
                .contains(new Hit("M1", "L1"));
        assertThat(match(lesions, List.of(Mark.of("M1", 0, 121, 100, 3)), anisotropic).markOutcome("M1"))
                .contains(new FalsePositive("M1"));
        assertThat(match(lesions, List.of(Mark.of("M1", 0, 100, 105, 3)), anisotropic).markOutcome("M1"))
                .contains(new Hit("M1", "L1"));
        assertThat(match(lesions, List.of(Mark.of("M1", 0, 100, 106, 3)), anisotropic).markOutcome("M1"))
                .contains(new FalsePositive("M1"));
    }

    @Test
    void each_image_uses_its_own_pixel_spacing() {
        IntFunction<Optional<PixelSpacing>> onlyImageZeroCalibrated =
                image -> image == 0 ? Optional.of(PixelSpacing.isotropic(0.5)) : Optional.empty();
        var lesions = List.of(Lesion.of("L0", 0, 100, 100, 4), Lesion.of("L1", 1, 100, 100, 4));
        var marks = List.of(Mark.of("M0", 0, 108, 100, 3), Mark.of("M1", 1, 108, 100, 3));

        var result = LesionMatcher.match(lesions, marks, onlyImageZeroCalibrated, RULE);

        assertThat(result.markOutcome("M0")).contains(new Hit("M0", "L0"));
        assertThat(result.markOutcome("M1")).contains(new FalsePositive("M1"));
    }

    @Test
    void a_mark_on_another_image_of_the_stack_does_not_hit() {
        var result = match(List.of(Lesion.of("L1", 2, 100, 100, 10)), List.of(Mark.of("M1", 3, 100, 100, 5)), NO_SPACING);

        assertThat(result.markOutcomes()).containsExactly(new FalsePositive("M1"));
        assertThat(result.detectedCount()).isZero();
    }

    @Test
    void of_two_marks_on_one_lesion_the_higher_rated_counts_and_the_other_is_discarded_not_a_false_positive() {
        var lesions = List.of(Lesion.of("L1", 0, 100, 100, 10));
        var marks = List.of(Mark.of("close-low", 0, 100, 101, 2), Mark.of("far-high", 0, 108, 100, 5));

        var result = match(lesions, marks, NO_SPACING);

        assertThat(result.markOutcome("far-high")).contains(new Hit("far-high", "L1"));
        assertThat(result.markOutcome("close-low")).contains(new Duplicate("close-low", "L1"));
        assertThat(result.lesionOutcome("L1")).contains(LesionOutcome.detected("L1", "far-high", 5));
        assertThat(result.detectedCount()).isEqualTo(1);
        assertThat(result.duplicateCount()).isEqualTo(1);
        assertThat(result.nonLesionLocalisationCount()).isZero();
        assertThat(result.markOutcome("close-low").orElseThrow().localisesLesion()).isTrue();
    }

    @Test
    void of_two_equally_rated_marks_on_one_lesion_the_nearer_counts() {
        var lesions = List.of(Lesion.of("L1", 0, 100, 100, 10));
        var marks = List.of(Mark.of("A", 0, 108, 100, 4), Mark.of("B", 0, 102, 100, 4));

        var result = match(lesions, marks, NO_SPACING);

        assertThat(result.markOutcome("B")).contains(new Hit("B", "L1"));
        assertThat(result.markOutcome("A")).contains(new Duplicate("A", "L1"));
    }

    @Test
    void a_mark_between_two_lesions_goes_to_the_nearer_one_in_normalised_distance() {
        // 7 px from the small lesion (7/10 = 0.7) but 8 px from the big one (8/20 = 0.4).
        var lesions = List.of(Lesion.of("small", 0, 100, 100, 10), Lesion.of("big", 0, 115, 100, 20));
        var marks = List.of(Mark.of("M1", 0, 107, 100, 4));

        var result = match(lesions, marks, NO_SPACING);

        assertThat(result.markOutcome("M1")).contains(new Hit("M1", "big"));
        assertThat(result.lesionOutcome("small")).contains(LesionOutcome.missed("small"));
        assertThat(result.detectedCount()).isEqualTo(1);
    }

    @Test
    void a_mark_equidistant_from_two_lesions_goes_to_the_smaller_lesion_id() {
        var lesions = List.of(Lesion.of("L2", 0, 110, 100, 10), Lesion.of("L1", 0, 90, 100, 10));

        var result = match(lesions, List.of(Mark.of("M1", 0, 100, 100, 4)), NO_SPACING);

        assertThat(result.markOutcome("M1")).contains(new Hit("M1", "L1"));
    }

    @Test
    void with_no_lesions_every_mark_is_a_false_positive() {
        var marks = List.of(Mark.of("M1", 0, 10, 10, 1), Mark.of("M2", 1, 20, 20, 5));

        var result = match(List.of(), marks, spacing(PixelSpacing.isotropic(0.7)));

        assertThat(result.markOutcomes()).containsExactly(new FalsePositive("M1"), new FalsePositive("M2"));
        assertThat(result.lesionOutcomes()).isEmpty();
        assertThat(result.nonLesionLocalisationCount()).isEqualTo(2);
    }

    @Test
    void with_no_marks_every_lesion_is_missed() {
        var result = match(List.of(Lesion.of("L1", 0, 1, 1, 3), Lesion.of("L2", 0, 50, 50, 3)), List.of(), NO_SPACING);

        assertThat(result.lesionOutcomes()).containsExactly(LesionOutcome.missed("L1"), LesionOutcome.missed("L2"));
        assertThat(result.markOutcomes()).isEmpty();
    }

    @Test
    void the_result_does_not_depend_on_the_order_of_lesions_or_marks() {
        var lesions = new ArrayList<>(List.of(
                Lesion.of("L1", 0, 100, 100, 10), Lesion.of("L2", 0, 110, 100, 10),
                Lesion.of("L3", 1, 50, 50, 5), Lesion.of("L4", 0, 300, 300, 8)));
        var marks = new ArrayList<>(List.of(
                Mark.of("M1", 0, 105, 100, 4), Mark.of("M2", 0, 105, 100, 4), Mark.of("M3", 0, 101, 100, 4),
                Mark.of("M4", 1, 52, 50, 2), Mark.of("M5", 1, 49, 51, 2), Mark.of("M6", 0, 500, 500, 5),
                Mark.of("M7", 0, 110, 101, 1)));
        var expected = match(lesions, marks, NO_SPACING);

        var random = new Random(42);
        for (int i = 0; i < 50; i++) {
            Collections.shuffle(lesions, random);
            Collections.shuffle(marks, random);
            assertThat(match(lesions, marks, NO_SPACING)).isEqualTo(expected);
        }
        assertThat(expected.markOutcome("M3")).contains(new Hit("M3", "L1"));
        assertThat(expected.markOutcome("M1")).contains(new Duplicate("M1", "L1"));
        assertThat(expected.markOutcome("M7")).contains(new Hit("M7", "L2"));
        assertThat(expected.markOutcome("M5")).contains(new Hit("M5", "L3"));
        assertThat(expected.markOutcome("M4")).contains(new Duplicate("M4", "L3"));
        assertThat(expected.markOutcome("M6")).contains(new FalsePositive("M6"));
        assertThat(expected.markOutcomes()).extracting(MarkOutcome::markId)
                .containsExactly("M1", "M2", "M3", "M4", "M5", "M6", "M7");
    }

    @Test
    void duplicate_ids_are_rejected() {
        assertThatThrownBy(() -> match(List.of(), List.of(Mark.of("M1", 0, 1, 1, 1), Mark.of("M1", 0, 2, 2, 2)), NO_SPACING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Duplicate mark id 'M1'");
        assertThatThrownBy(() -> match(List.of(Lesion.of("L1", 0, 1, 1, 1), Lesion.of("L1", 1, 1, 1, 1)), List.of(), NO_SPACING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Duplicate lesion id 'L1'");
    }

    @Test
    void a_match_result_turns_into_a_scored_case() {
        var lesions = List.of(Lesion.of("L1", 0, 100, 100, 10), Lesion.of("L2", 0, 200, 200, 10));
        var marks = List.of(Mark.of("M1", 0, 100, 100, 5), Mark.of("M2", 0, 101, 100, 3), Mark.of("M3", 0, 0, 0, 2));

        var scored = ScoredCase.of(true, true, match(lesions, marks, NO_SPACING));

        assertThat(scored).isEqualTo(new ScoredCase(true, true, 2, 1, 1));
    }
}
