package org.calibra.competency.domain;

import org.calibra.scoring.domain.ModuleMetrics;
import org.calibra.scoring.domain.Checks;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/** Decides whether a reader meets a module's competency thresholds. */
public final class CompetencyEvaluator {

    private CompetencyEvaluator() {
    }

    /**
     * Passes only when {@code casesRead >= minimumCases} and every threshold is met; a metric with
     * no trials is "not yet measurable", which is not met. With no thresholds, reading the minimum
     * number of cases is enough.
     */
    public static CompetencyEvaluation evaluate(List<Threshold> thresholds, ModuleMetrics metrics, int casesRead,
            int minimumCases) {
        return evaluate(thresholds, MetricValues.of(metrics), casesRead, minimumCases);
    }

    /**
     * Over every metric a threshold can name, and only once enough abnormal and normal cases were read too: a
     * sensitivity on two abnormal cases says too little to certify anyone.
     */
    public static CompetencyEvaluation evaluate(List<Threshold> thresholds, MetricValues metrics, ModuleMetrics counts, int minimumCases,
            int minimumAbnormal, int minimumNormal) {
        List<ThresholdResult> results = thresholds.stream().map(t -> check(t, metrics)).toList();
        boolean passed = counts.casesRead() >= minimumCases && counts.abnormalCases() >= minimumAbnormal && counts.normalCases() >= minimumNormal
                && results.stream().allMatch(ThresholdResult::met);
        return new CompetencyEvaluation(results, counts.casesRead(), minimumCases, counts.abnormalCases(), minimumAbnormal,
                counts.normalCases(), minimumNormal, passed);
    }

    /** As above, over every metric a threshold can name. */
    public static CompetencyEvaluation evaluate(List<Threshold> thresholds, MetricValues metrics, int casesRead,
            int minimumCases) {
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(metrics, "metrics");
        Checks.requireNonNegative(casesRead, "casesRead");
        Checks.requireNonNegative(minimumCases, "minimumCases");
        List<ThresholdResult> results = thresholds.stream().map(t -> check(t, metrics)).toList();
        boolean passed = casesRead >= minimumCases && results.stream().allMatch(ThresholdResult::met);
        return new CompetencyEvaluation(results, casesRead, minimumCases, passed);
    }

    private static ThresholdResult check(Threshold threshold, MetricValues metrics) {
        Objects.requireNonNull(threshold, "threshold");
        OptionalDouble observed = metrics.get(threshold.metricType()).map(e -> switch (threshold.bound()) {
            case POINT -> OptionalDouble.of(e.point());
            case LOWER -> e.lower();
            case UPPER -> e.upper();
        }).orElse(OptionalDouble.empty());
        if (observed.isEmpty()) {
            return new ThresholdResult(threshold, observed, ThresholdResult.Status.NOT_YET_MEASURABLE);
        }
        // successes / trials is correctly rounded, so e.g. 7/10 >= 0.7 holds as it should.
        double value = observed.getAsDouble();
        boolean met = threshold.isUpperLimit() ? value <= threshold.max() : value >= threshold.min();
        return new ThresholdResult(threshold, observed, met ? ThresholdResult.Status.MET : ThresholdResult.Status.NOT_MET);
    }
}
