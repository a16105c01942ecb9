package org.calibra.adaptive;

import java.util.Map;
import java.util.TreeMap;

/**
 * An adaptive module's rules.
 *
 * @param cut                θ_c: the ability at the pass level
 * @param delta              δ: half-width of the indifference region; the SPRT tests θ_c + δ against θ_c − δ
 * @param alpha              α: the accepted chance of passing a trainee whose ability is θ_c − δ
 * @param beta               β: the accepted chance of failing a trainee whose ability is θ_c + δ
 * @param minimumCases       no decision before this many reads
 * @param maximumCases       the attempt ends here at the latest (decided by the estimate against the cut)
 * @param minimumNormal      reads of normal cases the attempt must include
 * @param minimumAbnormal    reads of abnormal cases the attempt must include
 * @param minimumPerModality reads per modality the attempt must include (e.g. CT → 2)
 * @param minimumPerAiError  reads per kind of AI error the attempt must include
 * @param stopping           SPRT or confidence interval
 * @param selection          where information is maximised
 * @param seed               breaks ties between equally informative cases, so that two runs choose alike
 */
public record AdaptiveRules(double cut, double delta, double alpha, double beta, int minimumCases, int maximumCases,
                            int minimumNormal, int minimumAbnormal, Map<String, Integer> minimumPerModality,
                            Map<String, Integer> minimumPerAiError, StoppingRule stopping, SelectionPoint selection,
                            long seed) {

    public AdaptiveRules {
        require(Double.isFinite(cut), "cut", cut, "a number (the ability at the pass level)");
        require(delta > 0 && delta < 3, "delta", delta, "a number above 0 and below 3");
        require(alpha > 0 && alpha < 0.5, "alpha", alpha, "a probability above 0 and below 0.5");
        require(beta > 0 && beta < 0.5, "beta", beta, "a probability above 0 and below 0.5");
        require(minimumCases >= 1, "minimum cases", minimumCases, "at least 1");
        require(maximumCases >= minimumCases, "maximum cases", maximumCases, "at least the minimum (" + minimumCases + ")");
        require(minimumNormal >= 0, "minimum normal cases", minimumNormal, "0 or more");
        require(minimumAbnormal >= 0, "minimum abnormal cases", minimumAbnormal, "0 or more");
        minimumPerModality = new TreeMap<>(minimumPerModality == null ? Map.of() : minimumPerModality);
        minimumPerAiError = new TreeMap<>(minimumPerAiError == null ? Map.of() : minimumPerAiError);
        int quotas = minimumNormal + minimumAbnormal;
        require(quotas <= maximumCases, "minimum normal + abnormal cases", quotas,
                "at most the maximum cases (" + maximumCases + ")");
        if (stopping == null) {
            stopping = StoppingRule.SPRT;
        }
        if (selection == null) {
            selection = SelectionPoint.ESTIMATE;
        }
    }

    /** SPRT at the given cut with the usual 5 % error rates, δ = 0.5, between 5 and {@code maximumCases} reads. */
    public static AdaptiveRules sprt(double cut, int maximumCases) {
        return new AdaptiveRules(cut, 0.5, 0.05, 0.05, Math.min(5, maximumCases), maximumCases, 0, 0, Map.of(), Map.of(),
                StoppingRule.SPRT, SelectionPoint.ESTIMATE, 1L);
    }

    /** log((1 − β)/α): the SPRT passes when the log-likelihood ratio reaches it. */
    public double upperBound() {
        return Math.log((1 - beta) / alpha);
    }

    /** log(β/(1 − α)): the SPRT fails when the log-likelihood ratio falls to it. */
    public double lowerBound() {
        return Math.log(beta / (1 - alpha));
    }

    public AdaptiveRules withStopping(StoppingRule rule) {
        return new AdaptiveRules(cut, delta, alpha, beta, minimumCases, maximumCases, minimumNormal, minimumAbnormal,
                minimumPerModality, minimumPerAiError, rule, selection, seed);
    }

    public AdaptiveRules withSelection(SelectionPoint point) {
        return new AdaptiveRules(cut, delta, alpha, beta, minimumCases, maximumCases, minimumNormal, minimumAbnormal,
                minimumPerModality, minimumPerAiError, stopping, point, seed);
    }

    public AdaptiveRules withSeed(long newSeed) {
        return new AdaptiveRules(cut, delta, alpha, beta, minimumCases, maximumCases, minimumNormal, minimumAbnormal,
                minimumPerModality, minimumPerAiError, stopping, selection, newSeed);
    }

    public AdaptiveRules withQuotas(int normal, int abnormal) {
        return new AdaptiveRules(cut, delta, alpha, beta, minimumCases, maximumCases, normal, abnormal,
                minimumPerModality, minimumPerAiError, stopping, selection, seed);
    }

    private static void require(boolean ok, String field, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("adaptive rules: " + field + " is " + value + "; expected " + expected);
        }
    }
}
