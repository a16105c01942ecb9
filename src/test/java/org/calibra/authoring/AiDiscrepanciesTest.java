package org.calibra.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.content.CaseManifests;
import org.junit.jupiter.api.Test;

/** Disagreements between the AI's marks and the truth, judged by the scoring's hit rule, and what labels them. */
class AiDiscrepanciesTest {

    private static CaseManifest mr(String file) throws Exception {
        return CaseManifests.read("t", Files.readAllBytes(Path.of("cases/" + file + "/case.yaml"))).manifest();
    }

    @Test
    void a_mark_on_the_lesion_is_no_discrepancy() throws Exception {
        assertThat(AiDiscrepancies.of(mr("mr-iac-schwannoma-detected"))).isEmpty();
    }

    @Test
    void a_missed_lesion_is_listed_until_labelled() throws Exception {
        var m = mr("mr-iac-schwannoma-ai-missed");
        assertThat(AiDiscrepancies.of(m)).containsExactly("Lesion L1 has no AI mark on it, and is not labelled as missed by the AI");
        m = ManifestEdit.with(m, "ai.errors", List.of(new CaseManifest.AiError("false-negative", "L1", null, null, "Too small for it")));
        assertThat(AiDiscrepancies.of(m)).isEmpty();
    }

    @Test
    void a_mark_on_nothing_is_listed_until_labelled_and_a_mark_with_a_broken_probability_is_left_to_the_checks() throws Exception {
        var m = mr("mr-iac-schwannoma-detected");
        m = ManifestEdit.with(m, "ai.findings", List.of(m.ai().findings().getFirst(),
                new CaseManifest.AiFinding("vascular-loop", 0, 10, 10, 0.6), new CaseManifest.AiFinding("vascular-loop", 0, 50, 10, 1.5)));
        assertThat(AiDiscrepancies.of(m)).containsExactly("AI mark 2 (vascular-loop, image 1, probability 0.6) lies on no truth lesion, and is not"
                + " labelled a false alarm");
        m = ManifestEdit.with(m, "ai.errors", List.of(new CaseManifest.AiError("false-positive", null, 2, null, null)));
        assertThat(AiDiscrepancies.of(m)).isEmpty();
    }
}
