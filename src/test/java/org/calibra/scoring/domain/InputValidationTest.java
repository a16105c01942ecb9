package org.calibra.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InputValidationTest {

    @Test
    void a_mark_confidence_outside_one_to_five_is_rejected() {
        assertThatThrownBy(() -> Mark.of("M1", 0, 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Mark M1 confidence must be between 1 and 5, was 0");
        assertThatThrownBy(() -> Mark.of("M1", 0, 1, 1, 6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 6");
    }

    @Test
    void a_lesion_radius_must_be_positive() {
        assertThatThrownBy(() -> Lesion.of("L1", 0, 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Lesion L1 radiusPx must be > 0, was 0.0");
    }

    @Test
    void a_lesion_weight_must_be_positive() {
        assertThatThrownBy(() -> new Lesion("L1", 0, 1, 1, 3, "mass", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight must be > 0");
    }

    @Test
    void ids_must_not_be_blank() {
        assertThatThrownBy(() -> Mark.of(" ", 0, 1, 1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Mark id must not be blank");
        assertThatThrownBy(() -> Lesion.of(null, 0, 1, 1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Lesion id must not be blank");
    }

    @Test
    void coordinates_must_be_finite_and_image_indexes_non_negative() {
        assertThatThrownBy(() -> Mark.of("M1", 0, Double.NaN, 1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Mark M1 x must be a finite number");
        assertThatThrownBy(() -> Mark.of("M1", -1, 1, 1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("imageIndex must be >= 0");
    }

    @Test
    void pixel_spacing_must_be_positive() {
        assertThatThrownBy(() -> new PixelSpacing(0, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rowMm must be > 0");
        assertThatThrownBy(() -> new PixelSpacing(0.5, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("columnMm must be a finite number");
    }

    @Test
    void the_default_acceptance_rule_has_a_five_mm_floor_and_negative_floors_are_rejected() {
        assertThat(AcceptanceRule.DEFAULT.minRadiusMm()).isEqualTo(5.0);
        assertThat(new AcceptanceRule(0).minRadiusMm()).isZero();
        assertThatThrownBy(() -> new AcceptanceRule(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minRadiusMm must be >= 0");
    }

    @Test
    void an_ai_mark_probability_must_be_between_zero_and_one() {
        assertThatThrownBy(() -> new AiMark("A1", 0, 1, 1, 1.5, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AiMark A1 probability must be between 0 and 1");
    }

    @Test
    void a_spacing_function_returning_null_is_reported_clearly() {
        assertThatThrownBy(() -> LesionMatcher.match(List.of(Lesion.of("L1", 3, 1, 1, 3)),
                List.of(Mark.of("M1", 3, 1, 1, 3)), image -> null, AcceptanceRule.DEFAULT))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("image 3");
    }
}
