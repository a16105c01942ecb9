package org.calibra.competency.parts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.calibra.casebank.CaseForReading;
import org.calibra.casebank.CaseTruth;
import org.calibra.casebank.CaseTruth.AiError.Kind;
import org.junit.jupiter.api.Test;

/** The AI's deliberate errors in words on the feedback page: each kind, what the read did about it, with and without a note. */
class AiErrorsFeedbackTest {

    private static final Map<String, String> LESIONS = Map.of("L1", "meningioma", "L2", "vestibular schwannoma");
    private static final Map<String, CaseForReading.AiMark> AI = Map.of("A2", new CaseForReading.AiMark("A2", "lung-nodule", 0, 10, 10, 0.41));

    private static AiErrorsFeedback.Facts facts(Set<String> found, Set<String> followed, boolean callCorrect, boolean aiSeen) {
        return new AiErrorsFeedback.Facts(LESIONS, found, AI, followed, callCorrect, aiSeen);
    }

    private static CaseTruth.AiError missed(String note) {
        return new CaseTruth.AiError(Kind.MISSED_LESION, "L2", null, null, null, note);
    }

    private static CaseTruth.AiError falseMark(String note) {
        return new CaseTruth.AiError(Kind.FALSE_MARK, null, "A2", 2, null, note);
    }

    @Test
    void a_missed_lesion_the_read_found() {
        var line = AiErrorsFeedback.line(missed("Small schwannomas hide in the canal."), facts(Set.of("L2"), Set.of(), true, true));

        assertThat(line.what()).isEqualTo("The AI missed lesion L2 (vestibular schwannoma).");
        assertThat(line.note()).isEqualTo("Small schwannomas hide in the canal.");
        assertThat(line.you()).isEqualTo("You found it.");
        assertThat(line.caught()).isTrue();
    }

    @Test
    void a_missed_lesion_the_read_missed_too() {
        var line = AiErrorsFeedback.line(missed(null), facts(Set.of("L1"), Set.of(), false, true));

        assertThat(line.you()).isEqualTo("You missed it too.");
        assertThat(line.caught()).isFalse();
    }

    @Test
    void a_false_mark_the_read_followed() {
        var line = AiErrorsFeedback.line(falseMark("A vessel seen end-on."), facts(Set.of(), Set.of("A2"), true, true));

        assertThat(line.what()).isEqualTo("The AI's mark 2 (lung nodule, probability 41%) points at no lesion.");
        assertThat(line.note()).isEqualTo("A vessel seen end-on.");
        assertThat(line.you()).isEqualTo("You put a mark there too: you followed the AI's false mark.");
        assertThat(line.caught()).isFalse();
    }

    @Test
    void a_false_mark_the_read_did_not_follow() {
        var line = AiErrorsFeedback.line(falseMark(null), facts(Set.of(), Set.of(), true, true));

        assertThat(line.you()).isEqualTo("You put no mark there: you did not follow it.");
        assertThat(line.caught()).isTrue();
    }

    @Test
    void without_seeing_the_ai_a_mark_there_is_not_called_following_it() {
        assertThat(AiErrorsFeedback.line(falseMark(null), facts(Set.of(), Set.of("A2"), true, false)).you())
                .isEqualTo("You put a mark there too, without seeing the AI.");
        assertThat(AiErrorsFeedback.line(falseMark(null), facts(Set.of(), Set.of(), true, false)).you()).isEqualTo("You put no mark there.");
    }

    @Test
    void an_off_label_case_called_right_and_wrong() {
        var error = new CaseTruth.AiError(Kind.OFF_LABEL, null, null, null, "the model was trained on adults only", "Check the model card.");

        var right = AiErrorsFeedback.line(error, facts(Set.of(), Set.of(), true, true));
        var wrong = AiErrorsFeedback.line(error, facts(Set.of(), Set.of(), false, true));

        assertThat(right.what()).isEqualTo("This case is outside the model's intended use: the model was trained on adults only.");
        assertThat(right.note()).isEqualTo("Check the model card.");
        assertThat(right.you()).isEqualTo("You called the case correctly.");
        assertThat(right.caught()).isTrue();
        assertThat(wrong.you()).isEqualTo("You did not call the case correctly.");
        assertThat(wrong.caught()).isFalse();
    }

    @Test
    void a_reason_ending_its_own_sentence_is_not_ended_twice_and_a_blank_note_is_no_note() {
        var line = AiErrorsFeedback.line(new CaseTruth.AiError(Kind.OFF_LABEL, null, null, null, "A child's scan.", "  "),
                facts(Set.of(), Set.of(), true, true));

        assertThat(line.what()).isEqualTo("This case is outside the model's intended use: A child's scan.");
        assertThat(line.note()).isNull();
    }

    @Test
    void a_lesion_or_mark_without_a_label_is_named_by_its_number_alone() {
        var facts = new AiErrorsFeedback.Facts(Map.of("L3", ""), Set.of(), Map.of(), Set.of(), true, true);

        assertThat(AiErrorsFeedback.line(new CaseTruth.AiError(Kind.MISSED_LESION, "L3", null, null, null, null), facts).what())
                .isEqualTo("The AI missed lesion L3.");
        assertThat(AiErrorsFeedback.line(new CaseTruth.AiError(Kind.FALSE_MARK, null, "A5", 5, null, null), facts).what())
                .isEqualTo("The AI's mark 5 points at no lesion.");
    }
}
