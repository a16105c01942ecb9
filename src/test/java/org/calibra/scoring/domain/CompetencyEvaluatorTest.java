package org.calibra.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.calibra.scoring.domain.Threshold.Bound;
import org.calibra.scoring.domain.ThresholdResult.Status;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CompetencyEvaluatorTest {

    // Sensitivity 2/3 (Wilson lower 0.2077), specificity 2/3, accuracy 4/6, LLF 2/4; 6 cases.
    private final ModuleMetrics metrics = ModuleMetrics.compute(ModuleMetricsTest.WORKED_EXAMPLE);

    @Test
    void a_point_threshold_compares_the_estimate() {
        var evaluation = CompetencyEvaluator.evaluate(
                List.of(new Threshold("sensitivity", 0.6, Bound.POINT)), metrics, 6, 6);

        var result = evaluation.results().getFirst();
        assertThat(result.status()).isEqualTo(Status.MET);
        assertThat(result.observed().getAsDouble()).isEqualTo(2.0 / 3);
        assertThat(evaluation.passed()).isTrue();
    }

    @Test
    void a_lower_bound_threshold_compares_the_wilson_lower_bound() {
        var evaluation = CompetencyEvaluator.evaluate(
                List.of(new Threshold("sensitivity", 0.6, Bound.LOWER)), metrics, 6, 6);

        var result = evaluation.results().getFirst();
        assertThat(result.status()).isEqualTo(Status.NOT_MET);
        assertThat(result.observed().getAsDouble()).isCloseTo(0.2077, within(0.00005));
        assertThat(evaluation.passed()).isFalse();
    }

    @Test
    void a_value_exactly_at_the_minimum_meets_it() {
        var sevenOfTen = new java.util.ArrayList<ScoredCase>();
        for (int i = 0; i < 10; i++) {
            sevenOfTen.add(new ScoredCase(true, i < 7, 1, i < 7 ? 1 : 0, 0));
        }
        var evaluation = CompetencyEvaluator.evaluate(List.of(new Threshold("sensitivity", 0.7, Bound.POINT),
                new Threshold("lesionLocalisationFraction", 0.7, Bound.POINT)), ModuleMetrics.compute(sevenOfTen), 10, 10);

        assertThat(evaluation.results()).extracting(ThresholdResult::status).containsOnly(Status.MET);
        assertThat(evaluation.passed()).isTrue();
    }

    @Test
    void every_threshold_must_be_met_to_pass() {
        var evaluation = CompetencyEvaluator.evaluate(List.of(
                new Threshold("specificity", 0.5, Bound.POINT),
                new Threshold("accuracy", 0.5, Bound.POINT),
                new Threshold("lesionLocalisationFraction", 0.75, Bound.POINT)), metrics, 6, 6);

        assertThat(evaluation.results()).extracting(ThresholdResult::status)
                .containsExactly(Status.MET, Status.MET, Status.NOT_MET);
        assertThat(evaluation.passed()).isFalse();
    }

    @Test
    void meeting_every_threshold_does_not_pass_before_the_minimum_number_of_cases() {
        var evaluation = CompetencyEvaluator.evaluate(
                List.of(new Threshold("accuracy", 0.5, Bound.POINT)), metrics, 6, 20);

        assertThat(evaluation.results().getFirst().met()).isTrue();
        assertThat(evaluation.enoughCases()).isFalse();
        assertThat(evaluation.casesRemaining()).isEqualTo(14);
        assertThat(evaluation.passed()).isFalse();
    }

    @Test
    void a_metric_without_trials_is_not_yet_measurable_and_blocks_a_pass() {
        var onlyNormals = ModuleMetrics.compute(List.of(new ScoredCase(false, false, 0, 0, 0)));

        var evaluation = CompetencyEvaluator.evaluate(List.of(
                new Threshold("specificity", 0.5, Bound.LOWER),
                new Threshold("sensitivity", 0.5, Bound.POINT)), onlyNormals, 1, 1);

        assertThat(evaluation.results().get(1).status()).isEqualTo(Status.NOT_YET_MEASURABLE);
        assertThat(evaluation.results().get(1).observed()).isEmpty();
        assertThat(evaluation.passed()).isFalse();
    }

    @Test
    void without_thresholds_reading_the_minimum_number_of_cases_is_enough() {
        assertThat(CompetencyEvaluator.evaluate(List.of(), metrics, 6, 6).passed()).isTrue();
        assertThat(CompetencyEvaluator.evaluate(List.of(), metrics, 5, 6).passed()).isFalse();
    }

    @Test
    void an_unknown_metric_is_rejected_with_its_name_and_the_allowed_names() {
        assertThatThrownBy(() -> new Threshold("auc", 0.8, Bound.POINT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown metric 'auc'; allowed: sensitivity, specificity, accuracy, lesionLocalisationFraction");
    }

    @Test
    void a_minimum_outside_zero_to_one_is_rejected() {
        assertThatThrownBy(() -> new Threshold("accuracy", 80, Bound.POINT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 1");
    }
}
