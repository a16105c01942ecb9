package org.calibra.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProportionTest {

    /** Published tables give 4 decimals. */
    private static final Offset<Double> FOUR_DECIMALS = within(0.00005);

    /**
     * Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven
     * methods. Stat Med 1998;17:857-872, Table II, method 3 (Wilson score, no continuity correction).
     * The 0/10, 5/10, 10/10 rows follow from Wilson's closed form: z²/(n+z²) = 0.2775 etc.
     */
    @ParameterizedTest(name = "{0}/{1} has Wilson interval {2} to {3}")
    @CsvSource({
            "81, 263, 0.2553, 0.3662",
            "15, 148, 0.0624, 0.1605",
            "0,  20,  0.0000, 0.1611",
            "1,  29,  0.0061, 0.1718",
            "0,  10,  0.0000, 0.2775",
            "5,  10,  0.2366, 0.7634",
            "10, 10,  0.7225, 1.0000",
    })
    void the_wilson_interval_matches_published_values(int successes, int trials, double lower, double upper) {
        var p = Proportion.wilson(successes, trials);

        assertThat(p.estimate().getAsDouble()).isEqualTo((double) successes / trials);
        assertThat(p.lower().getAsDouble()).isCloseTo(lower, FOUR_DECIMALS);
        assertThat(p.upper().getAsDouble()).isCloseTo(upper, FOUR_DECIMALS);
    }

    @Test
    void the_bounds_are_exactly_zero_and_one_at_the_extremes() {
        assertThat(Proportion.wilson(0, 7).lower()).isEqualTo(OptionalDouble.of(0.0));
        assertThat(Proportion.wilson(7, 7).upper()).isEqualTo(OptionalDouble.of(1.0));
    }

    @Test
    void the_interval_always_contains_the_estimate_and_stays_within_zero_and_one() {
        for (int n = 1; n <= 60; n++) {
            for (int x = 0; x <= n; x++) {
                var p = Proportion.wilson(x, n);
                assertThat(p.lower().getAsDouble()).isBetween(0.0, p.estimate().getAsDouble());
                assertThat(p.upper().getAsDouble()).isBetween(p.estimate().getAsDouble(), 1.0);
            }
        }
    }

    @Test
    void with_no_trials_the_estimate_and_bounds_are_undefined_not_nan() {
        var p = Proportion.wilson(0, 0);

        assertThat(p.isDefined()).isFalse();
        assertThat(p.estimate()).isEmpty();
        assertThat(p.lower()).isEmpty();
        assertThat(p.upper()).isEmpty();
    }

    @Test
    void impossible_counts_are_rejected() {
        assertThatThrownBy(() -> Proportion.wilson(3, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("successes");
        assertThatThrownBy(() -> Proportion.wilson(-1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("successes");
        assertThatThrownBy(() -> Proportion.wilson(0, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trials");
    }

    @Test
    void a_hand_built_proportion_must_be_consistent() {
        assertThatThrownBy(() -> new Proportion(0, 0, OptionalDouble.of(0.5), OptionalDouble.empty(), OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trials > 0");
        assertThatThrownBy(() -> new Proportion(1, 2, OptionalDouble.of(0.5), OptionalDouble.of(0.6), OptionalDouble.of(0.9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower <= estimate");
    }
}
