package org.calibra.scoring.irt;

/**
 * The Rasch (one-parameter logistic) model: per item difficulty b, one discrimination for all items.
 * {@link #fit} estimates that common discrimination (ability stays N(0, 1), so the common slope plays the role
 * of the ability spread); {@link #fitWithUnitSlope} fixes it at 1, the textbook form.
 */
public final class Rasch {

    private Rasch() {
    }

    public static IrtCalibration fit(ItemResponses responses) {
        return fit(responses, FitOptions.defaults());
    }

    public static IrtCalibration fit(ItemResponses responses, FitOptions options) {
        return new MarginalMaximumLikelihood(responses, IrtModel.RASCH_COMMON_SLOPE, options).fit();
    }

    public static IrtCalibration fitWithUnitSlope(ItemResponses responses) {
        return fitWithUnitSlope(responses, FitOptions.defaults());
    }

    public static IrtCalibration fitWithUnitSlope(ItemResponses responses, FitOptions options) {
        return new MarginalMaximumLikelihood(responses, IrtModel.RASCH_UNIT_SLOPE, options).fit();
    }
}
