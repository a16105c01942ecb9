package org.calibra.competency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.calibra.curriculum.ModuleInfo.ThresholdRule;
import org.calibra.curriculum.ThresholdTrial;
import org.junit.jupiter.api.Test;

/** The builder's door to the simulation: results handed on as they are, a refusal split into one problem per field. */
class ThresholdTrialAdapterTest {

    final ThresholdSimulation simulation = mock(ThresholdSimulation.class);
    final ThresholdTrial trial = new ThresholdTrialAdapter(simulation);

    @Test
    void the_simulations_result_is_handed_on_attempt_by_attempt() {
        var rules = List.of(new ThresholdRule("accuracy", 0.9, null, "point"));
        when(simulation.simulate(7, rules, 2, 0, 0, 3)).thenReturn(new ThresholdSimulation.Result(2, 1, 1, List.of(
                new ThresholdSimulation.Outcome(11, "R4", false, true, List.of()),
                new ThresholdSimulation.Outcome(10, "R3", true, false, List.of("accuracy ≥ 90% (reached 50%)")))));

        var result = trial.simulate(7, rules, 2, 0, 0, 3);

        assertThat(result.refused()).isFalse();
        assertThat(result.attemptsConsidered()).isEqualTo(2);
        assertThat(result.passedUnderCurrent()).isEqualTo(1);
        assertThat(result.passedUnderProposed()).isEqualTo(1);
        assertThat(result.attempts()).containsExactly(new ThresholdTrial.TrialAttempt("R4", false, true, List.of()),
                new ThresholdTrial.TrialAttempt("R3", true, false, List.of("accuracy ≥ 90% (reached 50%)")));
    }

    @Test
    void a_refused_proposal_comes_back_as_one_problem_per_field() {
        // the simulation's message, as ThresholdSimulationIT shows it: every problem, each starting with its field
        when(simulation.simulate(7, List.of(), -1, 0, 0, 0)).thenThrow(new IllegalArgumentException(
                "Proposed threshold 1 (sensitivty): Unknown metric 'sensitivty'; allowed: sensitivity, specificity. "
                        + "Proposed threshold 2 (specificity): Threshold specificity needs exactly one of min and max. "
                        + "Minimum cases: expected 0 or more, was -1. Attempts to simulate: expected 1 to 200, was 0."));

        var result = trial.simulate(7, List.of(), -1, 0, 0, 0);

        assertThat(result.refused()).isTrue();
        assertThat(result.attempts()).isEmpty();
        assertThat(result.problems()).containsExactly(
                "Proposed threshold 1 (sensitivty): Unknown metric 'sensitivty'; allowed: sensitivity, specificity.",
                "Proposed threshold 2 (specificity): Threshold specificity needs exactly one of min and max.",
                "Minimum cases: expected 0 or more, was -1.", "Attempts to simulate: expected 1 to 200, was 0.");
        assertThat(ThresholdTrialAdapter.problems("Module 9 does not exist.")).containsExactly("Module 9 does not exist.");
    }
}
