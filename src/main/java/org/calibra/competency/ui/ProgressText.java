package org.calibra.competency.ui;

import org.calibra.competency.ModuleProgress;
import org.calibra.curriculum.MetricLabels;
import org.calibra.shared.DisplayWords;
import org.calibra.scoring.domain.Proportion;
import org.calibra.competency.domain.ThresholdResult;

/** Metrics and thresholds in plain words, for residents. */
public final class ProgressText {
    private ProgressText() {
    }

    public static String proportion(Proportion p) {
        return p.inWords();
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

    /**
     * The AI's effect on the reader of a second-reader module, in words: "The AI's effect on you: your ROC AUC went from 0.72
     * unaided to 0.81 with the AI, a change of +0.09 (95% interval −0.02 to +0.20), on 7 cases read both ways."
     */
    public static String aiEffect(java.util.Optional<org.calibra.scoring.mrmc.PairedFomDifference> effect) {
        if (effect.isEmpty()) {
            return "The AI's effect on you: not measurable yet — it needs a normal and an abnormal case read both without and with the AI.";
        }
        var d = effect.get();
        String signed = org.calibra.curriculum.MetricLabels.signed(d.difference());
        return "The AI's effect on you: your " + d.figure() + " went from " + two(d.first()) + " unaided to " + two(d.second())
                + " with the AI, a change of " + signed + d.ci95().map(ci -> " (95% interval " + org.calibra.curriculum.MetricLabels.signed(ci.lower())
                + " to " + org.calibra.curriculum.MetricLabels.signed(ci.upper()) + ", paired DeLong)")
                .orElse(" (an interval needs 2 normal and 2 abnormal cases read both ways)") + ", on " + (d.normals() + d.abnormals())
                + " cases read both ways.";
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

    /** A threshold, and the metric's estimate with its 95% interval in words when it has one. */
    public static String threshold(ThresholdResult r, org.calibra.competency.domain.MetricValues values) {
        return org.calibra.competency.parts.ThresholdWords.withEstimate(r, values);
    }

    public static String threshold(ThresholdResult r) {
        return org.calibra.competency.parts.ThresholdWords.of(r);
    }

    /** One review item in words, e.g. "called normal, but abnormal · 1 lesion missed". */
    public static String whatWentWrong(org.calibra.scoring.ScoringService.ReviewItem item) {
        var parts = new java.util.ArrayList<String>();
        switch (item.caseOutcome()) {
            case "FN" -> parts.add("called normal, but abnormal");
            case "FP" -> parts.add("called abnormal, but normal");
            default -> { }
        }
        if (item.wrongDiagnosis()) {
            parts.add("wrong diagnosis");
        }
        if (item.lesionsMissed() > 0) {
            parts.add(item.lesionsMissed() + (item.lesionsMissed() == 1 ? " lesion" : " lesions") + " missed");
        }
        if (item.falseMarks() > 0) {
            parts.add(item.falseMarks() + (item.falseMarks() == 1 ? " false mark" : " false marks"));
        }
        return String.join(" · ", parts);
    }

    /** A metric against the cohort, e.g. "Sensitivity: you 67%; others' median 71% (middle half 60%–80%); 40th percentile". */
    public static String cohortLine(String metric, org.calibra.scoring.domain.CohortStats s) {
        String name = MetricLabels.of(metric);
        String text = Character.toUpperCase(name.charAt(0)) + name.substring(1) + ": ";
        text += s.you().isPresent() ? "you " + MetricLabels.value(metric, s.you().getAsDouble()) + "; " : "";
        text += "others' median " + MetricLabels.value(metric, s.median()) + " (middle half " + MetricLabels.value(metric, s.p25()) + "–"
                + MetricLabels.value(metric, s.p75()) + ")";
        if (s.percentileOfYou().isPresent()) {
            text += "; you are at the " + ordinal((int) Math.round(s.percentileOfYou().getAsDouble() * 100)) + " percentile";
        }
        return text;
    }

    private static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /** The reliance measures that have data, as bars with their Wilson intervals. */
    static java.util.List<CurveChart.Bar> relianceBars(org.calibra.scoring.domain.reliance.RelianceMeasures r) {
        var bars = new java.util.ArrayList<CurveChart.Bar>();
        bar(bars, "Right when the AI was right", r.accuracyWhenAiRight());
        bar(bars, "Right when the AI was wrong", r.accuracyWhenAiWrong());
        bar(bars, "Followed a wrong AI", r.overReliance());
        bar(bars, "Overrode a right AI", r.underReliance());
        bar(bars, "Switched to a right AI (RAIR)", r.relativeAiReliance());
        bar(bars, "Held against a wrong AI (RSR)", r.relativeSelfReliance());
        bar(bars, "Asked for the AI", r.aiRequested());
        return bars;
    }

    private static void bar(java.util.List<CurveChart.Bar> bars, String label, org.calibra.scoring.domain.Proportion p) {
        if (p.isDefined()) {
            bars.add(new CurveChart.Bar(label, p.estimate().getAsDouble(), p.lower().getAsDouble(), p.upper().getAsDouble(),
                    p.successes() + "/" + p.trials()));
        }
    }

    /**
     * The module's state in one line, its case counts the same on Home, the module page and the feedback page:
     * "Passed after 6 of 7 cases", "In progress — 3 of 7 cases read; 2 more before a decision".
     */
    public static String status(ModuleProgress p) {
        if (p.passed()) {
            return "Passed after " + p.casesRead() + " of " + DisplayWords.count(p.casesTotal(), "case", "cases");
        }
        if (p.finishedWithoutPassing()) {
            return org.calibra.reading.AttemptInfo.ENDED_BY_TIME_LIMIT.equals(p.attempt().orElseThrow().endReason())
                    ? "Ended — time limit reached after " + p.casesRead() + " of " + DisplayWords.count(p.casesTotal(), "case", "cases")
                    : "Not passed — thresholds not met after " + p.casesRead() + " of " + DisplayWords.count(p.casesTotal(), "case", "cases");
        }
        if (p.locked()) {
            return "Locked — pass " + String.join(" and ", p.missingPrerequisites().stream().map(t -> "'" + t + "'").toList()) + " first";
        }
        if (!p.started()) {
            return "Not started — " + DisplayWords.count(p.casesTotal(), "case", "cases") + ", a decision after " + p.module().minimumCases();
        }
        String read = p.casesRead() + " of " + DisplayWords.count(p.casesTotal(), "case", "cases") + " read";
        if (p.unreachable().isPresent()) {
            return "In progress — " + read + "; the thresholds can no longer be met in this attempt";
        }
        int left = Math.max(0, p.module().minimumCases() - p.casesRead());
        return "In progress — " + read + (left > 0 ? "; " + left + " more before a decision" : "; thresholds not met yet");
    }

    /** An attempt's outcome with its counts, for its decision record: "Passed after 6 of the 7 cases drawn for this attempt". */
    public static String attemptOutcome(org.calibra.reading.AttemptInfo a, long counted) {
        String of = counted + " of the " + DisplayWords.count(a.caseSlugs().size(), "case", "cases") + " drawn for this attempt";
        return switch (a.status()) {
            case PASSED -> "Passed after " + of;
            case NOT_PASSED -> org.calibra.reading.AttemptInfo.ENDED_BY_TIME_LIMIT.equals(a.endReason())
                    ? "Not passed: the time limit was reached after " + of
                    : org.calibra.reading.AttemptInfo.ENDED_BY_ADAPTIVE_DECISION.equals(a.endReason())
                    ? "Not passed: the adaptive module decided after " + of
                    : "Not passed: the thresholds were not met after " + of;
            case IN_PROGRESS -> "In progress: " + of + " read so far";
        };
    }

    /** What is still needed, in words: cases in all and of each kind, and the thresholds not yet met. */
    public static java.util.List<String> whatIsLeft(ModuleProgress p) {
        var lines = new java.util.ArrayList<String>();
        var e = p.evaluation();
        if (e.casesRead() < e.minimumCases()) {
            lines.add("Read " + (e.minimumCases() - e.casesRead()) + " more case(s) before a decision (" + e.casesRead() + " of "
                    + e.minimumCases() + "; this attempt has " + p.casesTotal() + ").");
        }
        if (e.abnormalRead() < e.minimumAbnormal() || e.normalRead() < e.minimumNormal()) {
            lines.add("A decision also needs at least " + e.minimumAbnormal() + " abnormal and " + e.minimumNormal()
                    + " normal cases read; your draw includes enough of each.");
        }
        long open = e.results().stream().filter(r -> !r.met()).count();
        if (open > 0) {
            lines.add(open + " of " + e.results().size() + " threshold(s) not met yet.");
        }
        return lines;
    }

    /** Why an open attempt can no longer pass, with the best value still possible. */
    public static String unreachable(org.calibra.competency.domain.Reachability.Unreachable u) {
        var t = u.threshold();
        String which = switch (t.bound()) {
            case LOWER -> "the lower 95% bound of ";
            case UPPER -> "the upper 95% bound of ";
            case POINT -> "";
        };
        return "This attempt can no longer pass: even if every remaining case goes your way, " + which + MetricLabels.of(t.metric())
                + " would be " + (t.isUpperLimit() ? "at least " : "at most ") + MetricLabels.value(t.metric(), u.bestPossible())
                + ", and it must be " + (t.isUpperLimit() ? "at most " : "at least ") + MetricLabels.value(t.metric(), t.limit()) + ".";
    }

    static int pct(double v) {
        return (int) Math.round(v * 100);
    }
}
