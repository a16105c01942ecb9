package org.calibra.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public class ModuleMetricsTest {

    /**
     * Worked example, by hand:
     * <pre>
     * case  truth     read      outcome  lesions  detected  NL
     * 1     abnormal  abnormal  TP       2        1         1
     * 2     abnormal  abnormal  TP       1        1         0
     * 3     abnormal  normal    FN       1        0         0
     * 4     normal    normal    TN       0        0         0
     * 5     normal    abnormal  FP       0        0         2
     * 6     normal    normal    TN       0        0         0
     * </pre>
     * sensitivity 2/3, specificity 2/3, accuracy 4/6, LLF 2/4, NL per case 3/6 = 0.5.
     */
    public static final List<ScoredCase> WORKED_EXAMPLE = List.of(
            new ScoredCase(true, true, 2, 1, 1),
            new ScoredCase(true, true, 1, 1, 0),
            new ScoredCase(true, false, 1, 0, 0),
            new ScoredCase(false, false, 0, 0, 0),
            new ScoredCase(false, true, 0, 0, 2),
            new ScoredCase(false, false, 0, 0, 0));

    @Test
    void metrics_of_the_worked_example_match_the_hand_calculation() {
        var m = ModuleMetrics.compute(WORKED_EXAMPLE);

        assertThat(m.sensitivity().successes()).isEqualTo(2);
        assertThat(m.sensitivity().trials()).isEqualTo(3);
        assertThat(m.specificity().successes()).isEqualTo(2);
        assertThat(m.specificity().trials()).isEqualTo(3);
        assertThat(m.accuracy().successes()).isEqualTo(4);
        assertThat(m.accuracy().trials()).isEqualTo(6);
        assertThat(m.lesionLocalisationFraction().successes()).isEqualTo(2);
        assertThat(m.lesionLocalisationFraction().trials()).isEqualTo(4);
        assertThat(m.nlPerCase()).isEqualTo(OptionalDouble.of(0.5));
        assertThat(m.abnormalCases()).isEqualTo(3);
        assertThat(m.normalCases()).isEqualTo(3);
        assertThat(m.casesRead()).isEqualTo(6);
        assertThat(m.nonLesionLocalisations()).isEqualTo(3);
    }

    @Test
    void the_sensitivity_interval_of_the_worked_example_matches_the_hand_calculation() {
        // Wilson, x = 2, n = 3, z² = 3.8415: (7.8415 ∓ 1.96·sqrt(3.8415 + 8/3)) / (2·6.8415)
        //   = (7.8415 ∓ 5.0001) / 13.6829 = 0.2077 .. 0.9385
        var sensitivity = ModuleMetrics.compute(WORKED_EXAMPLE).sensitivity();

        assertThat(sensitivity.estimate().getAsDouble()).isEqualTo(2.0 / 3);
        assertThat(sensitivity.lower().getAsDouble()).isCloseTo(0.2077, within(0.00005));
        assertThat(sensitivity.upper().getAsDouble()).isCloseTo(0.9385, within(0.00005));
    }

    @Test
    void with_no_cases_every_metric_is_undefined() {
        var m = ModuleMetrics.compute(List.of());

        assertThat(m.sensitivity().isDefined()).isFalse();
        assertThat(m.specificity().isDefined()).isFalse();
        assertThat(m.accuracy().isDefined()).isFalse();
        assertThat(m.lesionLocalisationFraction().isDefined()).isFalse();
        assertThat(m.nlPerCase()).isEmpty();
        assertThat(m.casesRead()).isZero();
    }

    @Test
    void with_only_normal_cases_sensitivity_and_llf_are_undefined_but_specificity_is_not() {
        var m = ModuleMetrics.compute(List.of(new ScoredCase(false, false, 0, 0, 1), new ScoredCase(false, true, 0, 0, 0)));

        assertThat(m.sensitivity().isDefined()).isFalse();
        assertThat(m.lesionLocalisationFraction().isDefined()).isFalse();
        assertThat(m.specificity().estimate()).isEqualTo(OptionalDouble.of(0.5));
        assertThat(m.nlPerCase()).isEqualTo(OptionalDouble.of(0.5));
    }

    @Test
    void a_read_summary_is_matched_and_scored_in_one_step() {
        var read = new ReadSummary("case-1", true, true,
                List.of(Lesion.of("L1", 0, 100, 100, 10)),
                List.of(Mark.of("M1", 0, 101, 100, 5), Mark.of("M2", 0, 300, 300, 2)));

        var scored = read.score(image -> Optional.empty(), AcceptanceRule.DEFAULT);

        assertThat(scored).isEqualTo(new ScoredCase(true, true, 1, 1, 1));
        assertThat(scored.outcome()).isEqualTo(CaseOutcome.TRUE_POSITIVE);
    }

    @Test
    void inconsistent_scored_cases_are_rejected() {
        assertThatThrownBy(() -> new ScoredCase(true, true, 1, 2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("detectedCount (2)");
        assertThatThrownBy(() -> new ScoredCase(false, false, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("normal case cannot have lesions");
        assertThatThrownBy(() -> new ScoredCase(true, true, 1, 0, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nlCount");
        assertThatThrownBy(() -> new ReadSummary("c", false, false, List.of(Lesion.of("L1", 0, 1, 1, 1)), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("case c is normal");
    }
}
