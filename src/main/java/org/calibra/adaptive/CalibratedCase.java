package org.calibra.adaptive;

/**
 * One case of an adaptive module's bank: its 2PL parameters (logit P(correct | θ) = a (θ − b)) and the attributes the
 * module's content rules count.
 *
 * @param caseId         the case
 * @param discrimination a, &gt; 0
 * @param difficulty     b
 * @param abnormal       whether the case's truth has a finding (counts towards the abnormal minimum, else normal)
 * @param modality       e.g. "CT"; null when unknown (never counts towards a modality minimum)
 * @param aiErrorKind    the kind of AI error shown with the case, e.g. "false negative"; null when the AI is right
 */
public record CalibratedCase(String caseId, double discrimination, double difficulty, boolean abnormal, String modality,
                             String aiErrorKind) {

    public CalibratedCase {
        if (caseId == null || caseId.isBlank()) {
            throw new IllegalArgumentException("a calibrated case needs a case id");
        }
        if (!(discrimination > 0) || !Double.isFinite(discrimination)) {
            throw new IllegalArgumentException("case " + caseId + ": discrimination a must be a positive number, not "
                    + discrimination);
        }
        if (!Double.isFinite(difficulty)) {
            throw new IllegalArgumentException("case " + caseId + ": difficulty b must be a number, not " + difficulty);
        }
    }

    /** A case with no content attributes beyond normal/abnormal. */
    public static CalibratedCase of(String caseId, double a, double b, boolean abnormal) {
        return new CalibratedCase(caseId, a, b, abnormal, null, null);
    }

    /** P(correct | θ). */
    public double probabilityCorrect(double theta) {
        return 1 / (1 + Math.exp(-discrimination * (theta - difficulty)));
    }

    /** Fisher information a² P (1 − P) at θ: how much one read of this case narrows the ability there. */
    public double information(double theta) {
        double p = probabilityCorrect(theta);
        return discrimination * discrimination * p * (1 - p);
    }
}
