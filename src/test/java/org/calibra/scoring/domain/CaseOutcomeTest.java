package org.calibra.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CaseOutcomeTest {

    @Test
    void truth_and_call_combine_into_the_four_outcomes() {
        assertThat(CaseOutcome.of(true, true)).isEqualTo(CaseOutcome.TRUE_POSITIVE);
        assertThat(CaseOutcome.of(true, false)).isEqualTo(CaseOutcome.FALSE_NEGATIVE);
        assertThat(CaseOutcome.of(false, true)).isEqualTo(CaseOutcome.FALSE_POSITIVE);
        assertThat(CaseOutcome.of(false, false)).isEqualTo(CaseOutcome.TRUE_NEGATIVE);
    }

    @Test
    void only_true_positives_and_true_negatives_are_correct() {
        assertThat(CaseOutcome.TRUE_POSITIVE.correct()).isTrue();
        assertThat(CaseOutcome.TRUE_NEGATIVE.correct()).isTrue();
        assertThat(CaseOutcome.FALSE_POSITIVE.correct()).isFalse();
        assertThat(CaseOutcome.FALSE_NEGATIVE.correct()).isFalse();
        assertThat(CaseOutcome.FALSE_NEGATIVE.abbreviation()).isEqualTo("FN");
    }
}
