package org.calibra.competency.domain;

import org.calibra.scoring.domain.ModuleMetricsTest;
import org.calibra.scoring.domain.ScoredCase;
import org.calibra.scoring.domain.ModuleMetrics;
import org.calibra.scoring.domain.Proportion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.calibra.competency.domain.Threshold.Bound;
import org.calibra.competency.domain.ThresholdResult.Status;
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
    void an_upper_limit_on_over_reliance_compares_the_upper_end_of_its_interval() {
        // followed a wrong AI on 1 of 10 cases: estimate 0.10, Wilson upper 0.4042
        var reliance = new org.calibra.scoring.domain.reliance.RelianceMeasures(Proportion.wilson(0, 0), Proportion.wilson(9, 10),
                Proportion.wilson(1, 10), Proportion.wilson(0, 0), Proportion.wilson(0, 0), Proportion.wilson(0, 0), Proportion.wilson(0, 0),
                Proportion.wilson(0, 0), Proportion.wilson(0, 0), Proportion.wilson(0, 0));
        var values = MetricValues.of(metrics, java.util.Optional.empty(), java.util.Optional.empty(), reliance);

        var onPoint = CompetencyEvaluator.evaluate(List.of(Threshold.atMost("overReliance", 0.25, Bound.POINT)), values, 6, 6);
        var onUpper = CompetencyEvaluator.evaluate(List.of(Threshold.atMost("overReliance", 0.25, Bound.UPPER)), values, 6, 6);

        assertThat(onPoint.passed()).isTrue();
        assertThat(onUpper.results().getFirst().status()).isEqualTo(Status.NOT_MET);
        assertThat(onUpper.results().getFirst().observed().getAsDouble()).isCloseTo(0.4042, within(0.00005));
    }

    @Test
    void an_auc_threshold_uses_the_delong_interval_and_is_not_measurable_before_there_is_an_auc() {
        var auc = new org.calibra.scoring.domain.roc.AucEstimate(0.9, 5, 5, java.util.OptionalDouble.of(0.0025)); // SE 0.05
        var values = MetricValues.of(metrics, java.util.Optional.of(auc), java.util.Optional.empty(),
                org.calibra.scoring.domain.reliance.RelianceMeasures.compute(List.of()));
        var threshold = new Threshold("rocAuc", 0.8, Bound.LOWER);

        var result = CompetencyEvaluator.evaluate(List.of(threshold), values, 6, 6).results().getFirst();
        var none = CompetencyEvaluator.evaluate(List.of(threshold), MetricValues.of(metrics), 6, 6).results().getFirst();

        assertThat(result.observed().getAsDouble()).isCloseTo(auc.ci95().orElseThrow().lower(), within(1e-12));
        assertThat(result.status()).isEqualTo(auc.ci95().orElseThrow().lower() >= 0.8 ? Status.MET : Status.NOT_MET);
        assertThat(none.status()).isEqualTo(Status.NOT_YET_MEASURABLE);
    }

    @Test
    void a_threshold_with_a_bound_on_the_wrong_side_or_both_limits_is_refused_when_defined() {
        assertThatThrownBy(() -> new Threshold("overReliance", null, 0.2, Bound.LOWER)).hasMessageContaining("lower bound goes with min");
        assertThatThrownBy(() -> new Threshold("sensitivity", 0.8, null, Bound.UPPER)).hasMessageContaining("upper bound goes with max");
        assertThatThrownBy(() -> new Threshold("sensitivity", 0.8, 0.9, Bound.POINT)).hasMessageContaining("exactly one of min and max");
        assertThatThrownBy(() -> Threshold.atMost("nlPerCase", 1.0, Bound.UPPER)).hasMessageContaining("no confidence interval");
        assertThat(Threshold.atMost("nlPerCase", 2.5, Bound.POINT).limit()).isEqualTo(2.5);
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
                .hasMessage("Unknown metric 'auc'; allowed: sensitivity, specificity, accuracy, lesionLocalisationFraction, nlPerCase, rocAuc, "
                        + "wAFROC, overReliance, underReliance, relativeAiReliance, relativeSelfReliance, aiEffect");
    }

    @Test
    void a_minimum_outside_zero_to_one_is_rejected() {
        assertThatThrownBy(() -> new Threshold("accuracy", 80, Bound.POINT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 1");
    }
}
