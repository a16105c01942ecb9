package org.calibra.scoring.domain.roc;

import java.util.Objects;

/**
 * A reader's case-level decision: the normal/abnormal call with a confidence 1..5 in that call.
 *
 * @param caseId        the case
 * @param truthAbnormal ground truth
 * @param callAbnormal  the reader's call
 * @param confidence    1 (unsure) .. 5 (certain) in the call
 */
public record CaseCall(String caseId, boolean truthAbnormal, boolean callAbnormal, int confidence) {

    public static final int MIN_CONFIDENCE = 1;
    public static final int MAX_CONFIDENCE = 5;

    public CaseCall {
        Objects.requireNonNull(caseId, "caseId");
        rocRating(callAbnormal, confidence); // validates the confidence
    }

    /** This call on the 1..10 ROC scale; see {@link #rocRating(boolean, int)}. */
    public int rocRating() {
        return rocRating(callAbnormal, confidence);
    }

    /**
     * Folds (call, confidence) into one ordinal "suspicion of disease" scale, 1..10:
     * <pre>
     * normal   5 4 3 2 1 | abnormal 1 2 3 4 5
     * rating   1 2 3 4 5 |          6 7 8 9 10
     * </pre>
     * A confident normal call is the least suspicious and a confident abnormal call the most. Every
     * abnormal call ranks above every normal call, so the threshold between 5 and 6 reproduces the
     * binary call, and its (1 − specificity, sensitivity) is a point of the empirical ROC curve.
     */
    public static int rocRating(boolean callAbnormal, int confidence) {
        if (confidence < MIN_CONFIDENCE || confidence > MAX_CONFIDENCE) {
            throw new IllegalArgumentException("confidence must be between " + MIN_CONFIDENCE + " and "
                    + MAX_CONFIDENCE + ", was " + confidence);
        }
        return callAbnormal ? MAX_CONFIDENCE + confidence : MAX_CONFIDENCE + 1 - confidence;
    }
}
