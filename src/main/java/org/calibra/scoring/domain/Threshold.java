package org.calibra.scoring.domain;

/**
 * A pass mark for one metric.
 *
 * @param metric a {@link Metric#key()}: sensitivity, specificity, accuracy or
 *               lesionLocalisationFraction
 * @param min    smallest acceptable value, 0..1 (inclusive)
 * @param bound  which value must reach {@code min}
 */
public record Threshold(String metric, double min, Bound bound) {

    /** Which value of the metric is compared with the minimum. */
    public enum Bound {
        /** The point estimate: lenient, suits formative feedback. */
        POINT,
        /**
         * The lower end of the 95% Wilson interval: the reader must be demonstrably at least
         * {@code min}, so few lucky cases do not pass. Suits credentialing.
         */
        LOWER
    }

    public Threshold {
        Metric.fromKey(metric); // fail at definition time, not at evaluation time
        Checks.requireUnitInterval(min, "Threshold " + metric + " min");
        if (bound == null) {
            throw new IllegalArgumentException("Threshold " + metric + " bound must not be null");
        }
    }

    public Metric metricType() {
        return Metric.fromKey(metric);
    }
}
