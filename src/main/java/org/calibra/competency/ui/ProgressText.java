package org.calibra.competency.ui;

import org.calibra.competency.ModuleProgress;
import org.calibra.curriculum.MetricLabels;
import org.calibra.scoring.domain.Proportion;
import org.calibra.scoring.domain.ThresholdResult;

/** Metrics and thresholds in plain words, for residents. */
public final class ProgressText {
    private ProgressText() {
    }

    public static String proportion(Proportion p) {
        if (!p.isDefined()) {
            return "not measured yet";
        }
        return String.format("%d%% (%d of %d; 95%% CI %d–%d%%)", pct(p.estimate().getAsDouble()), p.successes(), p.trials(),
                pct(p.lower().getAsDouble()), pct(p.upper().getAsDouble()));
    }

    /** ROC AUC of the case-level call and confidence, and wAFROC of the marks, each with its interval, in words. */
    public static java.util.List<String> performance(org.calibra.scoring.ObserverPerformance p) {
        var lines = new java.util.ArrayList<String>();
        p.rocAuc().ifPresent(a -> lines.add("ROC AUC of your calls and confidence: " + two(a.auc())
                + a.ci95().map(ci -> interval(ci, "DeLong", a.normals() + a.abnormals()))
                        .orElse(" (interval after two normal and two abnormal cases)")));
        p.wafroc().ifPresent(w -> lines.add("wAFROC figure of merit of your marks: " + two(w.estimate())
                + interval(w.interval(), "bootstrap", -1)));
        return lines;
    }

    /** Reliance on the AI in plain words; empty when no case was read with the AI available. */
    public static java.util.List<String> reliance(org.calibra.scoring.domain.reliance.RelianceMeasures r) {
        var lines = new java.util.ArrayList<String>();
        if (r.aiRequested().isDefined()) {
            lines.add("You asked for the AI on " + r.aiRequested().successes() + " of " + r.aiRequested().trials() + " case(s) where it was on offer.");
        }
        if (!r.accuracyWhenAiRight().isDefined() && !r.accuracyWhenAiWrong().isDefined()) {
            return lines;
        }
        lines.add("When the AI was right, you were right: " + proportion(r.accuracyWhenAiRight())
                + ". When it was wrong: " + proportion(r.accuracyWhenAiWrong()) + ".");
        lines.add("You followed a wrong AI: " + proportion(r.overReliance()) + ". You overrode a right AI: " + proportion(r.underReliance()) + ".");
        if (r.pairedCases() > 0) {
            lines.add("After a wrong first read, you switched to a right AI (RAIR): " + proportion(r.relativeAiReliance())
                    + ". After a right first read, you held against a wrong AI (RSR): " + proportion(r.relativeSelfReliance()) + ".");
            lines.add("Accuracy before the AI " + pct(r.initialAccuracy().estimate().getAsDouble()) + "%, after "
                    + pct(r.finalAccuracyPaired().estimate().getAsDouble()) + "% on the same " + r.pairedCases() + " case(s): "
                    + String.format(java.util.Locale.ROOT, "%+d", pct(r.accuracyGained().getAsDouble())) + " points.");
        }
        return lines;
    }

    /** A zero-width interval (perfect separation, or too few cases) says nothing: say so rather than print "1.00–1.00". */
    private static String interval(org.calibra.scoring.domain.roc.ConfidenceInterval ci, String method, int cases) {
        if (ci.upper() - ci.lower() < 1e-9) {
            return " (no interval yet: too few cases, or all perfectly separated" + (cases > 0 ? " on " + cases + " cases" : "") + ")";
        }
        return " (95% CI " + two(ci.lower()) + "–" + two(ci.upper()) + ", " + method + ")";
    }

    private static String two(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    public static String threshold(ThresholdResult r) {
        var t = r.threshold();
        String what = (t.bound() == org.calibra.scoring.domain.Threshold.Bound.LOWER ? "lower 95% bound of " : "")
                + MetricLabels.of(t.metric()) + " at least " + pct(t.min()) + "%";
        return switch (r.status()) {
            case MET -> what + " — met (" + pct(r.observed().getAsDouble()) + "%)";
            case NOT_MET -> what + " — not met yet (" + pct(r.observed().getAsDouble()) + "%)";
            case NOT_YET_MEASURABLE -> what + " — not measurable yet";
        };
    }

    public static String status(ModuleProgress p) {
        if (p.passed()) {
            return "Passed";
        }
        if (p.finishedWithoutPassing()) {
            return "Finished — thresholds not met";
        }
        if (!p.started()) {
            return "Not started";
        }
        int left = Math.max(0, p.module().minimumCases() - p.casesRead());
        return left > 0 ? "In progress — " + left + " more case(s) before assessment" : "In progress — thresholds not met yet";
    }

    static int pct(double v) {
        return (int) Math.round(v * 100);
    }
}
