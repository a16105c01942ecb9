package org.calibra.reading;

/**
 * One stored step of an adaptive attempt (ADR 0036): a case the engine chose ({@code caseSlug}, with the estimate it
 * was chosen at and, once read, whether the call was correct) or the stop ({@code caseSlug} null, {@code decision}
 * "pass" or "fail"). {@code reason}: for a choice "most-informative" or "content-minimum"; for the stop the engine's
 * stop reason ("sprt-above", "sprt-below", "interval-above", "interval-below", "maximum", "bank-exhausted").
 */
public record AdaptiveStepInfo(int stepNo, String caseSlug, Long caseVersionId, Boolean correct, double theta, double se, double llr,
                               Double information, String reason, String decision) {

    public boolean isStop() {
        return caseSlug == null;
    }
}
