package org.calibra.curriculum;

import java.util.List;
import java.util.Locale;

/** The metrics a threshold can name, in the words residents read. Keys match scoring's Metric (a test checks it). */
public final class MetricLabels {

    /** Threshold metric keys, in the order docs/curriculum-format.md lists them. */
    public static final List<String> KEYS = List.of("sensitivity", "specificity", "accuracy", "lesionLocalisationFraction", "nlPerCase",
            "rocAuc", "wAFROC", "overReliance", "underReliance", "relativeAiReliance", "relativeSelfReliance", "aiEffect");

    /** The AI's effect on a reader: a difference of two AUCs, from -1 to 1, that goes with min only. */
    public static final String AI_EFFECT = "aiEffect";

    /** Metrics without a 95% interval, so only their point estimate can be compared. */
    public static final List<String> POINT_ONLY = List.of("nlPerCase");

    private MetricLabels() {
    }

    public static String of(String metric) {
        return switch (metric) {
            case "lesionLocalisationFraction" -> "lesions found";
            case "nlPerCase" -> "false marks per case";
            case "rocAuc" -> "ROC AUC";
            case "wAFROC" -> "wAFROC figure of merit";
            case "overReliance" -> "following a wrong AI (over-reliance)";
            case "underReliance" -> "overriding a right AI (under-reliance)";
            case "relativeAiReliance" -> "switching to a right AI (RAIR)";
            case "relativeSelfReliance" -> "holding against a wrong AI (RSR)";
            case AI_EFFECT -> "ROC AUC with the AI minus without";
            default -> metric;
        };
    }

    /** A difference with its sign, two decimals: "+0.06", "−0.03", "0.00" (a true minus sign, as screen readers say it). */
    public static String signed(double v) {
        String digits = String.format(Locale.ROOT, "%.2f", Math.abs(v));
        return digits.equals("0.00") ? digits : (v > 0 ? "+" : "\u2212") + digits;
    }

    /** Proportions as percentages, AUCs as two decimals, rates as they are. */
    public static String value(String metric, double v) {
        return switch (metric) {
            case "rocAuc", "wAFROC" -> String.format(Locale.ROOT, "%.2f", v);
            case "nlPerCase" -> String.format(Locale.ROOT, "%.2f", v);
            case AI_EFFECT -> signed(v);
            default -> Math.round(v * 100) + "%";
        };
    }
}
