package org.calibra.scoring.domain.roc;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Empirical (trapezoidal) ROC area and its DeLong variance.
 *
 * <p>AUC = 1/(n0·n1) Σ_i Σ_j ψ(x_i, y_j) over normal ratings x and abnormal ratings y: the
 * Mann–Whitney U statistic divided by n0·n1, with ties counted ½. It equals the area under the
 * empirical ROC curve with straight-line segments (Bamber 1975; Hanley &amp; McNeil 1982).
 */
public final class EmpiricalRoc {

    private EmpiricalRoc() {
    }

    /** @throws IllegalArgumentException if there are no normal or no abnormal ratings */
    public static double auc(RocRatings ratings) {
        requireBothGroups(ratings);
        List<Double> x = ratings.normal();
        List<Double> y = ratings.abnormal();
        double sum = 0;
        for (double xi : x) {
            for (double yj : y) {
                sum += Psi.psi(xi, yj);
            }
        }
        return sum / ((double) x.size() * y.size());
    }

    /**
     * AUC with the DeLong, DeLong &amp; Clarke-Pearson (1988) variance. With structural components
     * V10(y_j) = mean_i ψ(x_i, y_j) for each abnormal case and V01(x_i) = mean_j ψ(x_i, y_j) for
     * each normal case, and S10, S01 their sample variances (denominators n1 − 1 and n0 − 1):
     * var(AUC) = S10/n1 + S01/n0.
     */
    public static AucEstimate analyse(RocRatings ratings) {
        requireBothGroups(ratings);
        List<Double> x = ratings.normal();
        List<Double> y = ratings.abnormal();
        int n0 = x.size();
        int n1 = y.size();
        double[] v10 = new double[n1];
        double[] v01 = new double[n0];
        double sum = 0;
        for (int i = 0; i < n0; i++) {
            for (int j = 0; j < n1; j++) {
                double p = Psi.psi(x.get(i), y.get(j));
                v10[j] += p;
                v01[i] += p;
                sum += p;
            }
        }
        double auc = sum / ((double) n0 * n1);
        if (n0 < 2 || n1 < 2) {
            return new AucEstimate(clamp(auc), n0, n1, OptionalDouble.empty());
        }
        double s10 = 0;
        for (double v : v10) {
            s10 += square(v / n0 - auc);
        }
        double s01 = 0;
        for (double v : v01) {
            s01 += square(v / n1 - auc);
        }
        s10 /= n1 - 1;
        s01 /= n0 - 1;
        return new AucEstimate(clamp(auc), n0, n1, OptionalDouble.of(s10 / n1 + s01 / n0));
    }

    private static void requireBothGroups(RocRatings ratings) {
        if (ratings.normal().isEmpty() || ratings.abnormal().isEmpty()) {
            throw new IllegalArgumentException("ROC AUC needs at least one normal and one abnormal case, had "
                    + ratings.normal().size() + " normal and " + ratings.abnormal().size() + " abnormal");
        }
    }

    private static double square(double v) {
        return v * v;
    }

    /** Guards the record's [0, 1] check against a last-ulp overshoot from summation. */
    private static double clamp(double v) {
        return Math.min(1, Math.max(0, v));
    }
}
