package org.calibra.scoring.domain;

/**
 * One read of one case reduced to the counts the module metrics need.
 *
 * @param truthAbnormal  ground truth: the case has disease
 * @param readAbnormal   the reader's case-level call
 * @param lesionCount    lesions in the ground truth
 * @param detectedCount  lesions localised (LLs), 0..lesionCount
 * @param nlCount        non-lesion localisations (false-positive marks)
 */
public record ScoredCase(boolean truthAbnormal, boolean readAbnormal, int lesionCount, int detectedCount,
        int nlCount) {

    public ScoredCase {
        Checks.requireNonNegative(lesionCount, "lesionCount");
        Checks.requireNonNegative(detectedCount, "detectedCount");
        Checks.requireNonNegative(nlCount, "nlCount");
        if (detectedCount > lesionCount) {
            throw new IllegalArgumentException("detectedCount (" + detectedCount
                    + ") must not exceed lesionCount (" + lesionCount + ")");
        }
        // An abnormal case may lack outlined lesions (e.g. diffuse disease); a normal one may not have any.
        if (!truthAbnormal && lesionCount > 0) {
            throw new IllegalArgumentException("a normal case cannot have lesions, had " + lesionCount);
        }
    }

    public static ScoredCase of(boolean truthAbnormal, boolean readAbnormal, MatchResult match) {
        return new ScoredCase(truthAbnormal, readAbnormal, match.lesionCount(), match.detectedCount(),
                match.nonLesionLocalisationCount());
    }

    public CaseOutcome outcome() {
        return CaseOutcome.of(truthAbnormal, readAbnormal);
    }
}
