package org.calibra.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calibra.authoring.StackOrder.Choice;
import org.calibra.authoring.StackOrder.ImageOrder;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.content.CaseManifests;
import org.calibra.casebank.storage.BlobStore;
import org.calibra.dicom.DicomReader;
import org.calibra.dicom.Part10Writer;
import org.calibra.dicom.Tags;
import org.calibra.support.CaseZips;
import org.calibra.support.IntegrationTest;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Starting a case (issue 13): from the synthetic generator with the educator's choices — a draft whose images are the
 * generated DICOM, stored like uploads, truth the generator's exact lesions, and no seed anywhere; and from an upload of
 * several series — the series listed, a stack chosen and reordered, saved as a new revision.
 */
@IntegrationTest
class NewCaseIT {

    @Autowired AuthoringService authoring;
    @Autowired BlobStore blobs;

    @BeforeEach
    void educator() {
        SignedIn.as("curator", "EDUCATOR");
    }

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void a_synthetic_radiograph_from_the_form_becomes_a_draft_with_exact_truth_stored_files_and_no_seed() throws Exception {
        var form = new SyntheticCaseForm("radiograph", "2", "24, 16", "", "8", "1.2", "100", "0", "1");
        var d = authoring.generateSynthetic(form);

        assertThat(d.state()).isEqualTo(DraftState.DRAFT);
        assertThat(d.source()).isEqualTo("synthetic");
        assertThat(d.slug()).startsWith("synthetic-chest-radiograph");
        CaseManifest m = d.content().manifest();
        assertThat(m.tags()).contains(CaseManifest.SYNTHETIC_TAG);
        assertThat(m.modality()).isEqualTo("DX");
        assertThat(d.problems()).as("a generated case is complete: nothing to fix before review").isEmpty();
        // truth: the generator's lesions, at the sizes chosen (radius in pixels = diameter / 2 / 0.7 mm)
        assertThat(m.truth().findings()).hasSize(2);
        assertThat(m.truth().findings()).extracting(f -> Math.round(f.radiusPx() * 2 * 0.7)).containsExactly(24L, 16L);
        // the images are stored like an upload's: in the blob store, de-identified, and the stack reads them
        assertThat(d.stack()).hasSize(1);
        for (String sha : d.content().files().values()) {
            assertThat(blobs.exists(sha)).as("stored file " + sha).isTrue();
        }
        var image = DicomReader.readHeader(blobs.open(d.content().files().get(m.images().getFirst().file())).orElseThrow().readAllBytes()).data();
        assertThat(image.string(Tags.PatientIdentityRemoved)).isEqualTo("YES");
        assertThat(image.string(Tags.Manufacturer)).isEqualTo(org.calibra.synthetic.SyntheticCases.MANUFACTURER);
        // with sensitivity 100 % and no false marks the AI marks exactly the two lesions
        assertThat(m.ai().findings()).hasSize(2);

        // no seed: not in any text of the draft, nor a recipe block, nor the word
        String manifest = new String(CaseManifests.write(m), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(manifest).doesNotContain("synthetic:").doesNotContainIgnoringCase("seed").doesNotContain("sha256");
        assertThat(d.deidReport()).doesNotContainIgnoringCase("seed");
        String trainee = String.join("\n", m.title(), m.clinicalHistory(), m.source().description(), String.join("\n", m.teachingPoints()),
                m.ai().model().toString());
        assertThat(trainee).doesNotContainIgnoringCase("seed").contains("synthetic");
        // and no long number that could be one (a secret seed is 64-bit: at least ten digits)
        assertThat(manifest).doesNotContainPattern("-?\\d{10,}");
        assertThat(authoring.history(d.id())).hasSize(1);
    }

    @Test
    void a_synthetic_ct_with_a_normal_read_has_no_findings_and_its_images_in_slice_order() {
        var d = authoring.generateSynthetic(new SyntheticCaseForm("ct", "0", "", "", "", "18", "80", "0", "0.7"));
        assertThat(d.content().manifest().truth().findings()).isEmpty();
        assertThat(d.content().manifest().truth().diagnosis()).isEqualTo("normal");
        assertThat(d.stack()).hasSize(64);
        assertThat(d.problems()).isEmpty();
    }

    @Test
    void a_form_with_problems_generates_and_stores_nothing() {
        int before = authoring.library().size();
        assertThatThrownBy(() -> authoring.generateSynthetic(new SyntheticCaseForm("ct", "9", "abc", "solid", "", "18", "80", "0.35", "0.7")))
                .isInstanceOf(DraftRefused.class).hasMessageContaining("nothing was generated")
                .satisfies(e -> assertThat(((DraftRefused) e).problems()).extracting(DraftProblem::toString)
                        .containsExactly("Number of lesions: '9' is outside the allowed range; write a whole number from 0 to 3"));
        assertThat(authoring.library()).hasSize(before);
    }

    /** Two series of a real MR image: series 2 (three images, numbered against their slice positions) and series 1 (two). */
    private static byte[] twoSeriesZip() throws Exception {
        byte[] source = Files.readAllBytes(Path.of("cases/mr-iac-schwannoma-detected/MR_small.dcm"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        int[][] plan = {{2, 1, 30}, {2, 2, 20}, {2, 3, 40}, {1, 1, 0}, {1, 2, 5}};
        for (int i = 0; i < plan.length; i++) {
            var p = DicomReader.read(source);
            var data = p.data();
            data.putStrings(Tags.SeriesInstanceUID, "2.25.1234567" + plan[i][0]);
            data.putStrings(Tags.SOPInstanceUID, "2.25.7654321" + i);
            data.putInts(Tags.SeriesNumber, plan[i][0]);
            data.putInts(Tags.InstanceNumber, plan[i][1]);
            data.putDecimals(Tags.ImageOrientationPatient, 1, 0, 0, 0, 1, 0);
            data.putDecimals(Tags.ImagePositionPatient, 0, 0, plan[i][2]);
            entries.put("study/file-" + i + ".dcm", Part10Writer.write(data, p.transferSyntax().forWriting()));
        }
        return CaseZips.zip(entries);
    }

    @Test
    void several_series_are_listed_then_chosen_reordered_and_saved_as_a_new_revision() throws Exception {
        var upload = authoring.upload("two-series.zip", twoSeriesZip());
        assertThat(upload.refused()).isEmpty();
        var d = upload.draft();
        assertThat(d.stack()).hasSize(5);

        List<DraftSeries> series = authoring.series(d.id());
        assertThat(series).extracting(DraftSeries::words).containsExactly(
                "Series 1 · MR · 2 images · 64 × 64 pixels", "Series 2 · MR · 3 images · 64 × 64 pixels");
        assertThat(series).allMatch(DraftSeries::inStack).allMatch(DraftSeries::hasPositions);

        // series 2 first, by slice position; series 1 left out
        var saved = authoring.saveStack(d.id(), d.revision(), List.of(new Choice(series.get(1).key(), ImageOrder.SLICE_POSITION)));
        var after = ((SaveOutcome.Saved) saved).draft();
        assertThat(after.revision()).isEqualTo(d.revision() + 1);
        var s2 = series.get(1).images();
        var byPosition = s2.stream().sorted(java.util.Comparator.comparing(DraftSeries.Image::position)).map(DraftSeries.Image::file).toList();
        assertThat(after.content().manifest().images()).extracting(CaseManifest.ImageEntry::file).containsExactlyElementsOf(byPosition);
        assertThat(after.stack()).hasSize(3);
        assertThat(after.content().files()).as("the files left out stay with the draft, to be put back").hasSize(5);
        assertThat(authoring.history(d.id())).hasSize(2);

        // listed again: the chosen series first and in the stack, the other not; then both, series 1 after series 2
        var again = authoring.series(d.id());
        assertThat(again).extracting(DraftSeries::number).containsExactly(2, 1);
        assertThat(again).extracting(DraftSeries::inStack).containsExactly(true, false);
        var both = ((SaveOutcome.Saved) authoring.saveStack(d.id(), after.revision(), List.of(new Choice(again.get(0).key(), null),
                new Choice(again.get(1).key(), ImageOrder.INSTANCE_NUMBER)))).draft();
        assertThat(both.stack()).hasSize(5);

        // checked server-side: a series the draft does not have, and a stale revision
        assertThatThrownBy(() -> authoring.saveStack(d.id(), both.revision(), List.of(new Choice("elsewhere/x.dcm", null))))
                .isInstanceOf(DraftRefused.class).hasMessageContaining("does not have");
        assertThat(authoring.saveStack(d.id(), after.revision(), List.of(new Choice(again.get(0).key(), null))))
                .isInstanceOf(SaveOutcome.Conflict.class);
    }
}
