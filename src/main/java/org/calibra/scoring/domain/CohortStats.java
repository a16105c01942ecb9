package org.calibra.scoring.domain;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Where one value stands among a cohort's values: quartiles (Hyndman and Fan type 7, linear interpolation,
 * the default of R and NumPy) and the share of the cohort strictly below it plus half of the ties
 * (the mid-rank percentile, so equal performance reads as 50 %).
 */
public record CohortStats(int n, double p25, double median, double p75, OptionalDouble you, OptionalDouble percentileOfYou) {

    public static CohortStats of(List<Double> cohort, OptionalDouble you) {
        if (cohort.isEmpty()) {
            throw new IllegalArgumentException("a cohort needs at least one value");
        }
        double[] v = cohort.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        OptionalDouble percentile = OptionalDouble.empty();
        if (you.isPresent()) {
            double y = you.getAsDouble();
            long below = Arrays.stream(v).filter(x -> x < y).count();
            long ties = Arrays.stream(v).filter(x -> x == y).count();
            percentile = OptionalDouble.of((below + ties / 2.0) / v.length);
        }
        return new CohortStats(v.length, quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75), you, percentile);
    }

    /** Type 7: h = (n − 1)p, interpolate between the floor(h)-th and the next order statistic (0-based). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
