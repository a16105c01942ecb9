package org.calibra.authoring;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A case draft as pages and callers see it. {@code revision}: what a save or a review decision must name (optimistic
 * locking); {@code problems}: what the last validation found — nothing may go to review or be published while any is
 * left; {@code stack}: the images as far as they could be read; {@code source}: upload, skeleton (uploaded without
 * case.yaml) or edit (of a published version, {@code baseVersionId}); {@code contributors}: everyone who created or
 * saved it — none of them may approve it unless self-approval is allowed.
 */
public record CaseDraft(long id, String slug, long institutionId, DraftState state, String source, Long baseVersionId, int revision,
                        DraftContent content, List<DraftProblem> problems, List<FlaggedImage> flagged, List<DraftImage> stack,
                        String deidReport, Person author, Instant createdAt, Person updatedBy, Instant updatedAt, Person submittedBy,
                        Instant submittedAt, Set<Long> contributors, Long publishedVersionId) {

    public String title() {
        return content.manifest().title();
    }

    public boolean readyForReview() {
        return problems.isEmpty();
    }
}
