package org.calibra.authoring;

/** Where a draft is: being written, waiting for a second educator, published as a case version, or discarded. */
public enum DraftState {
    DRAFT("draft"), IN_REVIEW("in review"), PUBLISHED("published"), DISCARDED("discarded");

    private final String words;

    DraftState(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** A draft that is still being worked on or reviewed: at most one per case. */
    public boolean open() {
        return this == DRAFT || this == IN_REVIEW;
    }
}
