package org.calibra.oversight.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.calibra.competency.domain.MetricValues;
import org.calibra.competency.domain.ThresholdResult;
import org.calibra.curriculum.MetricLabels;
import org.calibra.reading.AttemptInfo;
import org.calibra.scoring.domain.Proportion;
import org.calibra.scoring.domain.reliance.RelianceMeasures;

/**
 * The oversight pages' words for educators. Thresholds are worded by competency's {@code ThresholdWords}, as on the
 * decision record and the module page; proportions by {@link Proportion#inWords()}.
 */
final class OversightText {
    private OversightText() {
    }

    static String status(AttemptInfo.Status status, String endReason) {
        return switch (status) {
            case IN_PROGRESS -> "in progress";
            case PASSED -> "passed";
            case NOT_PASSED -> AttemptInfo.ENDED_BY_TIME_LIMIT.equals(endReason) ? "not passed — time limit reached" : "not passed — thresholds not met";
        };
    }

    /** The threshold, its result and the estimate with its 95% interval. */
    static String threshold(ThresholdResult r, MetricValues values) {
        return org.calibra.competency.parts.ThresholdWords.withEstimate(r, values);
    }

    static String threshold(ThresholdResult r) {
        return org.calibra.competency.parts.ThresholdWords.of(r);
    }

    /** Over- and under-reliance (and, with second-reader cases, RAIR and RSR) in words; one line saying so when the AI was never seen. */
    static List<String> reliance(RelianceMeasures r) {
        var lines = new ArrayList<String>();
        if (!r.overReliance().isDefined() && !r.underReliance().isDefined()) {
            lines.add("No case read with the AI in view.");
        } else {
            lines.add(capitalised(MetricLabels.of("overReliance")) + ": " + r.overReliance().inWords());
            lines.add(capitalised(MetricLabels.of("underReliance")) + ": " + r.underReliance().inWords());
        }
        if (r.pairedCases() > 0) {
            lines.add(capitalised(MetricLabels.of("relativeAiReliance")) + ": " + r.relativeAiReliance().inWords());
            lines.add(capitalised(MetricLabels.of("relativeSelfReliance")) + ": " + r.relativeSelfReliance().inWords());
        }
        if (r.aiRequested().isDefined()) {
            lines.add("Asked for the AI: " + r.aiRequested().inWords());
        }
        return lines;
    }

    /** "none", "45 s", "3 min 20 s", "1 h 5 min". */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s <= 0) {
            return "none";
        }
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 > 0 ? " " + (s % 60) + " s" : "");
        }
        return (s / 3600) + " h" + ((s % 3600) / 60 > 0 ? " " + ((s % 3600) / 60) + " min" : "");
    }

    /** A proportion as a whole percentage with its count, e.g. "67% (2 of 3)", or "no reads" when it has no trials. */
    static String share(Proportion p) {
        return p.isDefined() ? Math.round(p.estimate().getAsDouble() * 100) + "% (" + p.successes() + " of " + p.trials() + ")" : "no reads";
    }

    static String number(OptionalDouble v, String none) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.2f", v.getAsDouble()) : none;
    }

    static String percent(double v) {
        return Math.round(v * 100) + "%";
    }

    static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
