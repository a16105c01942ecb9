package org.calibra.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.content.CaseBundleReader;
import org.calibra.support.IntegrationTest;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * One format (ADR 0021): every bundled case exports as a bundle zip (case.yaml, DICOM, heatmaps) that imports back as a
 * draft with the same manifest as the repository's folder and the same stored files — and so does an authored draft.
 */
@IntegrationTest
class BundleRoundTripIT {

    @Autowired AuthoringService authoring;
    @Autowired CaseService cases;
    @Value("${calibra.synthetic.cache-dir}") Path syntheticCache;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    static List<String> bundledCases() throws Exception {
        try (Stream<Path> dirs = Files.list(Path.of("cases"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void every_bundled_case_exports_and_imports_back_to_the_same_truth_and_the_same_files() throws Exception {
        SignedIn.as("admin", "ADMIN");
        List<String> ids = bundledCases();
        assertThat(ids).hasSizeGreaterThan(40);
        for (String id : ids) {
            var folder = CaseBundleReader.read(Path.of("cases", id), "cases", syntheticCache).manifest();
            long versionId = cases.latestVersionId(id).orElseThrow();
            var version = cases.content(versionId).orElseThrow();
            var exported = authoring.exportVersion(versionId);

            var result = authoring.upload(exported.fileName(), exported.zip());

            assertThat(result.refused()).as(id).isEmpty();
            var draft = result.draft();
            assertThat(draft.content().manifest()).as(id + ": the manifest").isEqualTo(folder).isEqualTo(version.manifest());
            assertThat(draft.content().files()).as(id + ": the stored files, by SHA-256").isEqualTo(version.files());
            assertThat(draft.problems()).as(id + ": only that the id is the repository's")
                    .extracting(DraftProblem::field).containsOnly("id");
            authoring.discard(draft.id(), draft.revision()); // one open draft per case: make room for the next run
        }
    }

    @Test
    void a_draft_exports_as_it_is_and_comes_back_equal() throws Exception {
        SignedIn.as("curator", "EDUCATOR");
        var d = authoring.upload("rt.zip", org.calibra.support.CaseZips.caseZip("draft-round-trip", true)).draft();
        var edited = (SaveOutcome.Saved) authoring.save(d.id(), d.revision(),
                d.content().withManifest(ManifestEdit.with(d.content().manifest(), "teachingPoints", List.of("One **point**, in Markdown."))));
        var zip = authoring.exportDraft(d.id());
        authoring.discard(d.id(), edited.draft().revision());

        var back = authoring.upload(zip.fileName(), zip.zip()).draft();

        assertThat(back.content()).isEqualTo(edited.draft().content());
        assertThat(back.flagged()).as("its flag comes back with it").hasSize(1);
    }

    /** A key image captured on the draft page (ADR 0024) is stored, captioned, exported and comes back with the bundle. */
    @Test
    void a_captured_key_image_is_stored_with_the_draft_and_travels_with_its_bundle() throws Exception {
        SignedIn.as("curator", "EDUCATOR");
        var d = authoring.upload("key.zip", org.calibra.support.CaseZips.caseZip("draft-key-image", true)).draft();
        var image = new java.awt.image.BufferedImage(48, 32, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);

        var captured = ((SaveOutcome.Saved) authoring.addKeyImage(d.id(), d.revision(), d.content(), png.toByteArray(), 0)).draft();
        assertThat(captured.content().manifest().keyImageList()).extracting(k -> k.file()).containsExactly("key-image-1.png");
        assertThat(captured.problems()).as("the caption is still to be written")
                .anySatisfy(p -> assertThat(p.message()).startsWith("key image 1 has no caption"));
        var captioned = ((SaveOutcome.Saved) authoring.save(captured.id(), captured.revision(), captured.content().withManifest(
                ManifestEdit.with(captured.content().manifest(), "keyImages",
                        List.of(new org.calibra.casebank.content.CaseManifest.KeyImage("key-image-1.png", 0, "The whole image")))))).draft();
        assertThat(captioned.problems()).noneSatisfy(p -> assertThat(p.field()).startsWith("keyImages"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> authoring.addKeyImage(captioned.id(), captioned.revision(), captioned.content(),
                "not a picture".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0)).isInstanceOf(DraftRefused.class)
                .hasMessage("The key image is not a PNG picture.");

        var zip = authoring.exportDraft(captioned.id());
        authoring.discard(captioned.id(), captioned.revision());
        var back = authoring.upload(zip.fileName(), zip.zip()).draft();

        assertThat(back.content()).isEqualTo(captioned.content());
        authoring.discard(back.id(), back.revision());
    }
}
