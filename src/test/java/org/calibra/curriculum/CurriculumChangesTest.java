package org.calibra.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.calibra.curriculum.content.CurriculumManifest;
import org.calibra.curriculum.content.CurriculumManifest.Module;
import org.calibra.curriculum.content.CurriculumManifest.ThresholdSpec;
import org.junit.jupiter.api.Test;

/** What changed between two versions, in words; modules matched by id. */
class CurriculumChangesTest {

    private static Module module(String id, String title, int minimumCases, Integer perAttempt, List<ThresholdSpec> thresholds) {
        return new Module(id, title, "About " + title, "unaided", List.of("a", "b", "c"), List.of(), perAttempt, null, List.of(), null, null,
                minimumCases, null, null, thresholds);
    }

    private static CurriculumManifest curriculum(String title, List<Module> modules) {
        return new CurriculumManifest(1, "c", title, "Description", new CurriculumManifest.Certificate("Certificate", 12, List.of("Reads")),
                modules, null);
    }

    private static final ThresholdSpec SENSITIVITY_60 = new ThresholdSpec("sensitivity", 0.6, null, null);
    private static final ThresholdSpec SENSITIVITY_LOWER_80 = new ThresholdSpec("sensitivity", 0.8, null, "lower");
    private static final ThresholdSpec OVER_RELIANCE_25 = new ThresholdSpec("overReliance", null, 0.25, null);

    @Test
    void a_first_version_says_so() {
        assertThat(CurriculumChanges.between(null, curriculum("T", List.of(module("m", "M", 2, null, List.of(SENSITIVITY_60))))))
                .containsExactly("First version: 1 module(s)");
    }

    @Test
    void the_same_manifest_has_no_changes() {
        var c = curriculum("T", List.of(module("m", "M", 2, null, List.of(SENSITIVITY_60))));
        assertThat(CurriculumChanges.between(c, c)).isEmpty();
    }

    @Test
    void field_changes_thresholds_in_words_added_removed_and_reordered_modules() {
        var before = curriculum("Old title", List.of(module("one", "One", 2, null, List.of(SENSITIVITY_60)),
                module("two", "Two", 3, 3, List.of(SENSITIVITY_60)), module("gone", "Gone", 1, null, List.of(SENSITIVITY_60))));
        var after = curriculum("New title", List.of(module("two", "Two", 3, 2, List.of(SENSITIVITY_60)),
                module("one", "One", 3, null, List.of(SENSITIVITY_LOWER_80, OVER_RELIANCE_25)), module("new", "New", 1, null, List.of(SENSITIVITY_60))));

        assertThat(CurriculumChanges.between(before, after)).containsExactly(
                "Title: Old title → New title",
                "Module 'Two': cases per attempt: 3 → 2",
                "Module 'One': minimum cases: 2 → 3",
                "Module 'One': thresholds: sensitivity ≥ 60% → lower 95% bound of sensitivity ≥ 80%, "
                        + "following a wrong AI (over-reliance) ≤ 25%",
                "Module added: 'New'",
                "Module removed: 'Gone' (attempts already made keep their version)",
                "Modules reordered: 'Two', 'One', 'New'");
    }

    @Test
    void tag_rules_and_prerequisites_read_as_words() {
        var one = module("one", "Radiographs first", 1, null, List.of(SENSITIVITY_60));
        var two = module("two", "Then CT", 1, null, List.of(SENSITIVITY_60));
        var twoAfter = new Module("two", "Then CT", "About Then CT", "unaided", List.of("a", "b", "c"), List.of(List.of("chest", "ct"),
                List.of("imported")), null, null, List.of("one"), null, null, 1, null, null, List.of(SENSITIVITY_60));
        assertThat(CurriculumChanges.between(curriculum("T", List.of(one, two)), curriculum("T", List.of(one, twoAfter)))).containsExactly(
                "Module 'Then CT': tag rules: none → chest + ct; imported",
                "Module 'Then CT': prerequisites: none → 'Radiographs first'");
    }

    @Test
    void a_whole_pool_and_no_limits_read_as_words() {
        var before = curriculum("T", List.of(module("m", "M", 2, null, List.of(SENSITIVITY_60))));
        var after = curriculum("T", List.of(module("m", "M", 2, 2, List.of(SENSITIVITY_60))));
        assertThat(CurriculumChanges.between(before, after)).containsExactly("Module 'M': cases per attempt: the whole pool → 2");
    }
}
