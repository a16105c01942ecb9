package org.calibra.curriculum.builder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calibra.curriculum.builder.PoolSummary.PoolCase;
import org.calibra.curriculum.content.CurriculumManifest;
import org.junit.jupiter.api.Test;

class PoolSummaryTest {

    /**
     * Five cases: a1 (CT, abnormal, AI 0.9 right, no errors), a2 (CT, abnormal, AI 0.2 wrong: a missed lesion), n1 (DX,
     * normal, AI 0.7 wrong: a false mark), n2 (DX, normal, AI 0.1 right), n3 (MR, normal, AI 0.5 wrong — at the operating
     * point the AI calls abnormal — off-label and a false mark). a2, n1 and n3 carry the tag "trap".
     */
    private static Map<String, PoolCase> library() {
        var m = new LinkedHashMap<String, PoolCase>();
        m.put("a1", new PoolCase("a1", "A1", 1, "CT", List.of("chest"), true, 0.9, List.of()));
        m.put("a2", new PoolCase("a2", "A2", 1, "CT", List.of("chest", "trap"), true, 0.2, List.of("false-negative")));
        m.put("n1", new PoolCase("n1", "N1", 1, "DX", List.of("chest", "trap"), false, 0.7, List.of("false-positive")));
        m.put("n2", new PoolCase("n2", "N2", 1, "DX", List.of("chest"), false, 0.1, List.of()));
        m.put("n3", new PoolCase("n3", "N3", 1, "MR", List.of("trap"), false, 0.5, List.of("off-label", "false-positive")));
        return m;
    }

    private static CurriculumManifest.Module module(List<String> cases, List<List<String>> tags, Integer perAttempt) {
        return new CurriculumManifest.Module("m", "M", "d", "unaided", cases, tags, perAttempt, null, null, null, null, 1, null, null, List.of());
    }

    @Test
    void picked_cases_and_a_tag_rule_are_counted_once_each() {
        // picked a1, n2; tag rule [trap] adds a2, n1, n3 (by id); n2 picked and not tagged: 5 cases
        var s = PoolSummary.of(module(List.of("a1", "n2"), List.of(List.of("trap")), 4), library());
        assertThat(s.cases()).containsExactly("a1", "n2", "a2", "n1", "n3");
        assertThat(s.abnormal()).isEqualTo(2); // a1, a2
        assertThat(s.normal()).isEqualTo(3);   // n1, n2, n3
        assertThat(s.modalities()).containsExactly(Map.entry("CT", 2), Map.entry("DX", 2), Map.entry("MR", 1));
        // a2: 1 missed lesion; n1 + n3: 2 false marks; n3: 1 off-label
        assertThat(s.aiErrors()).containsExactly(Map.entry("false-negative", 1), Map.entry("false-positive", 2), Map.entry("off-label", 1));
        assertThat(s.aiWrong()).isEqualTo(3); // a2 (0.2 on abnormal), n1 (0.7 on normal), n3 (0.5 on normal)
        assertThat(s.perAttempt()).isEqualTo(4);
        assertThat(s.inWords()).isEqualTo("5 cases: 2 abnormal, 3 normal · CT 2, MRI 1, Radiograph 2 · AI errors on purpose: 1 missed lesion, 2 false marks,"
                + " 1 outside the model's intended use · the AI's call is wrong on 3 cases · an attempt reads 4");
    }

    @Test
    void a_tag_rule_needs_every_tag_of_its_list() {
        // [chest, trap]: a2 and n1 only
        var s = PoolSummary.of(module(List.of(), List.of(List.of("chest", "trap")), null), library());
        assertThat(s.cases()).containsExactly("a2", "n1");
        assertThat(s.perAttempt()).isEqualTo(2);
        assertThat(s.aiErrors()).containsExactly(Map.entry("false-negative", 1), Map.entry("false-positive", 1));
    }

    @Test
    void a_picked_case_the_institution_may_not_use_is_named_and_not_counted() {
        var s = PoolSummary.of(module(List.of("a1", "someone-elses"), List.of(), null), library());
        assertThat(s.cases()).containsExactly("a1");
        assertThat(s.unknown()).containsExactly("someone-elses");
        assertThat(s.inWords()).isEqualTo("1 case: 1 abnormal, 0 normal · CT 1 · no deliberate AI errors · the AI's call is wrong on 0 cases"
                + " · an attempt reads 1. Not available to your institution (left out): someone-elses.");
    }

    @Test
    void an_empty_pool_says_what_to_do() {
        assertThat(PoolSummary.of(module(List.of(), List.of(), null), library()).inWords()).isEqualTo("No cases yet: pick cases or add a tag rule.");
    }

    @Test
    void the_ai_operating_point_is_scorings() {
        assertThat(PoolSummary.AI_OPERATING_POINT).isEqualTo(org.calibra.scoring.domain.AiVerdict.DEFAULT_OPERATING_POINT);
    }
}
