package org.calibra.competency.parts;

import org.calibra.competency.domain.MetricValues;
import org.calibra.competency.domain.ThresholdResult;
import org.calibra.curriculum.MetricLabels;

/**
 * A threshold and how it stands, in the words of the module page, the decision record and the oversight pages — one place,
 * so an educator and a resident read the same sentence ("lower 95% bound of sensitivity at least 80% — met (86%)").
 */
public final class ThresholdWords {

    private ThresholdWords() {
    }

    public static String of(ThresholdResult r) {
        var t = r.threshold();
        String which = switch (t.bound()) {
            case LOWER -> "lower 95% bound of ";
            case UPPER -> "upper 95% bound of ";
            case POINT -> "";
        };
        String what = t.metricType() == org.calibra.competency.domain.Metric.AI_EFFECT ? aiEffect(r)
                : which + MetricLabels.of(t.metric()) + (t.isUpperLimit() ? " at most " : " at least ") + MetricLabels.value(t.metric(), t.limit());
        return switch (r.status()) {
            case MET -> what + " — met (" + MetricLabels.value(t.metric(), r.observed().getAsDouble()) + ")";
            case NOT_MET -> what + " — not met yet (" + MetricLabels.value(t.metric(), r.observed().getAsDouble()) + ")";
            case NOT_YET_MEASURABLE -> what + " — not measurable yet";
        };
    }

    /**
     * "The AI must not make you worse: your ROC AUC with the AI minus without must be at least 0.00" — the rule's purpose
     * first (worse / better / not much worse, from the limit's sign), then what is compared.
     */
    private static String aiEffect(ThresholdResult r) {
        var t = r.threshold();
        double limit = t.limit();
        String purpose = limit > 0 ? "The AI must make you better" : limit == 0 ? "The AI must not make you worse"
                : "The AI must not make you worse by more than " + String.format(java.util.Locale.ROOT, "%.2f", -limit);
        String which = t.bound() == org.calibra.competency.domain.Threshold.Bound.LOWER ? "the lower 95% bound of your " : "your ";
        return purpose + ": " + which + MetricLabels.of(t.metric()) + " must be at least " + MetricLabels.value(t.metric(), limit);
    }

    /** The threshold, and the metric's estimate with its 95% interval when it has one. */
    public static String withEstimate(ThresholdResult r, MetricValues values) {
        String base = of(r);
        return values.get(r.threshold().metricType()).filter(e -> e.lower().isPresent()).map(e -> base + "; estimate "
                + MetricLabels.value(r.threshold().metric(), e.point()) + ", 95% interval " + MetricLabels.value(r.threshold().metric(),
                e.lower().getAsDouble()) + "–" + MetricLabels.value(r.threshold().metric(), e.upper().getAsDouble())).orElse(base);
    }
}
