package org.calibra.scoring.domain;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether one lesion was localised, and by which mark.
 *
 * @param lesionId the lesion
 * @param markId   the counting (highest-rated) mark; empty when missed
 * @param rating   that mark's rating 1..5; empty when missed
 */
public record LesionOutcome(String lesionId, Optional<String> markId, OptionalInt rating) {

    public LesionOutcome {
        Checks.requireId(lesionId, "LesionOutcome lesionId");
        if (markId == null || rating == null || markId.isPresent() != rating.isPresent()) {
            throw new IllegalArgumentException("LesionOutcome " + lesionId
                    + " needs both a mark id and a rating, or neither");
        }
    }

    public static LesionOutcome detected(String lesionId, String markId, int rating) {
        return new LesionOutcome(lesionId, Optional.of(Checks.requireId(markId, "markId")), OptionalInt.of(rating));
    }

    public static LesionOutcome missed(String lesionId) {
        return new LesionOutcome(lesionId, Optional.empty(), OptionalInt.empty());
    }

    public boolean detected() {
        return markId.isPresent();
    }
}
