package org.calibra.scoring.domain.roc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;

/**
 * Percentile bootstrap intervals by case resampling, stratified by truth: each replicate draws
 * K1 normal and K2 abnormal cases with replacement, so every replicate has the case mix the figure
 * of merit needs. Cases, not lesions or marks, are resampled, because marks and lesions on one
 * case are correlated (Efron &amp; Tibshirani 1993). Stratifying keeps K1 and K2 fixed, as pROC's
 * default {@code boot.stratified = TRUE} does. The same seed gives the same interval.
 */
public final class StratifiedBootstrap {

    /** A common default; percentile bounds at 95% settle to about ±0.005 by then. */
    public static final int DEFAULT_REPLICATES = 2000;

    private StratifiedBootstrap() {
    }

    /**
     * @param estimate   the figure of merit on the original cases
     * @param interval   2.5th and 97.5th percentiles of the replicates (linear interpolation
     *                   between order statistics, R's default "type 7")
     * @param replicates number of bootstrap replicates
     * @param seed       the {@link SplittableRandom} seed that reproduces them
     */
    public record BootstrapInterval(double estimate, ConfidenceInterval interval, int replicates, long seed) {
    }

    /** For a FROC figure of merit, e.g. {@link FrocFom#WAFROC}. */
    public static BootstrapInterval froc(FrocDataset dataset, FigureOfMerit fom, int replicates, long seed) {
        if (!fom.isDefinedFor(dataset)) {
            throw new IllegalArgumentException(fom.label() + " is undefined for " + dataset);
        }
        return percentile(dataset.normals(), dataset.abnormals(),
                (n, a) -> fom.valueOf(FrocDataset.resampled(n, a)), replicates, seed);
    }

    /** For the empirical ROC AUC. */
    public static BootstrapInterval roc(RocRatings ratings, int replicates, long seed) {
        EmpiricalRoc.auc(ratings); // fails early if a group is empty
        return percentile(ratings.normal(), ratings.abnormal(), (n, a) -> EmpiricalRoc.auc(new RocRatings(n, a)),
                replicates, seed);
    }

    /**
     * The general form: {@code statistic} is applied to the original strata for the estimate and to
     * each resampled pair of strata for the replicates. Normals are drawn before abnormals in each
     * replicate, from one {@code SplittableRandom(seed)}.
     */
    public static <T> BootstrapInterval percentile(List<T> normals, List<T> abnormals,
            ToDoubleBiFunction<List<T>, List<T>> statistic, int replicates, long seed) {
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be >= 1, was " + replicates);
        }
        double estimate = statistic.applyAsDouble(normals, abnormals);
        var random = new SplittableRandom(seed);
        double[] values = new double[replicates];
        for (int b = 0; b < replicates; b++) {
            values[b] = statistic.applyAsDouble(draw(normals, random), draw(abnormals, random));
        }
        Arrays.sort(values);
        var interval = new ConfidenceInterval(quantile(values, 0.025), quantile(values, 0.975));
        return new BootstrapInterval(estimate, interval, replicates, seed);
    }

    private static <T> List<T> draw(List<T> stratum, SplittableRandom random) {
        var sample = new ArrayList<T>(stratum.size());
        for (int i = 0; i < stratum.size(); i++) {
            sample.add(stratum.get(random.nextInt(stratum.size())));
        }
        return sample;
    }

    /** Type-7 quantile of sorted values: x[h] interpolated at h = (n − 1)p. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
