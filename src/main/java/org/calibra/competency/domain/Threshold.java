package org.calibra.competency.domain;

import org.calibra.scoring.domain.Checks;

/**
 * A pass mark for one metric: it must reach at least {@code min}, or stay at most {@code max} (exactly one is given).
 *
 * @param metric a {@link Metric#key()}
 * @param min    smallest acceptable value (inclusive), or null for an upper limit
 * @param max    largest acceptable value (inclusive), or null for a lower limit
 * @param bound  which value of the metric is compared
 */
public record Threshold(String metric, Double min, Double max, Bound bound) {

    /** Which value of the metric is compared with the limit. */
    public enum Bound {
        /** The point estimate: lenient, suits formative feedback. */
        POINT,
        /**
         * The lower end of the 95% interval, with {@code min}: the reader must be demonstrably at least {@code min},
         * so a few lucky cases do not pass. Suits credentialing.
         */
        LOWER,
        /** The upper end of the 95% interval, with {@code max}: demonstrably at most {@code max} (e.g. over-reliance). */
        UPPER
    }

    public Threshold {
        Metric m = Metric.fromKey(metric); // fail at definition time, not at evaluation time
        if ((min == null) == (max == null)) {
            throw new IllegalArgumentException("Threshold " + metric + " needs exactly one of min and max");
        }
        if (bound == null) {
            throw new IllegalArgumentException("Threshold " + metric + " bound must not be null");
        }
        double limit = min != null ? min : max;
        if (m.unitInterval()) {
            Checks.requireUnitInterval(limit, "Threshold " + metric + (min != null ? " min" : " max"));
        } else if (m.signedDifference()) {
            if (!(limit >= -1 && limit <= 1)) {
                throw new IllegalArgumentException("Threshold " + metric + (min != null ? " min" : " max")
                        + " must be a number from -1 to 1 (a difference of two AUCs), was " + limit);
            }
        } else {
            if (!(limit >= 0) || Double.isInfinite(limit)) {
                throw new IllegalArgumentException("Threshold " + metric + (min != null ? " min" : " max") + " must be a number >= 0, was " + limit);
            }
        }
        if (bound == Bound.LOWER && min == null) {
            throw new IllegalArgumentException("Threshold " + metric + ": the lower bound goes with min (use upper with max)");
        }
        if (bound == Bound.UPPER && max == null) {
            throw new IllegalArgumentException("Threshold " + metric + ": the upper bound goes with max (use lower with min)");
        }
        if (bound != Bound.POINT && !m.hasInterval()) {
            throw new IllegalArgumentException("Threshold " + metric + " has no confidence interval; use the point estimate");
        }
    }

    /** At least {@code min}. */
    public Threshold(String metric, double min, Bound bound) {
        this(metric, Double.valueOf(min), null, bound);
    }

    public static Threshold atMost(String metric, double max, Bound bound) {
        return new Threshold(metric, null, max, bound);
    }

    public Metric metricType() {
        return Metric.fromKey(metric);
    }

    public boolean isUpperLimit() {
        return max != null;
    }

    public double limit() {
        return min != null ? min : max;
    }
}
