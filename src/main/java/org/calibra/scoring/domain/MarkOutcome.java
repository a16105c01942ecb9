package org.calibra.scoring.domain;

import java.util.Optional;

/** What one mark turned out to be after matching against the lesions of its case. */
public sealed interface MarkOutcome {

    /** The three FROC classes of a mark, for code that prefers a switch over patterns. */
    enum Kind {
        /** Lesion localisation (LL): the counting mark of a lesion. */
        HIT,
        /**
         * Within a lesion's acceptance region but another mark on that lesion was rated higher (or
         * equal and nearer). Discarded: neither LL nor NL, per Chakraborty.
         */
        DUPLICATE,
        /** Non-lesion localisation (NL). */
        FALSE_POSITIVE
    }

    String markId();

    Kind kind();

    /** The lesion a {@link Hit} or {@link Duplicate} lies on; empty for a false positive. */
    Optional<String> matchedLesionId();

    /** True when the mark lies on a lesion, whether or not it is the one that counts. */
    default boolean localisesLesion() {
        return kind() != Kind.FALSE_POSITIVE;
    }

    record Hit(String markId, String lesionId) implements MarkOutcome {
        public Hit {
            Checks.requireId(markId, "Hit markId");
            Checks.requireId(lesionId, "Hit lesionId");
        }

        @Override
        public Kind kind() {
            return Kind.HIT;
        }

        @Override
        public Optional<String> matchedLesionId() {
            return Optional.of(lesionId);
        }
    }

    record Duplicate(String markId, String lesionId) implements MarkOutcome {
        public Duplicate {
            Checks.requireId(markId, "Duplicate markId");
            Checks.requireId(lesionId, "Duplicate lesionId");
        }

        @Override
        public Kind kind() {
            return Kind.DUPLICATE;
        }

        @Override
        public Optional<String> matchedLesionId() {
            return Optional.of(lesionId);
        }
    }

    record FalsePositive(String markId) implements MarkOutcome {
        public FalsePositive {
            Checks.requireId(markId, "FalsePositive markId");
        }

        @Override
        public Kind kind() {
            return Kind.FALSE_POSITIVE;
        }

        @Override
        public Optional<String> matchedLesionId() {
            return Optional.empty();
        }
    }
}
