package org.calibra.curriculum.builder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.calibra.curriculum.builder.PoolSummary.PoolCase;
import org.junit.jupiter.api.Test;

class CaseChoiceTest {

    private static final Map<String, PoolCase> CASES = Map.of(
            "mr-iac-0417", new PoolCase("mr-iac-0417", "MR internal auditory canals: schwannoma", 2, "MR", List.of("neuro"), true, 0.2,
                    List.of("false-negative")),
            "synth-cxr-022", new PoolCase("synth-cxr-022", "Chest radiograph, normal", 1, "DX", List.of("chest"), false, 0.1, List.of()));

    @Test
    void a_case_is_named_by_its_title_and_version_and_described_in_words_never_by_its_id_or_codes() {
        assertThat(CaseChoice.label("mr-iac-0417", CASES)).isEqualTo("MR internal auditory canals: schwannoma, version 2").doesNotContain("mr-iac");
        assertThat(CaseChoice.facts("mr-iac-0417", CASES)).isEqualTo("MRI · version 2 · abnormal · AI wrong on purpose");
        assertThat(CaseChoice.facts("synth-cxr-022", CASES)).isEqualTo("Radiograph · version 1 · normal").doesNotContain("DX");
    }

    @Test
    void a_picked_case_the_institution_may_not_use_is_said_so_with_its_id_as_the_only_name_it_has() {
        assertThat(CaseChoice.label("gone-case", CASES)).isEqualTo("Not available to your institution (id in curriculum files: gone-case)");
        assertThat(CaseChoice.facts("gone-case", CASES)).startsWith("Not available to your institution");
    }

    @Test
    void typing_finds_a_case_by_title_words_modality_words_or_id_in_any_case_and_without_accents() {
        assertThat(CaseChoice.matches("mr-iac-0417", "schwannoma", CASES)).isTrue();
        assertThat(CaseChoice.matches("mr-iac-0417", "SCHWÄNNOMA", CASES)).isTrue();
        assertThat(CaseChoice.matches("mr-iac-0417", "mri", CASES)).isTrue();
        assertThat(CaseChoice.matches("synth-cxr-022", "radiograph", CASES)).isTrue();
        assertThat(CaseChoice.matches("synth-cxr-022", "synth-cxr-022", CASES)).as("the id, as curriculum files name it").isTrue();
        assertThat(CaseChoice.matches("synth-cxr-022", "schwannoma", CASES)).isFalse();
        assertThat(CaseChoice.matches("synth-cxr-022", "", CASES)).isTrue();
        assertThat(CaseChoice.matches("gone-case", "gone", CASES)).isTrue();
    }

    @Test
    void the_selection_keeps_the_order_cases_were_picked_in_and_new_ones_follow_by_id() {
        var before = List.of("c", "a");

        assertThat(CaseChoice.inPickOrder(before, new LinkedHashSet<>(List.of("a", "z", "c", "b")))).containsExactly("c", "a", "b", "z");
        assertThat(CaseChoice.inPickOrder(before, Set.of("a"))).containsExactly("a");
        assertThat(CaseChoice.inPickOrder(List.of(), Set.of())).isEmpty();
    }
}
