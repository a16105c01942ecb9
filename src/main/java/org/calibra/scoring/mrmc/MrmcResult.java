package org.calibra.scoring.mrmc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one MRMC analysis (OR or DBM) of one figure of merit: the reader × modality
 * figures of merit and, for each way of generalising, the test of "all modalities are equal", each
 * modality's reader-averaged figure of merit with its interval, and each pairwise difference.
 *
 * @param method         e.g. "Obuchowski–Rockette (jackknife covariances)"
 * @param figureOfMerit  the figure's label, e.g. "wAFROC"
 * @param foms           foms[i][j]: modality i, reader j
 * @param alpha          significance level; intervals are (1 − alpha)
 * @param components     the mean squares and (OR) variance components the tests are built from,
 *                       by name, e.g. "MS(T)", "Cov2"
 */
public record MrmcResult(String method, String figureOfMerit, List<String> modalities, List<String> readers,
        double[][] foms, double alpha, Map<String, Double> components, Analysis randomReadersRandomCases,
        Analysis fixedReadersRandomCases, Analysis randomReadersFixedCases) {

    public MrmcResult {
        modalities = List.copyOf(modalities);
        readers = List.copyOf(readers);
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    /** To whom the conclusions apply; each analysis treats readers and cases as random or fixed. */
    public enum Generalization {
        RANDOM_READERS_RANDOM_CASES("random readers, random cases", "readers and cases like these"),
        FIXED_READERS_RANDOM_CASES("fixed readers, random cases", "these readers, cases like these"),
        RANDOM_READERS_FIXED_CASES("random readers, fixed cases", "readers like these, these cases");

        private final String words;
        private final String appliesTo;

        Generalization(String words, String appliesTo) {
            this.words = words;
            this.appliesTo = appliesTo;
        }

        /** e.g. "random readers, random cases". */
        public String words() {
            return words;
        }

        /** To whom a conclusion applies, in words. */
        public String appliesTo() {
            return appliesTo;
        }
    }

    /**
     * The test of "all modalities have the same figure of merit". A chi-square test (OR, fixed
     * readers) is given as F = χ²/ndf with ddf = ∞, which is the same test.
     *
     * @param f   the statistic; NaN when the error term is not positive (no variability to test against)
     * @param ddf denominator degrees of freedom; {@link Double#POSITIVE_INFINITY} for a chi-square test
     */
    public record FTest(double f, int ndf, double ddf, double p) {
    }

    /** A two-sided interval; unlike a figure of merit's own interval it may extend below 0 or above 1. */
    public record Interval(double lower, double upper) {

        public boolean contains(double value) {
            return lower <= value && value <= upper;
        }
    }

    /** A modality's figure of merit averaged over readers, with its standard error and interval. */
    public record ModalityEstimate(String modality, double fom, double stdErr, double df, Interval ci) {
    }

    /**
     * The reader-averaged difference first − second, with its t (z when df = ∞) statistic,
     * two-sided p and interval.
     */
    public record Difference(String first, String second, double estimate, double stdErr, double df, double t,
            double p, Interval ci) {
    }

    /** One way of generalising: its test, the modalities' intervals and the differences' intervals. */
    public record Analysis(Generalization generalization, FTest test, List<ModalityEstimate> modalities,
            List<Difference> differences) {

        public Analysis {
            modalities = List.copyOf(modalities);
            differences = List.copyOf(differences);
        }
    }

    /** The three analyses, random readers and random cases first. */
    public List<Analysis> analyses() {
        return List.of(randomReadersRandomCases, fixedReadersRandomCases, randomReadersFixedCases);
    }

    /** Reader-averaged figure of merit of modality i. */
    public double modalityMean(int i) {
        double s = 0;
        for (double v : foms[i]) {
            s += v;
        }
        return s / foms[i].length;
    }
}
