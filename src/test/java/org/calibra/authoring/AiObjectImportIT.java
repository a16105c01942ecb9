package org.calibra.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calibra.casebank.aiobjects.AiFile;
import org.calibra.casebank.aiobjects.DemoAiObjects;
import org.calibra.support.CaseZips;
import org.calibra.support.IntegrationTest;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * AI result objects onto a draft made from an upload: the upload de-identifies the CT series (new UIDs), the AI's SEG and
 * SR still name the original images, and their marks land on the right images all the same. A file naming images the case
 * lacks, or a damaged one, is refused in words and adds nothing.
 */
@IntegrationTest
class AiObjectImportIT {

    @Autowired AuthoringService authoring;

    @TempDir
    Path tmp;

    @BeforeEach
    void educator() {
        SignedIn.as("curator", "EDUCATOR");
    }

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void a_segmentation_and_report_made_for_the_original_series_land_on_the_de_identified_images() throws Exception {
        var written = DemoAiObjects.write(tmp.resolve("demo"));
        Map<String, byte[]> series = new LinkedHashMap<>();
        for (Path p : written) {
            if (p.getFileName().toString().startsWith("ct-")) {
                series.put("ct/" + p.getFileName(), Files.readAllBytes(p));
            }
        }
        var d = authoring.upload("ai-import-ct.zip", CaseZips.zip(series)).draft();
        assertThat(d).isNotNull();
        assertThat(d.stack()).hasSize(12);

        var seg = file(tmp.resolve("demo"), DemoAiObjects.SEG);
        var sr = file(tmp.resolve("demo"), DemoAiObjects.SR);
        var heat = file(tmp.resolve("demo"), DemoAiObjects.HEATMAP);
        var read = authoring.readAiObjects(d.id(), List.of(seg, sr, heat), DemoAiObjects.HEATMAP_IMAGE);
        assertThat(read).allSatisfy(f -> assertThat(f.usable()).as(f.fileName() + ": " + f.details()).isTrue());
        assertThat(read.get(0).summary()).startsWith("2 marks, ").contains("contours on images ");
        assertThat(read.get(1).summary()).contains("2 marks").contains("case score 0.88");
        assertThat(read.get(2).summary()).isEqualTo("heatmap on image 7 of 12");

        var saved = ((SaveOutcome.Saved) authoring.addAiObjects(d.id(), d.revision(), d.content(), List.of(sr, heat),
                DemoAiObjects.HEATMAP_IMAGE)).draft();
        var ai = saved.content().manifest().ai();
        assertThat(ai.score()).isEqualTo(0.88);
        assertThat(ai.findings()).extracting(f -> f.imageIndex(), f -> f.probability())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DemoAiObjects.HEATMAP_IMAGE, 0.87), org.assertj.core.groups.Tuple.tuple(8, 0.41));
        assertThat(ai.findings().get(1).x()).isCloseTo(34.5, org.assertj.core.data.Offset.offset(0.6));
        assertThat(ai.heatmaps()).extracting(h -> h.imageIndex()).containsExactly(DemoAiObjects.HEATMAP_IMAGE);
        assertThat(saved.content().files()).containsKey(ai.heatmaps().getFirst().file());
        assertThat(saved.problems()).extracting(DraftProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("AI mark 1: label: 'nodule' is not one of labels"));
    }

    @Test
    void a_report_for_images_the_case_lacks_and_a_damaged_file_are_refused_in_words_and_add_nothing() throws Exception {
        var d = authoring.upload("mr-for-ai.zip", CaseZips.caseZip("ai-import-mr", false)).draft();
        var sr = file(DemoAiObjects.write(tmp.resolve("demo")).getFirst().getParent(), DemoAiObjects.SR);
        var broken = new AiFile("broken.dcm", java.util.Arrays.copyOf(sr.bytes(), 400));
        var read = authoring.readAiObjects(d.id(), List.of(sr, broken), 0);
        assertThat(read).allSatisfy(f -> assertThat(f.usable()).isFalse());
        assertThat(String.join(" ", read.get(0).details())).contains("image");
        assertThat(read.get(1).details()).anySatisfy(p -> assertThat(p).contains("incomplete"));
        assertThatThrownBy(() -> authoring.addAiObjects(d.id(), d.revision(), d.content(), List.of(sr), 0))
                .isInstanceOf(DraftRefused.class).hasMessageStartingWith("Nothing was added: " + DemoAiObjects.SR + " cannot be added");
        assertThat(authoring.draft(d.id()).orElseThrow().revision()).isEqualTo(d.revision());
    }

    @Test
    void broken_ai_content_is_named_mark_by_mark_in_words_all_at_once() throws Exception {
        var d = authoring.upload("mr-ai-checks.zip", CaseZips.caseZip("ai-checks-mr", false)).draft();
        var m = d.content().manifest();
        m = ManifestEdit.with(m, "ai.findings", List.of(new org.calibra.casebank.content.CaseManifest.AiFinding("intracanalicular-filling-defect", 0,
                41, 38, 1.5), new org.calibra.casebank.content.CaseManifest.AiFinding("no-such-label", 3, 10, 10, 0.2),
                new org.calibra.casebank.content.CaseManifest.AiFinding("cpa-mass", 0, 999, 10, 0.2)));
        m = ManifestEdit.with(m, "ai.score", 1.2);
        m = ManifestEdit.with(m, "ai.errors", List.of(new org.calibra.casebank.content.CaseManifest.AiError("false-negative", "L9", null, null, null)));
        var saved = ((SaveOutcome.Saved) authoring.save(d.id(), d.revision(), d.content().withManifest(m))).draft();
        assertThat(saved.problems()).extracting(DraftProblem::toString).contains(
                "AI case score: must have a maximum value of 1",
                "AI mark 1: probability: must have a maximum value of 1",
                "AI mark 2: label: 'no-such-label' is not one of labels [cpa-mass, intracanalicular-filling-defect, vascular-loop, motion-artefact]",
                "AI mark 2: image number: 3 is out of range: the stack has 1 image(s), numbered from 0",
                "AI mark 3: x: 999.0 is outside the image (0 to 64 columns)",
                "AI error 1: missed lesion: 'L9' is not a truth lesion of this case (its lesions: L1)");
        assertThat(saved.readyForReview()).isFalse();
    }

    private static AiFile file(Path folder, String name) throws Exception {
        return new AiFile(name, Files.readAllBytes(folder.resolve(name)));
    }
}
