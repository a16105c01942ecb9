package org.calibra.scoring.domain.roc;

import java.util.List;

/**
 * Chakraborty's empirical FROC figures of merit, as implemented by RJafroc
 * ({@code UtilFigureOfMerit}; C++ {@code FOM_AFROC}, {@code FOM_wAFROC}, {@code FOM_AFROC1},
 * {@code FOM_wAFROC1}, {@code HrAuc}). Formulas: Chakraborty, RJafroc FROC book, chapter
 * "Empirical plots from FROC data", Appendix 3. FP(k) is the highest NL rating on case k, or −∞.
 */
public enum FrocFom implements FigureOfMerit {

    /**
     * θ = 1/(K1·L_T) Σ_normal k1 Σ_lesion ψ(FP(k1), LL): the probability that a lesion is rated
     * above every mark on a normal case. Needs K1 &ge; 1 and K2 &ge; 1.
     */
    AFROC("AFROC", true) {
        @Override
        double compute(FrocDataset d) {
            return lesionSum(d, sortedFp(d.normals()), false) / d.lesionCount();
        }
    },

    /**
     * θ_w = 1/(K1·K2) Σ_normal k1 Σ_abnormal k2 Σ_lesion W·ψ(FP(k1), LL): each abnormal case counts
     * once whatever its lesion count, and lesions count by clinical weight. RJafroc's default FOM.
     * Needs K1 &ge; 1 and K2 &ge; 1.
     */
    WAFROC("wAFROC", true) {
        @Override
        double compute(FrocDataset d) {
            return lesionSum(d, sortedFp(d.normals()), true) / d.abnormalCount();
        }
    },

    /**
     * As {@link #AFROC}, but FP ratings come from <em>all</em> K1 + K2 cases (the highest NL on an
     * abnormal case counts as a false positive, including against that case's own lesions). The
     * historical AFROC; RJafroc advises it only when there are no normal cases. Needs K2 &ge; 1.
     */
    AFROC1("AFROC1", false) {
        @Override
        double compute(FrocDataset d) {
            return lesionSum(d, sortedFpAllCases(d), false) / d.lesionCount();
        }
    },

    /** As {@link #WAFROC}, with FP ratings from all K1 + K2 cases, like {@link #AFROC1}. Needs K2 &ge; 1. */
    WAFROC1("wAFROC1", false) {
        @Override
        double compute(FrocDataset d) {
            return lesionSum(d, sortedFpAllCases(d), true) / d.abnormalCount();
        }
    },

    /**
     * Inferred-ROC AUC ("HrAuc"): the Wilcoxon AUC of each case's highest rating over all its
     * marks, NL or LL (−∞ if unmarked). Ignores where the marks were. Needs K1 &ge; 1 and K2 &ge; 1.
     */
    HR_AUC("HrAuc", true) {
        @Override
        double compute(FrocDataset d) {
            return EmpiricalRoc.auc(RocRatings.inferredFrom(d));
        }
    };

    private final String label;
    private final boolean needsNormals;

    FrocFom(String label, boolean needsNormals) {
        this.label = label;
        this.needsNormals = needsNormals;
    }

    abstract double compute(FrocDataset d);

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean isDefinedFor(FrocDataset dataset) {
        return dataset.abnormalCount() > 0 && (!needsNormals || dataset.normalCount() > 0);
    }

    @Override
    public double valueOf(FrocDataset dataset) {
        if (!isDefinedFor(dataset)) {
            throw new IllegalArgumentException(label + " needs at least one abnormal case"
                    + (needsNormals ? " and one normal case" : "") + "; dataset has " + dataset);
        }
        return compute(dataset);
    }

    /** Mean over the normal cases of ψ(FP(case), rating). */
    /** Σ over lesions of (weight, if weighted) × mean ψ(FP, LL rating), FP taken from {@code sortedFp}. */
    private static double lesionSum(FrocDataset d, double[] sortedFp, boolean weighted) {
        double sum = 0;
        for (FrocCase a : d.abnormals()) {
            for (FrocLesion l : a.lesions()) {
                sum += (weighted ? l.weight() : 1) * sumPsi(sortedFp, l.rating()) / sortedFp.length;
            }
        }
        return sum;
    }

    /** FP(k) of every case given, sorted, so Σ ψ(FP, y) is two binary searches instead of a pass per lesion. */
    private static double[] sortedFp(List<FrocCase> fpCases) {
        double[] fp = new double[fpCases.size()];
        for (int i = 0; i < fp.length; i++) {
            fp[i] = fpCases.get(i).highestNlRating();
        }
        java.util.Arrays.sort(fp);
        return fp;
    }

    private static double[] sortedFpAllCases(FrocDataset d) {
        var all = new java.util.ArrayList<FrocCase>(d.normals());
        all.addAll(d.abnormals());
        return sortedFp(all);
    }

    /** Σ_k ψ(FP(k), y) = #(FP < y) + ½·#(FP = y), ψ as in {@link Psi} (−∞ = −∞ counts ½). */
    static double sumPsi(double[] sortedFp, double y) {
        int below = firstIndexNotBelow(sortedFp, y);
        int equalEnd = below;
        while (equalEnd < sortedFp.length && sortedFp[equalEnd] == y) {
            equalEnd++;
        }
        return below + 0.5 * (equalEnd - below);
    }

    private static int firstIndexNotBelow(double[] sorted, double y) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < y) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
