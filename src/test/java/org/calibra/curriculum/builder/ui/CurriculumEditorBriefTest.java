package org.calibra.curriculum.builder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a field shows of its problem: short ones whole, long ones cut at their first clause. */
class CurriculumEditorBriefTest {

    @Test
    void a_short_problem_is_shown_whole() {
        assertThat(CurriculumEditor.brief("5 is more than the 2 case(s) an attempt reads")).isEqualTo("5 is more than the 2 case(s) an attempt reads");
    }

    @Test
    void a_long_reason_is_cut_at_its_first_clause_and_points_to_the_list() {
        String full = "can never be met in module 'Authored studies': the lower 95% bound of specificity must be at least 90%, but an attempt"
                + " reads at most 2 normal cases, and even 2 of 2 right gives a lower bound of 34%";
        assertThat(CurriculumEditor.brief(full)).isEqualTo("can never be met in module 'Authored studies' (the list above says why)");
    }

    @Test
    void a_long_reason_without_a_clause_is_cut_at_a_word() {
        String full = "x".repeat(40) + " " + "y".repeat(80);
        assertThat(CurriculumEditor.brief(full)).startsWith("x".repeat(40)).endsWith("… (the list above says why)").hasSizeLessThan(120);
    }
}
