package org.calibra.curriculum.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.calibra.curriculum.content.CurriculumManifest.ThresholdSpec;
import org.calibra.curriculum.content.ThresholdFeasibility.Capacity;
import org.calibra.scoring.domain.Proportion;
import org.junit.jupiter.api.Test;

/** Hand-worked: z = 1.959964, z² = 3.841459. */
class ThresholdFeasibilityTest {

    private static final Capacity FIVE_ABNORMAL = new Capacity(10, 5, 5, null, null);

    @Test
    void the_wilson_bounds_at_the_ends_are_those_of_scoring() {
        // n of n: n / (n + z²); 5 / 8.841459 = 0.56552
        assertThat(ThresholdFeasibility.lowerBoundAllRight(5)).isCloseTo(0.56552, within(1e-5));
        // 0 of n: z² / (n + z²); 3.841459 / 23.841459 = 0.16112
        assertThat(ThresholdFeasibility.upperBoundNoneWrong(20)).isCloseTo(0.16112, within(1e-5));
        for (int n = 1; n <= 60; n++) {
            assertThat(ThresholdFeasibility.lowerBoundAllRight(n)).isCloseTo(Proportion.wilson(n, n).lower().getAsDouble(), within(1e-12));
            assertThat(ThresholdFeasibility.upperBoundNoneWrong(n)).isCloseTo(Proportion.wilson(0, n).upper().getAsDouble(), within(1e-12));
        }
    }

    @Test
    void a_sensitivity_lower_bound_of_90_percent_with_five_abnormal_cases_is_refused_with_the_numbers() {
        var u = ThresholdFeasibility.check(new ThresholdSpec("sensitivity", 0.9, null, "lower"), FIVE_ABNORMAL).orElseThrow();
        assertThat(u.trials()).isEqualTo(5);
        assertThat(u.best()).isCloseTo(0.5655, within(1e-4));
        // n >= 0.9 · 3.841459 / 0.1 = 34.57: 35 (35 / 38.84 = 0.9011; 34 / 37.84 = 0.8985 is short)
        assertThat(u.trialsNeeded()).isEqualTo(35);
        assertThat(u.describe()).isEqualTo("the lower 95% bound of sensitivity must be at least 90%, but an attempt reads at most 5 abnormal cases,"
                + " and even 5 of 5 right gives a lower bound of 57%; reaching it needs at least 35 abnormal cases per attempt, or a lower limit,"
                + " or the point estimate");
    }

    @Test
    void a_sensitivity_lower_bound_the_draw_allows_passes() {
        // 0.5655 >= 0.5
        assertThat(ThresholdFeasibility.check(new ThresholdSpec("sensitivity", 0.5, null, "lower"), FIVE_ABNORMAL)).isEmpty();
        // the point estimate can always reach 5 of 5 = 100%
        assertThat(ThresholdFeasibility.check(new ThresholdSpec("sensitivity", 0.95, null, "point"), FIVE_ABNORMAL)).isEmpty();
        assertThat(ThresholdFeasibility.check(new ThresholdSpec("sensitivity", 0.95, null, null), FIVE_ABNORMAL)).isEmpty();
    }

    @Test
    void accuracy_counts_every_case_an_attempt_reads() {
        var ten = new Capacity(10, 4, 6, null, null);
        // 10 / 13.841459 = 0.7225 >= 0.70
        assertThat(ThresholdFeasibility.check(new ThresholdSpec("accuracy", 0.70, null, "lower"), ten)).isEmpty();
        // ... < 0.75; n >= 0.75 · 3.841459 / 0.25 = 11.52: 12 (12 / 15.84 = 0.7575; 11 / 14.84 = 0.7412)
        var u = ThresholdFeasibility.check(new ThresholdSpec("accuracy", 0.75, null, "lower"), ten).orElseThrow();
        assertThat(u.trials()).isEqualTo(10);
        assertThat(u.trialsNeeded()).isEqualTo(12);
    }

    @Test
    void a_metric_an_attempt_can_never_measure_is_refused_whatever_the_bound() {
        var noNormals = new Capacity(5, 5, 0, null, null);
        var u = ThresholdFeasibility.check(new ThresholdSpec("specificity", 0.6, null, "point"), noNormals).orElseThrow();
        assertThat(u.trials()).isZero();
        assertThat(u.describe()).isEqualTo("specificity must be at least 60%, but an attempt reads no normal cases, so it can never be measured");
    }

    @Test
    void an_upper_bound_on_over_reliance_is_judged_on_none_of_the_ai_wrong_cases_followed_when_their_number_is_known() {
        var capacity = new Capacity(20, 10, 10, 20, 0);
        // 0 of 20: 0.1611 > 0.10; n >= 3.841459 · 0.9 / 0.1 = 34.57: 35 (3.84 / 38.84 = 0.0989; 3.84 / 37.84 = 0.1015)
        var u = ThresholdFeasibility.check(new ThresholdSpec("overReliance", null, 0.10, "upper"), capacity).orElseThrow();
        assertThat(u.best()).isCloseTo(0.1611, within(1e-4));
        assertThat(u.trialsNeeded()).isEqualTo(35);
        assertThat(u.describe()).startsWith("the upper 95% bound of following a wrong AI (over-reliance) must be at most 10%, but an attempt reads"
                + " at most 20 cases the AI gets wrong, and even 0 of 20 gives an upper bound of 16%");
        // 0.1611 <= 0.20
        assertThat(ThresholdFeasibility.check(new ThresholdSpec("overReliance", null, 0.20, "upper"), capacity)).isEmpty();
        // unknown number of AI-wrong cases: not judged
        assertThat(ThresholdFeasibility.check(new ThresholdSpec("overReliance", null, 0.01, "upper"), FIVE_ABNORMAL)).isEmpty();
    }

    @Test
    void metrics_that_depend_on_the_reading_are_not_judged() {
        var none = new Capacity(0, 0, 0, 0, 0);
        for (String metric : java.util.List.of("lesionLocalisationFraction", "rocAuc", "wAFROC", "relativeAiReliance", "relativeSelfReliance", "nlPerCase")) {
            assertThat(ThresholdFeasibility.check(new ThresholdSpec(metric, 0.99, null, "point"), none)).as(metric).isEmpty();
        }
    }

    @Test
    void a_limit_of_100_percent_on_the_lower_bound_needs_more_cases_than_any_number() {
        var u = ThresholdFeasibility.check(new ThresholdSpec("sensitivity", 1.0, null, "lower"), FIVE_ABNORMAL).orElseThrow();
        assertThat(u.trialsNeeded()).isNull();
        assertThat(u.describe()).endsWith("gives a lower bound of 57%");
    }

    @Test
    void two_different_values_that_round_to_the_same_percent_are_shown_with_a_decimal() {
        // 5 of 5: 0.56553 against a limit of 0.57: both "57%" as whole percents
        var u = ThresholdFeasibility.check(new ThresholdSpec("sensitivity", 0.57, null, "lower"), FIVE_ABNORMAL).orElseThrow();
        assertThat(u.describe()).contains("at least 57.0%").contains("a lower bound of 56.6%");
    }
}
