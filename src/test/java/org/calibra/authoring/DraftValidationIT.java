package org.calibra.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.calibra.support.CaseZips;
import org.calibra.support.IntegrationTest;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every save is checked with the loader's checks — all problems at once, field by field, in words — and nothing with a
 * problem goes to review or is published. Broken input: a zip without case.yaml (a skeleton whose TODOs are problems),
 * a case.yaml with many mistakes, one that is not YAML, a file that is not a zip, an id taken by the repository.
 */
@IntegrationTest
class DraftValidationIT {

    @Autowired AuthoringService authoring;

    @BeforeEach
    void educator() {
        SignedIn.as("curator", "EDUCATOR");
    }

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    private static byte[] withYaml(String id, java.util.function.UnaryOperator<String> edit) throws Exception {
        String yaml = Files.readString(Path.of("cases/mr-iac-schwannoma-detected/case.yaml")).replaceFirst("(?m)^id: .*$", "id: " + id);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("case.yaml", edit.apply(yaml).getBytes(StandardCharsets.UTF_8));
        entries.put("MR_small.dcm", Files.readAllBytes(Path.of("cases/mr-iac-schwannoma-detected/MR_small.dcm")));
        return CaseZips.zip(entries);
    }

    @Test
    void every_problem_is_named_at_once_in_words_and_the_draft_may_not_go_to_review_until_they_are_fixed() throws Exception {
        var result = authoring.upload("mistakes.zip", withYaml("draft-with-mistakes", y -> y
                .replaceFirst("(?m)^title: .*$", "title: \"TODO: a title\"")
                .replaceFirst("(?m)^(\\s+)label: (\\S+)", "$1label: no-such-label")
                .replaceFirst("(?m)^(\\s+)x: [0-9.]+", "$1x: 99999")
                .replaceFirst("(?m)^difficulty: .*$", "difficulty: 9")));

        var d = result.draft();
        assertThat(d).as("a draft may hold mistakes: that is what it is for").isNotNull();
        assertThat(d.problems()).extracting(DraftProblem::field).contains("title", "difficulty");
        assertThat(d.problems()).extracting(DraftProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("Title: still says TODO"))
                .anySatisfy(p -> assertThat(p).startsWith("Difficulty: "));
        assertThatThrownBy(() -> authoring.sendForReview(d.id(), d.revision())).isInstanceOf(DraftRefused.class)
                .hasMessageContaining("must be fixed before this draft can go to review")
                .satisfies(e -> assertThat(((DraftRefused) e).problems()).hasSameSizeAs(d.problems()));

        // fix the schema problems: the cross-checks now speak, all of them at once
        var m = ManifestEdit.with(ManifestEdit.with(d.content().manifest(), "difficulty", 2), "title", "Cerebellopontine angle MR");
        var fixedSchema = ((SaveOutcome.Saved) authoring.save(d.id(), d.revision(), d.content().withManifest(m))).draft();
        assertThat(fixedSchema.problems()).extracting(DraftProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("Lesion 1 (L1): label: 'no-such-label' is not one of labels"))
                .anySatisfy(p -> assertThat(p).startsWith("Lesion 1 (L1): x: 99999.0 is outside the image"));

        var original = org.calibra.casebank.content.CaseManifests.read("x", Files.readAllBytes(Path.of("cases/mr-iac-schwannoma-detected/case.yaml")))
                .manifest();
        m = ManifestEdit.with(fixedSchema.content().manifest(), "truth.findings", original.truth().findings());
        var clean = ((SaveOutcome.Saved) authoring.save(d.id(), fixedSchema.revision(), d.content().withManifest(m))).draft();
        assertThat(clean.problems()).isEmpty();
        assertThat(authoring.sendForReview(d.id(), clean.revision()).state()).isEqualTo(DraftState.IN_REVIEW);
    }

    @Test
    void a_zip_without_case_yaml_becomes_a_draft_whose_todo_fields_are_its_problems() throws Exception {
        var result = authoring.upload("Brain MR 0417.zip",
                CaseZips.zip(Map.of("DICOM/IM0001", Files.readAllBytes(Path.of("cases/mr-brain-0417/0051.dcm")))));

        var d = result.draft();
        assertThat(d.source()).isEqualTo("skeleton");
        assertThat(d.slug()).startsWith("brain-mr-0417");
        assertThat(d.problems()).extracting(DraftProblem::where).contains("Title", "Clinical history", "Source", "Licence", "AI model name",
                "Teaching point 1", "Finding label 1", "Diagnosis 2");
        assertThat(d.stack()).hasSize(1);
        assertThat(authoring.upload("Brain MR 0417.zip", CaseZips.zip(Map.of("a.dcm", Files.readAllBytes(Path.of("cases/mr-brain-0417/0051.dcm")))))
                .draft().slug()).as("a second skeleton of the same name gets a free id").isNotEqualTo(d.slug());
    }

    @Test
    void broken_input_is_refused_whole_and_nothing_becomes_a_draft() throws Exception {
        int before = authoring.library().size();

        assertThat(authoring.upload("text.zip", "not a zip".getBytes(StandardCharsets.UTF_8)).refused()).isNotEmpty();
        assertThat(authoring.upload("yaml.zip", withYaml("draft-broken-yaml", y -> y + "\n  : [")).refused())
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("is not valid YAML"));
        assertThat(authoring.upload("empty.zip", CaseZips.zip(Map.of("case.yaml", "title: x\n".getBytes()))).refused())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("holds no DICOM files"));
        assertThat(authoring.library().size()).isEqualTo(before);
    }

    @Test
    void an_id_of_the_repository_is_a_problem_to_fix_in_the_draft() throws Exception {
        var d = authoring.upload("same-id.zip", withYaml("mr-iac-schwannoma-ai-missed", y -> y)).draft();

        assertThat(d.problems()).extracting(DraftProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("Case id: 'mr-iac-schwannoma-ai-missed' is a case of the repository's cases/ folder"));
        var renamed = (SaveOutcome.Saved) authoring.save(d.id(), d.revision(),
                d.content().withManifest(ManifestEdit.with(d.content().manifest(), "id", "draft-renamed-from-repository-id")));
        assertThat(renamed.draft().problems()).isEmpty();
        assertThat(renamed.draft().slug()).isEqualTo("draft-renamed-from-repository-id");
    }
}
