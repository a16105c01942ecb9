package org.calibra.authoring;

import java.time.Instant;

/** A comment on a case's draft: {@code kind} COMMENT, SENT_BACK (why it went back to its authors) or APPROVED. */
public record ReviewComment(long id, long draftId, Person author, Instant at, Kind kind, String text, int revision) {

    public enum Kind {
        COMMENT("commented"), SENT_BACK("sent it back"), APPROVED("approved and published");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }
}
