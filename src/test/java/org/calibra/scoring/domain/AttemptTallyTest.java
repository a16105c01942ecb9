package org.calibra.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The running sums of an attempt (ADR 0028) against the figures recomputed from all its reads. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AttemptTallyTest {

    @Test
    void sums_kept_read_by_read_equal_a_recomputation_from_scratch_after_every_read_of_random_sequences() {
        Random random = new Random(20261205);
        for (int sequence = 0; sequence < 500; sequence++) {
            List<ScoredCase> counted = new ArrayList<>();
            int finalReads = 0;
            AttemptTally running = AttemptTally.EMPTY;
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                ScoredCase read = randomRead(random);
                boolean repeat = random.nextInt(6) == 0; // a repeat is read but never counted (ADR 0015)
                running = running.plus(AttemptTally.change(read, repeat));
                finalReads++;
                if (!repeat) {
                    counted.add(read);
                }
                assertThat(running).isEqualTo(AttemptTally.of(counted, finalReads));
                assertThat(running.metrics()).as("sequence %d after read %d", sequence, i).isEqualTo(ModuleMetrics.compute(counted));
                assertThat(running.finalReads()).isEqualTo(finalReads);
            }
        }
    }

    @Test
    void the_sums_of_the_worked_example_give_its_hand_calculated_metrics() {
        var tally = AttemptTally.of(ModuleMetricsTest.WORKED_EXAMPLE, 7);

        assertThat(tally).isEqualTo(new AttemptTally(2, 1, 2, 1, 4, 2, 3, 7));
        assertThat(tally.metrics().sensitivity().estimate()).hasValue(2.0 / 3);
        assertThat(tally.metrics().lesionLocalisationFraction().estimate()).hasValue(0.5);
        assertThat(tally.metrics().nlPerCase()).hasValue(0.5);
        assertThat(tally.metrics()).isEqualTo(ModuleMetrics.compute(ModuleMetricsTest.WORKED_EXAMPLE));
    }

    @Test
    void no_reads_give_no_figures_and_a_repeat_adds_a_read_but_no_case() {
        assertThat(AttemptTally.EMPTY.metrics()).isEqualTo(ModuleMetrics.compute(List.of()));
        var afterRepeat = AttemptTally.EMPTY.plus(AttemptTally.change(new ScoredCase(true, true, 2, 2, 0), true));
        assertThat(afterRepeat.finalReads()).isEqualTo(1);
        assertThat(afterRepeat.casesCounted()).isZero();
        assertThat(afterRepeat.metrics().sensitivity().isDefined()).isFalse();
    }

    @Test
    void sums_that_no_reads_could_give_are_refused() {
        assertThatThrownBy(() -> new AttemptTally(1, 0, 0, 0, 1, 2, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lesionsFound (2)");
        assertThatThrownBy(() -> new AttemptTally(-1, 0, 0, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ScoredCase randomRead(Random random) {
        boolean abnormal = random.nextBoolean();
        int lesions = abnormal ? random.nextInt(4) : 0;
        return new ScoredCase(abnormal, random.nextInt(3) > 0 == abnormal, lesions, lesions == 0 ? 0 : random.nextInt(lesions + 1),
                random.nextInt(3));
    }
}
