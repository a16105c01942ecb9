package org.calibra.curriculum.content;

import java.util.Locale;
import java.util.Optional;
import org.calibra.curriculum.MetricLabels;

/**
 * Whether a threshold can ever be met by an attempt, given the most cases of each kind that attempt can read — checked
 * when a curriculum is read, so an educator learns it before any resident tries.
 *
 * <p>The best any reader can do on a proportion of {@code n} trials is n of n (for a minimum) or 0 of n (for a maximum).
 * With {@code bound: point} that is 100% or 0%, always enough once the metric is measured at all. With an interval
 * bound the 95% Wilson interval stays away from the ends: its lower bound at n of n is n / (n + z²), its upper bound at
 * 0 of n is z² / (n + z²) (the closed form of {@code scoring.domain.Proportion.wilson} at x = n and x = 0; the
 * curriculum module may not depend on scoring, so the two lines live here too, and a test holds them equal).
 *
 * <p>Sensitivity counts abnormal cases, specificity normal ones, accuracy every case; over-reliance counts cases the AI
 * got wrong, under-reliance cases it got right — when the pool says how many those are. The other metrics (lesions
 * found, ROC AUC, wAFROC, RAIR, RSR, false marks per case) depend on what is only known during reading, and are not
 * judged here.
 */
public final class ThresholdFeasibility {

    /** Two-sided 95% normal quantile, as in scoring.domain.Proportion. */
    static final double Z = 1.959963984540054;
    private static final double Z2 = Z * Z;

    private ThresholdFeasibility() {
    }

    /**
     * The most cases of each kind one attempt can read. {@code aiWrong}/{@code aiRight}: cases whose AI call is wrong /
     * right; null when the pool does not say.
     */
    public record Capacity(int cases, int abnormal, int normal, Integer aiWrong, Integer aiRight) {}

    /**
     * A threshold no attempt can meet: the most trials an attempt has for it ({@code trials}, of the kind
     * {@code trialWords}), the best value the compared statistic can reach ({@code best}, NaN when there are no trials)
     * and the fewest trials that would make the limit reachable ({@code trialsNeeded}, null when none would).
     */
    public record Unreachable(CurriculumManifest.ThresholdSpec threshold, int trials, String trialWords, double best, Integer trialsNeeded) {

        /** In words, e.g. "the lower 95% bound of sensitivity must be at least 90%, but …". */
        public String describe() {
            var t = threshold;
            String metric = MetricLabels.of(t.metric());
            String bound = switch (t.boundOrDefault()) {
                case "lower" -> "the lower 95% bound of " + metric;
                case "upper" -> "the upper 95% bound of " + metric;
                default -> metric;
            };
            boolean min = t.min() != null;
            double limit = min ? t.min() : t.max();
            String rule = bound + " must be " + (min ? "at least " : "at most ") + percent(limit, best);
            if (trials == 0) {
                return rule + ", but an attempt reads no " + trialWords + ", so it can never be measured";
            }
            String outcome = min ? trials + " of " + trials + " right" : "0 of " + trials;
            String what = switch (t.boundOrDefault()) {
                case "lower" -> "a lower bound of ";
                case "upper" -> "an upper bound of ";
                default -> "";
            };
            String fix = trialsNeeded == null ? "" : "; reaching it needs at least " + trialsNeeded + " " + trialWords
                    + " per attempt, or a " + (min ? "lower" : "higher") + " limit, or the point estimate";
            return rule + ", but an attempt reads at most " + trials + " " + trialWords + ", and even " + outcome + " gives " + what
                    + percent(best, limit) + fix;
        }

        /** A percentage, with one decimal when a whole percent would show two different numbers as the same. */
        private static String percent(double v, double other) {
            boolean same = Double.isFinite(other) && Math.round(v * 100) == Math.round(other * 100) && v != other;
            return same ? String.format(Locale.ROOT, "%.1f%%", v * 100) : Math.round(v * 100) + "%";
        }
    }

    /** Empty when the threshold can be met, or when it cannot be judged before reading. */
    public static Optional<Unreachable> check(CurriculumManifest.ThresholdSpec t, Capacity c) {
        if (t.metric() == null || (t.min() == null) == (t.max() == null)) {
            return Optional.empty();
        }
        if (("lower".equals(t.bound()) && t.min() == null) || ("upper".equals(t.bound()) && t.max() == null)) {
            return Optional.empty(); // a bound on the wrong side: the reader reports that on its own
        }
        Integer trials;
        String words;
        switch (t.metric()) {
            case "sensitivity" -> { trials = c.abnormal(); words = "abnormal cases"; }
            case "specificity" -> { trials = c.normal(); words = "normal cases"; }
            case "accuracy" -> { trials = c.cases(); words = "cases"; }
            case "overReliance" -> { trials = c.aiWrong(); words = "cases the AI gets wrong"; }
            case "underReliance" -> { trials = c.aiRight(); words = "cases the AI gets right"; }
            default -> { return Optional.empty(); }
        }
        if (trials == null) {
            return Optional.empty();
        }
        boolean min = t.min() != null;
        double limit = min ? t.min() : t.max();
        if (trials <= 0) {
            return Optional.of(new Unreachable(t, 0, words, Double.NaN, needed(t.boundOrDefault(), min, limit)));
        }
        double best = switch (t.boundOrDefault()) {
            case "lower" -> min ? lowerBoundAllRight(trials) : 1.0;
            case "upper" -> min ? 1.0 : upperBoundNoneWrong(trials);
            default -> min ? 1.0 : 0.0;
        };
        boolean met = min ? best >= limit : best <= limit;
        return met ? Optional.empty() : Optional.of(new Unreachable(t, trials, words, best, needed(t.boundOrDefault(), min, limit)));
    }

    /** The 95% Wilson lower bound of n of n: n / (n + z²). */
    public static double lowerBoundAllRight(int n) {
        return n / (n + Z2);
    }

    /** The 95% Wilson upper bound of 0 of n: z² / (n + z²). */
    public static double upperBoundNoneWrong(int n) {
        return Z2 / (n + Z2);
    }

    /**
     * The fewest trials with which the limit is reachable: n / (n + z²) >= L  ⇔  n >= L·z² / (1 − L);
     * z² / (n + z²) <= U  ⇔  n >= z²·(1 − U) / U. Null when no number of trials would do (L = 1, U = 0).
     */
    static Integer needed(String bound, boolean min, double limit) {
        if ("lower".equals(bound) && min) {
            if (limit >= 1) {
                return null;
            }
            int n = (int) Math.ceil(limit * Z2 / (1 - limit) - 1e-9);
            while (lowerBoundAllRight(Math.max(n, 1)) < limit) {
                n++;
            }
            return Math.max(n, 1);
        }
        if ("upper".equals(bound) && !min) {
            if (limit <= 0) {
                return null;
            }
            int n = (int) Math.ceil(Z2 * (1 - limit) / limit - 1e-9);
            while (upperBoundNoneWrong(Math.max(n, 1)) > limit) {
                n++;
            }
            return Math.max(n, 1);
        }
        return 1;
    }
}
