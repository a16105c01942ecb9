package org.calibra.scoring.irt;

/** The two-parameter logistic model: per item difficulty b and discrimination a. */
public final class TwoParameterLogistic {

    private TwoParameterLogistic() {
    }

    public static IrtCalibration fit(ItemResponses responses) {
        return fit(responses, FitOptions.defaults());
    }

    public static IrtCalibration fit(ItemResponses responses, FitOptions options) {
        return new MarginalMaximumLikelihood(responses, IrtModel.TWO_PARAMETER_LOGISTIC, options).fit();
    }
}
