package org.calibra.curriculum.builder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.calibra.curriculum.ModuleInfo.ThresholdRule;
import org.calibra.curriculum.ThresholdTrial;
import org.junit.jupiter.api.Test;

/** The simulation panel's words: counts and rates side by side, the difference, and both sets of rules. */
class SimulationTest {

    private static ThresholdTrial.TrialAttempt attempt(String reader, boolean current, boolean proposed) {
        return new ThresholdTrial.TrialAttempt(reader, current, proposed, proposed ? List.of() : List.of("accuracy ≥ 90% (reached 0%)"));
    }

    @Test
    void pass_counts_and_rates_under_both_rules_side_by_side() {
        // 3 attempts: 1 passes now (1/3 = 33.3…% → 33%), 2 would (2/3 = 66.7…% → 67%): one more
        var trial = new ThresholdTrial.Trial(3, 1, 2, List.of(attempt("R7", false, true), attempt("R5", false, false), attempt("R4", true, true)),
                List.of());
        var s = Simulation.of(trial, List.of("sensitivity ≥ 60%"), List.of("accuracy ≥ 90%"));

        assertThat(s.simulated()).isTrue();
        assertThat(s.currentInWords()).isEqualTo("1 of 3 attempts pass (33%)");
        assertThat(s.proposedInWords()).isEqualTo("2 of 3 attempts would pass (67%)");
        assertThat(s.differenceInWords()).isEqualTo("1 more attempt would pass than do now.");
        assertThat(s.publishedRules()).containsExactly("sensitivity ≥ 60%");
    }

    @Test
    void fewer_the_same_and_a_single_attempt() {
        // 8 attempts: 5 pass now (62.5% → 63%, half up), 2 would (25%): three fewer
        var fewer = Simulation.of(new ThresholdTrial.Trial(8, 5, 2, List.of(), List.of()), List.of(), List.of());
        assertThat(fewer.currentInWords()).isEqualTo("5 of 8 attempts pass (63%)");
        assertThat(fewer.proposedInWords()).isEqualTo("2 of 8 attempts would pass (25%)");
        assertThat(fewer.differenceInWords()).isEqualTo("3 fewer attempts would pass than do now.");

        var one = Simulation.of(new ThresholdTrial.Trial(1, 1, 1, List.of(), List.of()), List.of(), List.of());
        assertThat(one.currentInWords()).isEqualTo("1 of 1 attempt passes (100%)");
        assertThat(one.proposedInWords()).isEqualTo("1 of 1 attempt would pass (100%)");
        assertThat(one.differenceInWords()).isEqualTo("As many attempts would pass as do now.");
        assertThat(Simulation.decision(true)).isEqualTo("passes");
        assertThat(Simulation.decision(false)).isEqualTo("does not pass");
    }

    @Test
    void a_refused_trial_is_its_problems_and_a_new_module_a_note() {
        var refused = Simulation.of(ThresholdTrial.Trial.refused(List.of("Minimum cases: expected 0 or more, was -1.")), List.of(), List.of());
        assertThat(refused.simulated()).isFalse();
        assertThat(refused.problems()).containsExactly("Minimum cases: expected 0 or more, was -1.");
        assertThat(Simulation.notPossible("new").note()).isEqualTo("new");
    }

    @Test
    void rules_in_words_name_each_threshold_and_the_minimums() {
        assertThat(CurriculumBuilder.rulesInWords(List.of(new ThresholdRule("sensitivity", 0.8, null, "lower")), 6, 2, 0))
                .containsExactly("lower 95% bound of sensitivity ≥ 80%", "at least 6 cases read, of them 2 abnormal");
        assertThat(CurriculumBuilder.rulesInWords(List.of(), 1, 1, 1)).containsExactly("at least 1 case read, of them 1 abnormal and 1 normal");
    }
}
