package org.calibra.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.calibra.scoring.domain.MarkOutcome.Duplicate;
import org.calibra.scoring.domain.MarkOutcome.FalsePositive;
import org.calibra.scoring.domain.MarkOutcome.Hit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AiVerdictTest {

    @Test
    void a_score_at_the_default_operating_point_calls_the_case_abnormal() {
        assertThat(AiVerdict.of(0.5, true).callsAbnormal()).isTrue();
        assertThat(AiVerdict.of(0.4999, true).callsAbnormal()).isFalse();
    }

    @Test
    void the_ai_is_correct_when_its_call_equals_the_truth() {
        assertThat(AiVerdict.of(0.9, true).correct()).isTrue();
        assertThat(AiVerdict.of(0.9, false).correct()).isFalse();
        assertThat(AiVerdict.of(0.1, false).correct()).isTrue();
        assertThat(AiVerdict.of(0.1, true).correct()).isFalse();
        assertThat(AiVerdict.of(0.1, true).outcome()).isEqualTo(CaseOutcome.FALSE_NEGATIVE);
    }

    @Test
    void a_custom_operating_point_moves_the_call() {
        assertThat(new AiVerdict(0.6, 0.7, true).callsAbnormal()).isFalse();
        assertThat(new AiVerdict(0.6, 0.7, true).outcome()).isEqualTo(CaseOutcome.FALSE_NEGATIVE);
        assertThat(new AiVerdict(0.6, 0.3, false).outcome()).isEqualTo(CaseOutcome.FALSE_POSITIVE);
    }

    @Test
    void scores_outside_zero_to_one_are_rejected() {
        assertThatThrownBy(() -> AiVerdict.of(1.2, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AI score");
        assertThatThrownBy(() -> new AiVerdict(0.5, Double.NaN, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operating point");
    }

    @ParameterizedTest(name = "probability {0} maps to rating {1}")
    @CsvSource({"0.0, 1", "0.19, 1", "0.2, 2", "0.4, 3", "0.6, 4", "0.79, 4", "0.8, 5", "1.0, 5"})
    void an_ai_probability_maps_to_the_readers_rating_scale(double probability, int rating) {
        assertThat(new AiMark("A", 0, 0, 0, probability, null).rating()).isEqualTo(rating);
    }

    @Test
    void ai_marks_are_matched_like_reader_marks_with_the_higher_probability_counting() {
        var lesions = List.of(Lesion.of("L1", 0, 100, 100, 10), Lesion.of("L2", 0, 300, 300, 10));
        var aiMarks = List.of(
                new AiMark("near", 0, 101, 100, 0.85, "nodule"),  // rating 5, nearer
                new AiMark("sure", 0, 106, 100, 0.91, "nodule"),  // rating 5, higher probability
                new AiMark("elsewhere", 0, 200, 200, 0.7, null));

        var result = LesionMatcher.matchAi(lesions, aiMarks, image -> Optional.empty(), AcceptanceRule.DEFAULT);

        assertThat(result.markOutcome("sure")).contains(new Hit("sure", "L1"));
        assertThat(result.markOutcome("near")).contains(new Duplicate("near", "L1"));
        assertThat(result.markOutcome("elsewhere")).contains(new FalsePositive("elsewhere"));
        assertThat(result.lesionOutcome("L1")).contains(LesionOutcome.detected("L1", "sure", 5));
        assertThat(result.lesionOutcome("L2")).contains(LesionOutcome.missed("L2"));
    }
}
