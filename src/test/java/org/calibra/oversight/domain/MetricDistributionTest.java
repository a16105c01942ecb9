package org.calibra.oversight.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class MetricDistributionTest {

    /** 0 → bin 0; 0.3 and 0.35 → bin 3 (0.3 × 10 is 2.999… in binary, still bin 3); 0.95 and 1.0 → bin 9; limit 0.8 → bin 8. */
    @Test
    void proportions_fall_in_ten_bins_and_the_limit_is_marked() {
        var d = MetricDistribution.of("sensitivity", List.of(0.3, 0.35, 0.95, 1.0, 0.0), true, OptionalDouble.of(0.8));

        assertThat(d.residents()).isEqualTo(5);
        assertThat(d.bins()).hasSize(10);
        assertThat(d.bins()).extracting(MetricDistribution.Bin::count).containsExactly(1, 0, 0, 2, 0, 0, 0, 0, 0, 2);
        assertThat(d.bins()).extracting(MetricDistribution.Bin::holdsLimit).containsExactly(false, false, false, false, false, false, false, false, true, false);
        assertThat(d.bins().get(3).from()).isEqualTo(0.3);
        assertThat(d.bins().get(3).to()).isEqualTo(0.4);
    }

    /** Largest of values and limit is 2.0: bins of 0.5 up to [2.0, 2.5), five in all; 0 → 0, 0.5 → 1, 1.2 → 2; limit 2.0 → 4. */
    @Test
    void a_rate_has_bins_of_a_half_up_to_its_largest_value_or_limit() {
        var d = MetricDistribution.of("nlPerCase", List.of(0.0, 0.5, 1.2), false, OptionalDouble.of(2.0));

        assertThat(d.bins()).extracting(MetricDistribution.Bin::count).containsExactly(1, 1, 1, 0, 0);
        assertThat(d.bins().get(4).holdsLimit()).isTrue();
        assertThat(d.bins().get(4).from()).isEqualTo(2.0);
    }

    @Test
    void no_values_give_empty_bins_and_an_impossible_value_is_refused_in_words() {
        assertThat(MetricDistribution.of("specificity", List.of(), true, OptionalDouble.empty()).bins())
                .allSatisfy(b -> assertThat(b.count()).isZero());
        assertThatThrownBy(() -> MetricDistribution.of("specificity", List.of(1.2), true, OptionalDouble.empty()))
                .hasMessage("specificity: every value must be a number from 0 to 1, was 1.2");
    }
}
