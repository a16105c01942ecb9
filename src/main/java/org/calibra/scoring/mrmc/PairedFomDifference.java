package org.calibra.scoring.mrmc;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.calibra.scoring.domain.roc.FrocCase;
import org.calibra.scoring.domain.roc.FrocDataset;
import org.calibra.scoring.domain.roc.FrocFom;
import org.calibra.scoring.mrmc.MrmcResult.Interval;

/**
 * One reader's change in a figure of merit between two readings of the same cases — for a trainee, with the AI
 * minus without it — with the DeLong, DeLong &amp; Clarke-Pearson (1988) variance of a paired difference:
 * Var(θ₂ − θ₁) = Var(θ₁) + Var(θ₂) − 2 Cov(θ₁, θ₂), each term from the structural components of the two
 * U-statistics over the same normal × abnormal case pairs ({@link DeLongCovariance}). The interval is
 * difference ± z₀.₉₇₅ · SE, clipped to [−1, 1], and p is the two-sided z test of "no change".
 *
 * <p>DeLong rather than a case bootstrap: it is closed-form, so a decision record recomputes exactly the interval the
 * decision used (a bootstrap would need its seed stored); it is the covariance the cohort's OR analysis can use too; and
 * with a trainee's handful of cases a bootstrap resamples so few distinct normal/abnormal pairs that its percentiles
 * are no better. Like every large-sample interval it is too narrow with very few cases (docs/metrics.md).
 *
 * @param figure     the figure's name, e.g. "ROC AUC"
 * @param normals    K1, normal cases read both ways
 * @param abnormals  K2, abnormal cases read both ways
 * @param first      the figure of the first reading (unaided)
 * @param second     the figure of the second reading (with the AI)
 * @param difference second − first
 * @param stdErr     DeLong standard error of the difference; empty with fewer than 2 normal or 2 abnormal cases
 * @param ci95       the 95% interval, when there is a standard error
 * @param p          two-sided p of "no change", when there is a standard error (1 when the SE is 0 and nothing changed)
 */
public record PairedFomDifference(String figure, int normals, int abnormals, double first, double second, double difference,
                                  OptionalDouble stdErr, Optional<Interval> ci95, OptionalDouble p) {

    /** Φ⁻¹(0.975). */
    static final double Z_95 = 1.959963984540054;

    /**
     * @param first  the first reading; {@code second} must hold the same cases in the same order
     * @param fom    {@link FrocFom#HR_AUC} (the Wilcoxon AUC of each case's highest rating — of case-level ratings when
     *               each case carries one rating, see {@link CaseRatings}) or {@link FrocFom#WAFROC}
     * @return empty when the figure is undefined on these cases (no normal or no abnormal case)
     */
    public static Optional<PairedFomDifference> of(String figure, FrocDataset first, FrocDataset second, FrocFom fom) {
        if (!DeLongCovariance.supports(fom)) {
            throw new IllegalArgumentException("a paired DeLong difference exists only for the Wilcoxon AUC and wAFROC, not " + fom.label());
        }
        requireSameCases(first, second);
        int k1 = first.normalCount();
        int k2 = first.abnormalCount();
        if (k1 == 0 || k2 == 0) {
            return Optional.empty();
        }
        double[][] phi1 = DeLongCovariance.kernel(fom, first);
        double[][] phi2 = DeLongCovariance.kernel(fom, second);
        double theta1 = mean(phi1);
        double theta2 = mean(phi2);
        double d = theta2 - theta1;
        if (k1 < 2 || k2 < 2) {
            return Optional.of(new PairedFomDifference(figure, k1, k2, theta1, theta2, d, OptionalDouble.empty(), Optional.empty(),
                    OptionalDouble.empty()));
        }
        // structural components of the difference: V(θ₂) − V(θ₁) per case, so one sample variance gives var + var − 2 cov
        double[] v10 = new double[k2];
        double[] v01 = new double[k1];
        for (int a = 0; a < k1; a++) {
            for (int b = 0; b < k2; b++) {
                double diff = phi2[a][b] - phi1[a][b];
                v10[b] += diff / k1;
                v01[a] += diff / k2;
            }
        }
        double variance = sampleVariance(v10, d) / k2 + sampleVariance(v01, d) / k1;
        double se = Math.sqrt(Math.max(variance, 0));
        var ci = new Interval(Math.max(-1, d - Z_95 * se), Math.min(1, d + Z_95 * se));
        double p = se > 0 ? Distributions.tTwoSided(d / se, Double.POSITIVE_INFINITY) : (d == 0 ? 1 : 0);
        return Optional.of(new PairedFomDifference(figure, k1, k2, theta1, theta2, d, OptionalDouble.of(se), Optional.of(ci),
                OptionalDouble.of(p)));
    }

    private static void requireSameCases(FrocDataset a, FrocDataset b) {
        if (!ids(a.normals()).equals(ids(b.normals())) || !ids(a.abnormals()).equals(ids(b.abnormals()))) {
            throw new IllegalArgumentException("a paired difference needs the same cases, in the same order, in both readings");
        }
    }

    private static List<String> ids(List<FrocCase> cases) {
        return cases.stream().map(FrocCase::id).toList();
    }

    private static double mean(double[][] phi) {
        double s = 0;
        for (double[] row : phi) {
            for (double v : row) {
                s += v;
            }
        }
        return s / ((double) phi.length * phi[0].length);
    }

    private static double sampleVariance(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
    }
}
