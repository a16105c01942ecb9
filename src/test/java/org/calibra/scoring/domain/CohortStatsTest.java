package org.calibra.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CohortStatsTest {

    @Test
    void quartiles_match_r_type_7() {
        // R: quantile(c(1, 2, 3, 4), c(.25, .5, .75)) -> 1.75 2.50 3.25; quantile(c(0.2, 0.9, 0.5, 0.7, 0.1)) -> 0.2 0.5 0.7
        var four = CohortStats.of(List.of(4.0, 1.0, 3.0, 2.0), OptionalDouble.empty());
        var five = CohortStats.of(List.of(0.2, 0.9, 0.5, 0.7, 0.1), OptionalDouble.empty());
        assertThat(List.of(four.p25(), four.median(), four.p75())).containsExactly(1.75, 2.5, 3.25);
        assertThat(List.of(five.p25(), five.median(), five.p75())).containsExactly(0.2, 0.5, 0.7);
    }

    @Test
    void the_percentile_counts_values_below_and_half_of_the_ties() {
        var stats = CohortStats.of(List.of(0.5, 0.6, 0.6, 0.9), OptionalDouble.of(0.6));
        assertThat(stats.percentileOfYou()).hasValue(0.5); // (1 + 2/2) / 4
        assertThat(CohortStats.of(List.of(0.5), OptionalDouble.of(0.1)).percentileOfYou()).hasValue(0.0);
        assertThat(CohortStats.of(List.of(0.5), OptionalDouble.empty()).percentileOfYou()).isEmpty();
    }

    @Test
    void an_empty_cohort_is_refused() {
        assertThatThrownBy(() -> CohortStats.of(List.of(), OptionalDouble.empty())).hasMessageContaining("at least one value");
    }
}
