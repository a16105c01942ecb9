package org.calibra.scoring.domain;

/** Case-level (ROC) outcome of a read: the reader's normal/abnormal call against the truth. */
public enum CaseOutcome {
    TRUE_POSITIVE("TP"),
    FALSE_POSITIVE("FP"),
    TRUE_NEGATIVE("TN"),
    FALSE_NEGATIVE("FN");

    private final String abbreviation;

    CaseOutcome(String abbreviation) {
        this.abbreviation = abbreviation;
    }

    public static CaseOutcome of(boolean truthAbnormal, boolean readAbnormal) {
        if (truthAbnormal) {
            return readAbnormal ? TRUE_POSITIVE : FALSE_NEGATIVE;
        }
        return readAbnormal ? FALSE_POSITIVE : TRUE_NEGATIVE;
    }

    /** "TP", "FP", "TN" or "FN". */
    public String abbreviation() {
        return abbreviation;
    }

    /** True for TP and TN: the call matches the truth. */
    public boolean correct() {
        return this == TRUE_POSITIVE || this == TRUE_NEGATIVE;
    }
}
