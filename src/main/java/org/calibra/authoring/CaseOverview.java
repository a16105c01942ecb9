package org.calibra.authoring;

import java.time.Instant;

/**
 * One case of the staff library: its state in its life, its latest version (null while never published), where it
 * comes from ({@code bundled}: the repository's cases/ folder, shared by every institution), and its open draft if any.
 */
public record CaseOverview(String slug, String title, String modality, CaseState state, Integer version, boolean bundled, boolean synthetic,
                           Long openDraftId, DraftState openDraftState, Instant updatedAt) {

    /** "published", "published · new version in review", "draft", … */
    public String stateInWords() {
        boolean pending = openDraftState != null && (state == CaseState.PUBLISHED || state == CaseState.RETIRED);
        return state.words() + (pending ? " · next version " + openDraftState.words() : "");
    }
}
