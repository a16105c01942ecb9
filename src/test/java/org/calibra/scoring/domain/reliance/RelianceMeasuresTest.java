package org.calibra.scoring.domain.reliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelianceMeasuresTest {

    private static RelianceCase secondReader(boolean truth, boolean ai, boolean initial, boolean fin) {
        return new RelianceCase(truth, ai, Optional.of(initial), fin);
    }

    private static RelianceCase concurrent(boolean truth, boolean ai, boolean fin) {
        return new RelianceCase(truth, ai, Optional.empty(), fin);
    }

    @Test
    void a_worked_example_of_eight_second_reader_cases_gives_each_measure_by_hand() {
        // truth, AI, initial, final
        var cases = List.of(
                secondReader(true, true, false, true),    // initially wrong, AI right, switched: good switch (RAIR)
                secondReader(true, true, false, false),   // initially wrong, AI right, kept: under-reliance
                secondReader(false, true, false, false),  // initially right, AI wrong, kept (RSR)
                secondReader(false, true, false, true),   // initially right, AI wrong, switched: over-reliance, harmful
                secondReader(true, false, true, true),    // initially right, AI wrong, kept (RSR)
                secondReader(true, true, true, true),     // all agree, right
                secondReader(false, false, false, false), // all agree, right
                secondReader(false, false, true, false)); // initially wrong, AI right, switched (RAIR)
        var m = RelianceMeasures.compute(cases);

        // AI right on cases 1, 2, 6, 7, 8 (5); final right on 1, 6, 7, 8 -> 4/5
        assertThat(m.accuracyWhenAiRight().successes()).isEqualTo(4);
        assertThat(m.accuracyWhenAiRight().trials()).isEqualTo(5);
        // AI wrong on cases 3, 4, 5 (3); final right on 3, 5 -> 2/3
        assertThat(m.accuracyWhenAiWrong().successes()).isEqualTo(2);
        assertThat(m.accuracyWhenAiWrong().trials()).isEqualTo(3);
        // over-reliance: final = wrong AI on case 4 -> 1/3; under-reliance: final != right AI on case 2 -> 1/5
        assertThat(m.overReliance().successes()).isEqualTo(1);
        assertThat(m.overReliance().trials()).isEqualTo(3);
        assertThat(m.underReliance().successes()).isEqualTo(1);
        assertThat(m.underReliance().trials()).isEqualTo(5);
        // RAIR: initially wrong & AI right = cases 1, 2, 8; switched on 1, 8 -> 2/3
        assertThat(m.relativeAiReliance().successes()).isEqualTo(2);
        assertThat(m.relativeAiReliance().trials()).isEqualTo(3);
        // RSR: initially right & AI wrong = cases 3, 4, 5; kept on 3, 5 -> 2/3; harmful switch on 4 -> 1/3
        assertThat(m.relativeSelfReliance().successes()).isEqualTo(2);
        assertThat(m.relativeSelfReliance().trials()).isEqualTo(3);
        assertThat(m.harmfulSwitches().successes()).isEqualTo(1);
        // initial right on 3, 4, 5, 6, 7 = 5/8; final right on 1, 3, 5, 6, 7, 8 = 6/8; gain 1/8
        assertThat(m.initialAccuracy().successes()).isEqualTo(5);
        assertThat(m.finalAccuracyPaired().successes()).isEqualTo(6);
        assertThat(m.accuracyGained()).hasValue(0.125);
        assertThat(m.pairedCases()).isEqualTo(8);
    }

    @Test
    void concurrent_reads_give_accuracy_by_ai_correctness_and_over_and_under_reliance_but_no_switching_measures() {
        var m = RelianceMeasures.compute(List.of(concurrent(true, true, true), concurrent(false, true, true), concurrent(false, false, false)));

        assertThat(m.overReliance().successes()).isEqualTo(1);
        assertThat(m.overReliance().trials()).isEqualTo(1);
        assertThat(m.underReliance().trials()).isEqualTo(2);
        assertThat(m.underReliance().successes()).isZero();
        assertThat(m.relativeAiReliance().isDefined()).isFalse();
        assertThat(m.relativeSelfReliance().isDefined()).isFalse();
        assertThat(m.accuracyGained()).isEmpty();
        assertThat(m.pairedCases()).isZero();
    }

    @Test
    void no_cases_leave_every_measure_undefined_rather_than_zero() {
        var m = RelianceMeasures.compute(List.of());
        assertThat(m.accuracyWhenAiRight().isDefined()).isFalse();
        assertThat(m.overReliance().isDefined()).isFalse();
        assertThat(m.accuracyGained()).isEmpty();
    }
}
