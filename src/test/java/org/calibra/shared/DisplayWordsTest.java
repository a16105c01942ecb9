package org.calibra.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DisplayWordsTest {

    @Test
    void a_label_slug_reads_as_a_sentence_case_phrase_with_its_abbreviations_in_capitals() {
        assertThat(DisplayWords.term("intracanalicular-filling-defect")).isEqualTo("Intracanalicular filling defect");
        assertThat(DisplayWords.term("cpa-mass")).isEqualTo("CPA mass");
        assertThat(DisplayWords.term("vestibular_schwannoma")).isEqualTo("Vestibular schwannoma");
        assertThat(DisplayWords.term("nodule")).isEqualTo("Nodule");
    }

    @Test
    void inside_a_sentence_a_term_is_lower_case_except_its_abbreviations() {
        assertThat(DisplayWords.termInSentence("vestibular-schwannoma")).isEqualTo("vestibular schwannoma");
        assertThat(DisplayWords.termInSentence("cpa-mass")).isEqualTo("CPA mass");
    }

    @Test
    void words_an_author_already_wrote_are_kept_as_written() {
        assertThat(DisplayWords.term("Vestibular schwannoma")).isEqualTo("Vestibular schwannoma");
        assertThat(DisplayWords.termInSentence("Schwannoma (left)")).isEqualTo("Schwannoma (left)");
        assertThat(DisplayWords.term(null)).isEmpty();
        assertThat(DisplayWords.term("  ")).isEmpty();
    }

    @Test
    void modality_codes_read_as_the_examination_radiologists_name() {
        assertThat(DisplayWords.modality("MR")).isEqualTo("MRI");
        assertThat(DisplayWords.modality("CT")).isEqualTo("CT");
        assertThat(DisplayWords.modality("NM")).isEqualTo("Nuclear medicine");
        assertThat(DisplayWords.modality("DX")).isEqualTo("Radiograph");
        assertThat(DisplayWords.modality("RTDOSE")).isEqualTo("Radiotherapy dose");
        assertThat(DisplayWords.modality("ZZ")).as("an unknown code is shown as given, not hidden").isEqualTo("ZZ");
    }

    @Test
    void body_parts_read_in_lower_case_words() {
        assertThat(DisplayWords.bodyPart("CHEST")).isEqualTo("chest");
        assertThat(DisplayWords.bodyPart("TSPINE")).isEqualTo("thoracic spine");
        assertThat(DisplayWords.bodyPart("WHOLE BODY")).isEqualTo("whole body");
    }

    @Test
    void case_outcomes_are_spelled_out() {
        assertThat(DisplayWords.caseOutcome("TP")).isEqualTo("true positive");
        assertThat(DisplayWords.caseOutcome("TN")).isEqualTo("true negative");
        assertThat(DisplayWords.caseOutcome("FP")).isEqualTo("false positive");
        assertThat(DisplayWords.caseOutcome("FN")).isEqualTo("false negative");
    }

    @Test
    void a_case_is_named_by_title_and_version() {
        assertThat(DisplayWords.caseWithVersion("MR internal auditory canals", 1)).isEqualTo("MR internal auditory canals (version 1)");
        assertThat(DisplayWords.count(1, "case", "cases")).isEqualTo("1 case");
        assertThat(DisplayWords.count(7, "case", "cases")).isEqualTo("7 cases");
    }

    @Test
    void the_case_score_and_a_mark_probability_are_explained_only_when_both_are_shown() {
        assertThat(DisplayWords.aiNumbers(0.93, List.of())).isEmpty();
        assertThat(DisplayWords.aiNumbers(0.93, List.of(0.88))).hasValue("Two different questions: 93% is how likely the AI finds the "
                + "whole case abnormal; the 88% on its mark is how likely it finds that spot to be a lesion.");
        assertThat(DisplayWords.aiNumbers(0.6, List.of(0.4, 0.7)).orElseThrow()).contains("60%").contains("each of its marks");
    }
}
