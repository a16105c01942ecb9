package org.calibra.authoring;

/**
 * Where a case is in its life (ADR 0021): a draft nobody reads yet, in review by a second educator, published (read by
 * modules; it may have a draft of its next version open), or retired (no new draws; past reads, records and certificates
 * stay). {@code HELD} and {@code REJECTED}: uploads held for review of burned-in text before drafts existed.
 */
public enum CaseState {
    DRAFT("draft"), IN_REVIEW("in review"), PUBLISHED("published"), RETIRED("retired"),
    HELD("held for review (uploaded before drafts)"), REJECTED("rejected upload");

    private final String words;

    CaseState(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
