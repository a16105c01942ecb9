package org.calibra.competency.domain;

import org.calibra.scoring.domain.ModuleMetrics;
import org.calibra.scoring.domain.Proportion;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.calibra.scoring.domain.reliance.RelianceMeasures;

/**
 * Whether an attempt can still meet its thresholds with the cases it has left. For each threshold on a proportion
 * it takes the best case — every remaining case counts for the metric and goes the reader's way — and asks whether
 * even that would meet the limit. Rating-based figures (AUC, wAFROC) and lesions found depend on cases not yet
 * seen in ways that cannot be bounded this simply, so they never make an attempt "unreachable".
 *
 * <p>The best case assumes nothing about the remaining cases' truth, so saying "unreachable" reveals nothing
 * about them.
 */
public final class Reachability {

    private Reachability() {
    }

    /** The first threshold that cannot be met any more, with the best value still possible; empty if all can. */
    public static Optional<Unreachable> check(List<Threshold> thresholds, ModuleMetrics m, RelianceMeasures r, int remainingCases) {
        for (Threshold t : thresholds) {
            var best = best(t, m, r, remainingCases);
            if (best.isPresent() && !(t.isUpperLimit() ? best.getAsDouble() <= t.max() : best.getAsDouble() >= t.min())) {
                return Optional.of(new Unreachable(t, best.getAsDouble()));
            }
        }
        return Optional.empty();
    }

    /** A threshold out of reach, and the best value the compared statistic can still reach. */
    public record Unreachable(Threshold threshold, double bestPossible) {}

    private static OptionalDouble best(Threshold t, ModuleMetrics m, RelianceMeasures r, int remaining) {
        return switch (t.metricType()) {
            case SENSITIVITY -> proportion(t, m.sensitivity(), remaining);
            case SPECIFICITY -> proportion(t, m.specificity(), remaining);
            case ACCURACY -> proportion(t, m.accuracy(), remaining);
            case OVER_RELIANCE -> proportion(t, r.overReliance(), remaining);
            case UNDER_RELIANCE -> proportion(t, r.underReliance(), remaining);
            case RELATIVE_AI_RELIANCE -> proportion(t, r.relativeAiReliance(), remaining);
            case RELATIVE_SELF_RELIANCE -> proportion(t, r.relativeSelfReliance(), remaining);
            case NL_PER_CASE -> m.casesRead() + remaining == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of((double) m.nonLesionLocalisations() / (m.casesRead() + remaining));
            case LESION_LOCALISATION_FRACTION, ROC_AUC, WAFROC, AI_EFFECT -> OptionalDouble.empty();
        };
    }

    /** Best case for a minimum: all remaining cases are successes; for a maximum: all are failures. */
    private static OptionalDouble proportion(Threshold t, Proportion p, int remaining) {
        int trials = p.trials() + remaining;
        if (trials == 0) {
            return OptionalDouble.empty();
        }
        Proportion best = Proportion.wilson(t.isUpperLimit() ? p.successes() : p.successes() + remaining, trials);
        return switch (t.bound()) {
            case POINT -> best.estimate();
            case LOWER -> best.lower();
            case UPPER -> best.upper();
        };
    }
}
