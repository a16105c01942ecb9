package org.calibra.scoring.irt;

/**
 * The fitted parameters of one item, in the IRT parametrisation logit P(correct | θ) = a (θ − b).
 *
 * @param item             the item's label
 * @param difficulty       b: the ability at which a person has even odds of answering correctly
 * @param discrimination   a: the slope of the log-odds in ability
 * @param difficultySe     standard error of b (observed information, delta method)
 * @param discriminationSe standard error of a; NaN when a is fixed (Rasch with unit slope)
 * @param answered         persons who answered the item
 * @param correct          of them, those who answered correctly
 */
public record ItemParameters(String item, double difficulty, double discrimination, double difficultySe,
        double discriminationSe, double answered, double correct) {

    /** The intercept d = −a·b of the slope–intercept form logit P = a θ + d (mirt's parametrisation). */
    public double intercept() {
        return -discrimination * difficulty;
    }

    /** Probability of a correct answer at ability θ. */
    public double probabilityCorrect(double theta) {
        return 1 / (1 + Math.exp(-discrimination * (theta - difficulty)));
    }
}
