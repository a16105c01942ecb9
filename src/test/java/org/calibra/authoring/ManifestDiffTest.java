package org.calibra.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.content.CaseManifests;
import org.junit.jupiter.api.Test;

/** Field-level changes in words, and re-applying a refused save on top of the save that beat it. */
class ManifestDiffTest {

    static CaseManifest schwannoma() throws Exception {
        return CaseManifests.read("t", Files.readAllBytes(Path.of("cases/mr-iac-schwannoma-detected/case.yaml"))).manifest();
    }

    static CaseManifest withFindings(CaseManifest m, List<CaseManifest.TruthFinding> findings) {
        return ManifestEdit.with(m, "truth.findings", findings);
    }

    static CaseManifest.TruthFinding moved(CaseManifest.TruthFinding f, double x) {
        return new CaseManifest.TruthFinding(f.id(), f.label(), f.imageIndex(), x, f.y(), f.radiusPx(), f.weight(), f.imageRange());
    }

    @Test
    void changes_are_named_field_by_field_in_words() throws Exception {
        var base = schwannoma();
        var lesion = base.truth().findings().getFirst();
        var added = new CaseManifest.TruthFinding("L9", lesion.label(), 0, 10, 12, 3, null, null);
        var after = ManifestEdit.with(withFindings(base, List.of(moved(lesion, lesion.x() + 10), added)), "title", "A new title");
        after = ManifestEdit.with(after, "clinicalHistory", "x".repeat(100));
        after = ManifestEdit.with(after, "labels", List.of(base.labels().getFirst(), "cyst"));
        after = ManifestEdit.with(after, "ai.findings", List.of());

        var words = ManifestDiff.between(base, after).stream().map(Change::words).toList();

        assertThat(words).contains("Title: '" + base.title() + "' → 'A new title'", "Clinical history: changed",
                "Lesion L9 added (label '" + lesion.label() + "', image 1)");
        assertThat(words).anySatisfy(w -> assertThat(w).startsWith("Lesion " + lesion.id() + " moved: x " + lesion.x()));
        assertThat(words).anySatisfy(w -> assertThat(w).startsWith("Finding labels: added 'cyst'"));
        assertThat(words).anySatisfy(w -> assertThat(w).startsWith("AI mark 1 removed"));
        assertThat(ManifestDiff.between(base, base)).isEmpty();
        var reshaped = withFindings(base, List.of(new CaseManifest.TruthFinding(lesion.id(), lesion.label(), lesion.imageIndex(), null, null, null,
                null, null, new CaseManifest.Ellipse(lesion.x(), lesion.y(), 5, 3, 30.0), null, null, null, null)));
        assertThat(ManifestDiff.between(base, reshaped)).extracting(Change::words)
                .containsExactly("Lesion " + lesion.id() + " outline changed (radius (px), ellipse)");
        assertThat(ManifestDiff.files(Map.of("a.dcm", "1"), Map.of("a.dcm", "2", "b.png", "3")).stream().map(Change::words))
                .containsExactly("File a.dcm replaced", "File b.png added");
    }

    @Test
    void reapplying_keeps_their_changes_and_puts_mine_on_top() throws Exception {
        var base = schwannoma();
        var lesion = base.truth().findings().getFirst();
        var theirs = withFindings(ManifestEdit.with(base, "title", "Their title"),
                List.of(lesion, new CaseManifest.TruthFinding("L2", lesion.label(), 0, 5, 5, 2, null, null)));
        var mine = ManifestEdit.with(withFindings(base, List.of(moved(lesion, lesion.x() + 1))), "clinicalHistory", "My history");
        mine = ManifestEdit.with(mine, "title", "My title");

        var merged = ManifestMerge.reapply(new DraftContent(base, Map.of("a", "1")), new DraftContent(mine, Map.of("a", "1", "m", "2")),
                new DraftContent(theirs, Map.of("a", "1", "t", "3")));

        var m = merged.merged().manifest();
        assertThat(m.title()).isEqualTo("My title");
        assertThat(m.clinicalHistory()).isEqualTo("My history");
        assertThat(m.truth().findings()).extracting(CaseManifest.TruthFinding::id).containsExactly(lesion.id(), "L2");
        assertThat(m.truth().findings().getFirst().x()).isEqualTo(lesion.x() + 1);
        assertThat(merged.merged().files()).containsOnlyKeys("a", "m", "t");
        assertThat(merged.changedByBoth()).containsExactly("Title");
    }

    @Test
    void field_names_read_as_words() {
        assertThat(FieldWords.of("truth.findings[0].radiusPx")).isEqualTo("Lesion 1: radius (px)");
        assertThat(FieldWords.of("ai.model.knownFailureModes")).isEqualTo("AI known failure modes");
        assertThat(FieldWords.of("teachingPoints[2]")).isEqualTo("Teaching point 3");
        assertThat(FieldWords.of("truth.findings[0].contourPoints")).isEqualTo("Lesion 1: contour points");
        assertThat(ManifestMerge.words("truth.findings[L2].x")).isEqualTo("Lesion L2: x");
        assertThat(new ArrayList<>(List.of(FieldWords.of("")))).containsExactly("");
    }
}
