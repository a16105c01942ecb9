package org.calibra.competency.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.calibra.competency.domain.Threshold.Bound;
import org.calibra.competency.domain.ThresholdResult.Status;
import org.calibra.competency.parts.ThresholdWords;
import org.calibra.scoring.domain.Estimate;
import org.calibra.scoring.domain.ModuleMetrics;
import org.calibra.scoring.domain.ModuleMetricsTest;
import org.calibra.scoring.domain.reliance.RelianceMeasures;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** "The AI must not make you worse": a threshold on the reader's ROC AUC with the AI minus without. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AiEffectThresholdTest {

    private final ModuleMetrics metrics = ModuleMetrics.compute(ModuleMetricsTest.WORKED_EXAMPLE);

    private ThresholdResult evaluate(Threshold t, Optional<Estimate> effect) {
        var values = MetricValues.of(metrics, Optional.empty(), Optional.empty(), RelianceMeasures.compute(List.of()), effect);
        return CompetencyEvaluator.evaluate(List.of(t), values, 6, 6).results().getFirst();
    }

    @Test
    void the_point_estimate_must_be_at_least_min_and_exactly_min_is_met() {
        var notWorse = new Threshold("aiEffect", 0.0, Bound.POINT);
        assertThat(evaluate(notWorse, Optional.of(Estimate.of(0.0, -0.2, 0.2))).status()).isEqualTo(Status.MET);
        assertThat(evaluate(notWorse, Optional.of(Estimate.of(0.05, -0.1, 0.2))).status()).isEqualTo(Status.MET);
        var worse = evaluate(notWorse, Optional.of(Estimate.of(-0.01, -0.2, 0.18)));
        assertThat(worse.status()).isEqualTo(Status.NOT_MET);
        assertThat(worse.observed().getAsDouble()).isEqualTo(-0.01);
    }

    @Test
    void the_lower_bound_compares_the_near_end_of_the_interval_a_non_inferiority_margin() {
        var margin = new Threshold("aiEffect", -0.1, Bound.LOWER);
        assertThat(evaluate(margin, Optional.of(Estimate.of(0.02, -0.08, 0.12))).status()).isEqualTo(Status.MET);
        assertThat(evaluate(margin, Optional.of(Estimate.of(0.02, -0.1, 0.14))).status()).as("exactly at the margin").isEqualTo(Status.MET);
        var tooWide = evaluate(margin, Optional.of(Estimate.of(0.02, -0.25, 0.29)));
        assertThat(tooWide.status()).isEqualTo(Status.NOT_MET);
        assertThat(tooWide.observed().getAsDouble()).isEqualTo(-0.25);
    }

    @Test
    void without_cases_read_both_ways_or_without_an_interval_the_threshold_is_not_measurable_yet() {
        assertThat(evaluate(new Threshold("aiEffect", 0.0, Bound.POINT), Optional.empty()).status()).isEqualTo(Status.NOT_YET_MEASURABLE);
        assertThat(evaluate(new Threshold("aiEffect", 0.0, Bound.LOWER), Optional.of(Estimate.pointOnly(0.3))).status())
                .as("a point estimate on one normal case has no interval").isEqualTo(Status.NOT_YET_MEASURABLE);
        assertThat(evaluate(new Threshold("aiEffect", 0.0, Bound.POINT), Optional.of(Estimate.pointOnly(0.3))).status()).isEqualTo(Status.MET);
    }

    @Test
    void limits_outside_minus_one_to_one_are_refused_and_negative_limits_only_for_the_ai_effect() {
        assertThat(new Threshold("aiEffect", -1.0, Bound.POINT).limit()).isEqualTo(-1.0);
        assertThatThrownBy(() -> new Threshold("aiEffect", -1.5, Bound.POINT)).hasMessageContaining("from -1 to 1").hasMessageContaining("-1.5");
        assertThatThrownBy(() -> new Threshold("aiEffect", 1.2, Bound.LOWER)).hasMessageContaining("from -1 to 1");
        assertThatThrownBy(() -> new Threshold("sensitivity", -0.1, Bound.POINT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_words_say_what_the_rule_is_for_and_what_it_compares() {
        var met = evaluate(new Threshold("aiEffect", 0.0, Bound.POINT), Optional.of(Estimate.of(0.05, -0.1, 0.2)));
        assertThat(ThresholdWords.of(met))
                .isEqualTo("The AI must not make you worse: your ROC AUC with the AI minus without must be at least 0.00 — met (+0.05)");
        var margin = evaluate(new Threshold("aiEffect", -0.1, Bound.LOWER), Optional.of(Estimate.of(0.02, -0.25, 0.29)));
        assertThat(ThresholdWords.of(margin)).isEqualTo("The AI must not make you worse by more than 0.10: the lower 95% bound of your ROC AUC"
                + " with the AI minus without must be at least \u22120.10 — not met yet (\u22120.25)");
        var better = evaluate(new Threshold("aiEffect", 0.05, Bound.POINT), Optional.empty());
        assertThat(ThresholdWords.of(better)).startsWith("The AI must make you better: ").endsWith("at least +0.05 — not measurable yet");
    }
}
