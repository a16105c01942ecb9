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
}
