package org.calibra.oversight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.calibra.competency.domain.MetricValues;
import org.calibra.competency.domain.Threshold;
import org.calibra.competency.domain.ThresholdResult;
import org.calibra.competency.ui.ProgressText;
import org.calibra.reading.AttemptInfo;
import org.calibra.scoring.domain.ModuleMetrics;
import org.calibra.scoring.domain.ScoredCase;
import org.calibra.scoring.domain.reliance.RelianceCase;
import org.calibra.scoring.domain.reliance.RelianceMeasures;
import org.junit.jupiter.api.Test;

class OversightTextTest {

    /** Three abnormal cases, two called abnormal: sensitivity 2 of 3. */
    private static final MetricValues VALUES = MetricValues.of(ModuleMetrics.compute(List.of(new ScoredCase(true, true, 1, 1, 0),
            new ScoredCase(true, true, 1, 1, 0), new ScoredCase(true, false, 1, 0, 0))));

    @Test
    void thresholds_are_worded_exactly_as_the_decision_record_words_them() {
        var results = List.of(
                new ThresholdResult(new Threshold("sensitivity", 0.6, Threshold.Bound.LOWER), OptionalDouble.of(0.2077), ThresholdResult.Status.NOT_MET),
                new ThresholdResult(new Threshold("sensitivity", 0.6, Threshold.Bound.POINT), OptionalDouble.of(2 / 3.0), ThresholdResult.Status.MET),
                new ThresholdResult(new Threshold("specificity", 0.6, Threshold.Bound.POINT), OptionalDouble.empty(), ThresholdResult.Status.NOT_YET_MEASURABLE),
                new ThresholdResult(Threshold.atMost("nlPerCase", 1.0, Threshold.Bound.POINT), OptionalDouble.of(0), ThresholdResult.Status.MET));
        for (var r : results) {
            assertThat(OversightText.threshold(r, VALUES)).isEqualTo(ProgressText.threshold(r, VALUES));
        }
        assertThat(OversightText.threshold(results.getFirst(), VALUES))
                .isEqualTo("lower 95% bound of sensitivity at least 60% — not met yet (21%); estimate 67%, 95% interval 21%–94%");
    }

    @Test
    void statuses_reliance_and_times_read_as_words() {
        assertThat(OversightText.status(AttemptInfo.Status.NOT_PASSED, AttemptInfo.ENDED_BY_TIME_LIMIT)).isEqualTo("not passed — time limit reached");
        assertThat(OversightText.status(AttemptInfo.Status.IN_PROGRESS, null)).isEqualTo("in progress");
        assertThat(OversightText.duration(Duration.ZERO)).isEqualTo("none");
        assertThat(OversightText.duration(Duration.ofSeconds(200))).isEqualTo("3 min 20 s");
        assertThat(OversightText.duration(Duration.ofSeconds(3900))).isEqualTo("1 h 5 min");
        assertThat(OversightText.reliance(RelianceMeasures.compute(List.of()))).containsExactly("No case read with the AI in view.");
        // the AI wrong once and followed; right once and followed
        var r = RelianceMeasures.compute(List.of(new RelianceCase(true, false, java.util.Optional.empty(), false),
                new RelianceCase(true, true, java.util.Optional.empty(), true)));
        assertThat(OversightText.reliance(r)).containsExactly("Following a wrong AI (over-reliance): 100% (1 of 1; 95% CI 21–100%)",
                "Overriding a right AI (under-reliance): 0% (0 of 1; 95% CI 0–79%)");
    }
}
