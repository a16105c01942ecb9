package org.calibra.adaptive;

import java.util.List;
import java.util.Map;

/**
 * The expected a posteriori (EAP) ability and its posterior standard deviation, with a standard-normal prior, on a
 * fixed grid (−6 … 6 in steps of 0.05): defined for every response pattern, unlike the maximum-likelihood estimate, which
 * runs to ±∞ while all answers are right (or all wrong).
 */
public record AbilityEstimate(double theta, double se) {

    private static final double LOW = -6;
    private static final double STEP = 0.05;
    private static final int POINTS = 241;

    public static AbilityEstimate eap(Map<String, CalibratedCase> bank, List<Response> responses) {
        double[] logPosterior = new double[POINTS];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < POINTS; k++) {
            double theta = LOW + k * STEP;
            double log = -theta * theta / 2;
            for (Response r : responses) {
                double p = bank.get(r.caseId()).probabilityCorrect(theta);
                log += Math.log(r.correct() ? p : 1 - p);
            }
            logPosterior[k] = log;
            max = Math.max(max, log);
        }
        double mass = 0;
        double first = 0;
        double second = 0;
        for (int k = 0; k < POINTS; k++) {
            double theta = LOW + k * STEP;
            double w = Math.exp(logPosterior[k] - max); // scaled so that the largest weight is 1: no underflow
            mass += w;
            first += w * theta;
            second += w * theta * theta;
        }
        double mean = first / mass;
        return new AbilityEstimate(mean, Math.sqrt(Math.max(0, second / mass - mean * mean)));
    }
}
