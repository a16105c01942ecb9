package org.calibra.authoring;

import java.util.List;
import java.util.stream.Collectors;

/** What a save did: saved as the next revision, or refused because someone saved first — with nothing lost. */
public sealed interface SaveOutcome {

    record Saved(CaseDraft draft) implements SaveOutcome {}

    /**
     * Another educator saved after this one loaded the draft. {@code current}: the draft as it is now; {@code theirChanges}:
     * what changed since revision {@code yourRevision}, field by field, and who saved it ({@code savedBy});
     * {@code yourChanges}: what this save would have changed; {@code changedByBoth}: fields both changed. The refused save
     * is kept as copy {@code copyId} in the draft's history: {@link AuthoringService#reapply} puts its changes on top of
     * the current revision.
     */
    record Conflict(CaseDraft current, int yourRevision, List<Change> theirChanges, List<Change> yourChanges, List<String> changedByBoth,
                    long copyId, List<Person> savedBy) implements SaveOutcome {

        /** The message, in words. */
        public String message() {
            return savedBy.stream().map(Person::name).collect(Collectors.joining(" and ")) + " saved this draft after you opened it (revision "
                    + yourRevision + " → " + current.revision() + "). They changed: " + joined(theirChanges) + ". Your changes: "
                    + joined(yourChanges) + ". Nothing is lost: your version is kept as a copy in the draft's history; re-apply it on top"
                    + " of theirs, or continue from theirs." + (changedByBoth.isEmpty() ? "" : " Both of you changed: "
                    + String.join(", ", changedByBoth) + " — re-applying keeps yours there.");
        }

        private static String joined(List<Change> changes) {
            return changes.isEmpty() ? "nothing" : changes.stream().map(Change::words).collect(Collectors.joining("; "));
        }
    }
}
