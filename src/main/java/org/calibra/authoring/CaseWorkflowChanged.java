package org.calibra.authoring;

import java.util.Map;

/**
 * A step in a case's life (ADR 0021), published in the transaction that took it, for the audit trail: who ({@code actorId}),
 * which case and draft, and the step's details ({@code selfApproved} when an author approved their own case, the version
 * published, the comment's length…). Handlers act on this data only.
 */
public record CaseWorkflowChanged(Kind kind, String slug, Long draftId, long actorId, Map<String, Object> details) {

    public enum Kind {
        DRAFT_CREATED, SENT_FOR_REVIEW, SENT_BACK, APPROVED, PUBLISHED, DRAFT_DISCARDED, RETIRED, UNRETIRED
    }

    public CaseWorkflowChanged {
        details = Map.copyOf(details);
    }
}
