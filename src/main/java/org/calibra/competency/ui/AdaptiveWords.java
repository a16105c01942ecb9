package org.calibra.competency.ui;

import java.util.Locale;
import org.calibra.curriculum.content.CurriculumManifest;
import org.calibra.reading.AdaptiveStepInfo;

/** An adaptive attempt's steps and stop in words, for the decision record (ADR 0036). */
final class AdaptiveWords {

    private AdaptiveWords() {
    }

    /** Why the attempt stopped, e.g. "Stopped after 9 cases: the evidence … (likelihood ratio 19.2 ≥ 19.0)." */
    static String stop(AdaptiveStepInfo stop, CurriculumManifest.Adaptive rules) {
        int cases = stop.stepNo() - 1;
        String after = "Stopped after " + cases + (cases == 1 ? " case: " : " cases: ");
        double alpha = rules.alphaOrDefault();
        double beta = rules.betaOrDefault();
        String level = " (the pass level is " + number(rules.cut()) + " on the same scale)";
        return switch (stop.reason()) {
            case "sprt-above" -> after + "the evidence that your ability is above the pass level reached the configured certainty (likelihood ratio "
                    + ratio(Math.exp(stop.llr())) + " ≥ " + ratio((1 - beta) / alpha) + ").";
            case "sprt-below" -> after + "the evidence that your ability is below the pass level reached the configured certainty (likelihood ratio "
                    + ratio(Math.exp(-stop.llr())) + " ≥ " + ratio((1 - alpha) / beta) + " in favour of below).";
            case "interval-above" -> after + "your estimated ability " + estimate(stop) + " is above the pass level with the configured certainty"
                    + level + ".";
            case "interval-below" -> after + "your estimated ability " + estimate(stop) + " is below the pass level with the configured certainty"
                    + level + ".";
            case "maximum" -> after + "the module's maximum was reached before the evidence was certain either way, so your estimated ability "
                    + estimate(stop) + " decided: " + ("pass".equals(stop.decision()) ? "at or above" : "below") + " the pass level" + level + ".";
            default -> after + "no further calibrated case was left, so your estimated ability " + estimate(stop) + " decided: "
                    + ("pass".equals(stop.decision()) ? "at or above" : "below") + " the pass level" + level + ".";
        };
    }

    /** Why the engine chose a case. */
    static String why(AdaptiveStepInfo step) {
        return "content-minimum".equals(step.reason())
                ? "Needed to meet the module's minimum of normal or abnormal cases"
                : "The most informative case at your ability estimate then";
    }

    /** The estimate a case was chosen at, e.g. "0.31 ± 0.72". */
    static String estimate(AdaptiveStepInfo step) {
        return number(step.theta()) + " ± " + number(step.se());
    }

    static String call(AdaptiveStepInfo step) {
        return step.correct() == null ? "Not read yet" : step.correct() ? "Right" : "Wrong";
    }

    static String ratio(double value) {
        return value >= 1 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "1/%.1f", 1 / value);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replace("-", "−");
    }
}
