package org.calibra.authoring;

import java.time.Instant;
import java.util.List;
import org.calibra.casebank.CaseContent;

/**
 * A case's staff page: its state, its latest version's whole content ({@code latest}; null while only a draft), its
 * versions with who and what changed, its open draft, the review comments on its drafts, and what the signed-in
 * educator may do with it.
 */
public record CaseDetails(String slug, CaseState state, boolean bundled, Instant retiredAt, CaseContent latest, List<VersionEntry> versions,
                          CaseDraft openDraft, List<ReviewComment> comments, boolean mayEdit, boolean mayRetire) {}
