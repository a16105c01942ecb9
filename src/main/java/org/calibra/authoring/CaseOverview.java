package org.calibra.authoring;

import java.time.Instant;

/**
 * One case of the staff library: its state in its life, its latest version (null while never published), where it
 * comes from ({@code bundled}: the repository's cases/ folder, shared by every institution), its open draft if any, and its
 * tags (for the library's filter).
 */
public record CaseOverview(String slug, String title, String modality, CaseState state, Integer version, boolean bundled, boolean synthetic,
                           Long openDraftId, DraftState openDraftState, Instant updatedAt, java.util.List<String> tags) {

    /** "published", "published · new version in review", "draft", … */
    public String stateInWords() {
        boolean pending = openDraftState != null && (state == CaseState.PUBLISHED || state == CaseState.RETIRED);
        return state.words() + (pending ? " · next version " + openDraftState.words() : "");
    }
}
