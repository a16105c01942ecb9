package org.calibra.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.support.CaseZips;
import org.calibra.support.IntegrationTest;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two educators edit the same draft (ADR 0021, optimistic locking): the second save is refused with what the first changed,
 * field by field, and kept as a copy; re-applying it puts its changes on top; nothing typed is lost.
 */
@IntegrationTest
class DraftConflictIT {

    @Autowired AuthoringService authoring;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void the_second_save_is_told_what_changed_and_re_applying_it_loses_nothing() throws Exception {
        SignedIn.as("curator", "EDUCATOR");
        var loaded = authoring.upload("conflict.zip", CaseZips.caseZip("draft-with-two-editors", false)).draft();
        var m = loaded.content().manifest();
        var lesion = m.truth().findings().getFirst();

        // the curator moves the lesion and retitles the case, and saves first
        var moved = new CaseManifest.TruthFinding(lesion.id(), lesion.label(), lesion.imageIndex(), lesion.x() + 2, lesion.y(), lesion.radiusPx(),
                lesion.weight(), lesion.imageRange());
        var first = authoring.save(loaded.id(), loaded.revision(), loaded.content().withManifest(
                ManifestEdit.with(ManifestEdit.with(m, "truth.findings", List.of(moved)), "title", "Curator's title")));
        assertThat(first).isInstanceOf(SaveOutcome.Saved.class);

        // the educator, who loaded the same revision, rewrites the history and the title
        SignedIn.as("educator", "EDUCATOR");
        var second = authoring.save(loaded.id(), loaded.revision(), loaded.content().withManifest(
                ManifestEdit.with(ManifestEdit.with(m, "clinicalHistory", "Educator's history."), "title", "Educator's title")));

        assertThat(second).isInstanceOf(SaveOutcome.Conflict.class);
        var conflict = (SaveOutcome.Conflict) second;
        assertThat(conflict.savedBy()).extracting(Person::name).containsExactly("Dr. Cora Curator");
        assertThat(conflict.theirChanges()).extracting(Change::words)
                .contains("Title: '" + m.title() + "' → 'Curator's title'")
                .anySatisfy(w -> assertThat(w).startsWith("Lesion " + lesion.id() + " moved: x " + lesion.x()));
        assertThat(conflict.yourChanges()).extracting(Change::words).contains("Clinical history: changed", "Title: '" + m.title() + "' → 'Educator's title'");
        assertThat(conflict.changedByBoth()).containsExactly("Title");
        assertThat(conflict.message()).contains("Dr. Cora Curator saved this draft after you opened it", "Nothing is lost", "Both of you changed: Title");
        assertThat(authoring.history(loaded.id())).filteredOn(DraftRevision::conflictCopy).singleElement()
                .satisfies(copy -> assertThat(copy.changes()).extracting(Change::words).contains("Title: '" + m.title() + "' → 'Educator's title'"));

        var reapplied = authoring.reapply(loaded.id(), conflict.copyId(), conflict.current().revision());

        assertThat(reapplied).isInstanceOf(SaveOutcome.Saved.class);
        var merged = ((SaveOutcome.Saved) reapplied).draft();
        assertThat(merged.revision()).isEqualTo(conflict.current().revision() + 1);
        assertThat(merged.title()).as("both changed it: the re-applied save wins").isEqualTo("Educator's title");
        assertThat(merged.content().manifest().clinicalHistory()).isEqualTo("Educator's history.");
        assertThat(merged.content().manifest().truth().findings().getFirst().x()).as("the curator's move stays").isEqualTo(lesion.x() + 2);
        assertThat(merged.contributors()).hasSize(2);
    }

    @Test
    void a_save_on_the_current_revision_is_simply_the_next_one() throws Exception {
        SignedIn.as("curator", "EDUCATOR");
        var d = authoring.upload("plain.zip", CaseZips.caseZip("draft-saved-twice", false)).draft();
        var one = (SaveOutcome.Saved) authoring.save(d.id(), d.revision(), d.content().withManifest(ManifestEdit.with(d.content().manifest(), "difficulty", 4)));
        var two = (SaveOutcome.Saved) authoring.save(d.id(), one.draft().revision(),
                one.draft().content().withManifest(ManifestEdit.with(one.draft().content().manifest(), "difficulty", 5)));

        assertThat(two.draft().revision()).isEqualTo(d.revision() + 2);
        assertThat(authoring.history(d.id())).extracting(r -> r.changes().stream().map(Change::words).toList())
                .containsExactly(List.of(), List.of("Difficulty: " + d.content().manifest().difficulty() + " → 4"), List.of("Difficulty: 4 → 5"));
    }
}
