package org.calibra.competency.domain;

import org.calibra.scoring.domain.ModuleMetrics;
import org.calibra.scoring.domain.Estimate;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.calibra.scoring.domain.reliance.RelianceMeasures;
import org.calibra.scoring.domain.roc.AucEstimate;
import org.calibra.scoring.domain.roc.StratifiedBootstrap;

/** Every metric a threshold can name, for one reader in one attempt; a metric with no data yet is absent. */
public final class MetricValues {

    private final Map<Metric, Estimate> values;
    private final int casesRead;

    private MetricValues(Map<Metric, Estimate> values, int casesRead) {
        this.values = Map.copyOf(values);
        this.casesRead = casesRead;
    }

    public int casesRead() {
        return casesRead;
    }

    public static MetricValues of(ModuleMetrics m, Optional<AucEstimate> rocAuc, Optional<StratifiedBootstrap.BootstrapInterval> wafroc,
            RelianceMeasures r) {
        return of(m, rocAuc, wafroc, r, Optional.empty());
    }

    /**
     * @param aiEffect the reader's ROC AUC with the AI minus without, on the cases they read both ways (second-reader
     *                 modules), with its 95% interval when there are enough cases for one; empty when not measurable
     */
    public static MetricValues of(ModuleMetrics m, Optional<AucEstimate> rocAuc, Optional<StratifiedBootstrap.BootstrapInterval> wafroc,
            RelianceMeasures r, Optional<Estimate> aiEffect) {
        Map<Metric, Estimate> v = new EnumMap<>(Metric.class);
        put(v, Metric.SENSITIVITY, Estimate.of(m.sensitivity()));
        put(v, Metric.SPECIFICITY, Estimate.of(m.specificity()));
        put(v, Metric.ACCURACY, Estimate.of(m.accuracy()));
        put(v, Metric.LESION_LOCALISATION_FRACTION, Estimate.of(m.lesionLocalisationFraction()));
        m.nlPerCase().ifPresent(nl -> v.put(Metric.NL_PER_CASE, Estimate.pointOnly(nl)));
        // AUC and wAFROC are defined once normal and abnormal cases were read; with too few for an interval they have none
        rocAuc.ifPresent(a -> v.put(Metric.ROC_AUC, a.ci95().map(ci -> Estimate.of(a.auc(), ci.lower(), ci.upper()))
                .orElseGet(() -> Estimate.pointOnly(a.auc()))));
        wafroc.ifPresent(w -> v.put(Metric.WAFROC, Estimate.of(w.estimate(), w.interval().lower(), w.interval().upper())));
        put(v, Metric.OVER_RELIANCE, Estimate.of(r.overReliance()));
        put(v, Metric.UNDER_RELIANCE, Estimate.of(r.underReliance()));
        put(v, Metric.RELATIVE_AI_RELIANCE, Estimate.of(r.relativeAiReliance()));
        put(v, Metric.RELATIVE_SELF_RELIANCE, Estimate.of(r.relativeSelfReliance()));
        aiEffect.ifPresent(e -> v.put(Metric.AI_EFFECT, e));
        return new MetricValues(v, m.casesRead());
    }

    /** Only the case-level proportions, for callers that have nothing else yet. */
    public static MetricValues of(ModuleMetrics m) {
        return of(m, Optional.empty(), Optional.empty(), RelianceMeasures.compute(java.util.List.of()));
    }

    public Optional<Estimate> get(Metric metric) {
        return Optional.ofNullable(values.get(metric));
    }

    private static void put(Map<Metric, Estimate> v, Metric metric, Estimate e) {
        if (e != null) {
            v.put(metric, e);
        }
    }
}
