package org.calibra.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.calibra.competency.domain.MetricValues;
import org.calibra.curriculum.ModuleInfo.ThresholdRule;
import org.calibra.oversight.domain.MetricDistribution;
import org.calibra.scoring.domain.ModuleMetrics;
import org.calibra.scoring.domain.ScoredCase;
import org.junit.jupiter.api.Test;

class CohortOverviewTest {

    /** Two abnormal cases (one called abnormal) and one normal called normal: sensitivity 1/2, specificity 1/1, no false mark. */
    private static final MetricValues HALF = MetricValues.of(ModuleMetrics.compute(List.of(new ScoredCase(true, true, 1, 1, 0),
            new ScoredCase(true, false, 1, 0, 0), new ScoredCase(false, false, 0, 0, 0))));
    /** One abnormal case, called abnormal: sensitivity 1/1; no normal case, so no specificity. */
    private static final MetricValues FULL = MetricValues.of(ModuleMetrics.compute(List.of(new ScoredCase(true, true, 1, 1, 1))));

    @Test
    void one_distribution_per_threshold_metric_with_its_first_limit_and_residents_without_the_figure_left_out() {
        var d = CohortOverview.distributions(List.of(new ThresholdRule("sensitivity", 0.6, null, "point"),
                new ThresholdRule("sensitivity", 0.5, null, "lower"), new ThresholdRule("nlPerCase", null, 1.0, "point")), List.of(HALF, FULL));

        assertThat(d).extracting(MetricDistribution::metric).containsExactly("sensitivity", "nlPerCase");
        var sensitivity = d.getFirst();
        assertThat(sensitivity.limit()).hasValue(0.6);
        assertThat(sensitivity.residents()).isEqualTo(2);
        assertThat(sensitivity.bins().get(5).count()).isEqualTo(1); // 0.5
        assertThat(sensitivity.bins().get(9).count()).isEqualTo(1); // 1.0
        // false marks per case: 0/3 = 0 and 1/1 = 1; limit 1.0: bins [0, 0.5), [0.5, 1), [1, 1.5)
        assertThat(d.get(1).bins()).extracting(MetricDistribution.Bin::count).containsExactly(1, 0, 1);
    }

    @Test
    void without_thresholds_sensitivity_and_specificity_are_shown() {
        var d = CohortOverview.distributions(List.of(), List.of(HALF, FULL));

        assertThat(d).extracting(MetricDistribution::metric).containsExactly("sensitivity", "specificity");
        assertThat(d.get(1).residents()).as("FULL read no normal case").isEqualTo(1);
        assertThat(d.get(1).limit()).isEmpty();
    }
}
