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
