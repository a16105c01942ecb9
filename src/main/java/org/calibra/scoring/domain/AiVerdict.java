package org.calibra.scoring.domain;

/**
 * The AI's case-level call, compared with the truth.
 *
 * @param score          the AI's case-level abnormality probability, 0..1
 * @param operatingPoint score at or above which the AI calls the case abnormal, 0..1
 * @param truthAbnormal  ground truth
 */
public record AiVerdict(double score, double operatingPoint, boolean truthAbnormal) {

    public static final double DEFAULT_OPERATING_POINT = 0.5;

    public AiVerdict {
        Checks.requireUnitInterval(score, "AI score");
        Checks.requireUnitInterval(operatingPoint, "AI operating point");
    }

    /** At the default operating point of 0.5. */
    public static AiVerdict of(double score, boolean truthAbnormal) {
        return new AiVerdict(score, DEFAULT_OPERATING_POINT, truthAbnormal);
    }

    public boolean callsAbnormal() {
        return score >= operatingPoint;
    }

    public boolean correct() {
        return callsAbnormal() == truthAbnormal;
    }

    public CaseOutcome outcome() {
        return CaseOutcome.of(truthAbnormal, callsAbnormal());
    }
}
