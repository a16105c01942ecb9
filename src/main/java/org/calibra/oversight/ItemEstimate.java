package org.calibra.oversight;

/**
 * One case's calibrated parameters, in the IRT parametrisation P(right call | θ) = 1 / (1 + exp(−a (θ − b))), with the
 * readers' ability θ standard normal.
 *
 * @param caseId           the case's slug
 * @param difficulty       b: the ability at which a reader has even odds of a right call (0 = the average reader)
 * @param seDifficulty     standard error of b
 * @param discrimination   a: how steeply the chance of a right call rises with ability; under Rasch the one value shared by all cases
 * @param seDiscrimination standard error of a
 * @param model            the model it comes from
 */
public record ItemEstimate(String caseId, double difficulty, double seDifficulty, double discrimination, double seDiscrimination,
                           CalibrationModel model) {

    /** Probability that a reader of ability θ calls the case right. */
    public double probabilityRight(double theta) {
        return 1 / (1 + Math.exp(-discrimination * (theta - difficulty)));
    }
}
