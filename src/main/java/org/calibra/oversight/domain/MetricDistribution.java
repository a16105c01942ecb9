package org.calibra.oversight.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How one metric is spread over residents' latest attempts, as a histogram with the threshold's limit marked
 * (docs/metrics.md, "Cohort view"). Proportions and AUCs fall in ten bins of 0.1 from 0 to 1 (the last one holds 1 too);
 * a rate without an upper end (false marks per case) in bins of 0.5 from 0 up to its largest value or limit.
 *
 * @param limit the threshold's limit, empty when the module sets none on this metric
 */
public record MetricDistribution(String metric, int residents, List<Bin> bins, OptionalDouble limit) {

    /** {@code count} values in [from, to) — for the last bin of a proportion, [from, to]. */
    public record Bin(double from, double to, int count, boolean holdsLimit) {}

    static final double RATE_WIDTH = 0.5;
    private static final double EPSILON = 1e-9; // 0.3 × 10 is 2.9999999999999996 in binary: it belongs to the bin from 0.3

    public static MetricDistribution of(String metric, List<Double> values, boolean unitInterval, OptionalDouble limit) {
        for (double v : values) {
            if (!(v >= 0) || Double.isInfinite(v) || (unitInterval && v > 1)) {
                throw new IllegalArgumentException(metric + ": every value must be a number from 0" + (unitInterval ? " to 1" : "") + ", was " + v);
            }
        }
        double width = unitInterval ? 0.1 : RATE_WIDTH;
        int count;
        if (unitInterval) {
            count = 10;
        } else {
            double top = Math.max(values.stream().mapToDouble(Double::doubleValue).max().orElse(0), limit.orElse(0));
            count = (int) Math.floor(top / width + EPSILON) + 1;
        }
        int[] counts = new int[count];
        for (double v : values) {
            counts[index(v, width, count)]++;
        }
        List<Bin> bins = new ArrayList<>();
        int limitBin = limit.isPresent() ? index(limit.getAsDouble(), width, count) : -1;
        for (int i = 0; i < count; i++) {
            bins.add(new Bin(round(i * width), round((i + 1) * width), counts[i], i == limitBin));
        }
        return new MetricDistribution(metric, values.size(), List.copyOf(bins), limit);
    }

    private static int index(double v, double width, int count) {
        return Math.min(count - 1, (int) Math.floor(v / width + EPSILON));
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
