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
            double sum = 0;
            for (FrocCase a : d.abnormals()) {
                for (FrocLesion l : a.lesions()) {
                    sum += meanPsi(d.normals(), l.rating());
                }
            }
            return sum / d.lesionCount();
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
            double sum = 0;
            for (FrocCase a : d.abnormals()) {
                for (FrocLesion l : a.lesions()) {
                    sum += l.weight() * meanPsi(d.normals(), l.rating());
                }
            }
            return sum / d.abnormalCount();
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
            double sum = 0;
            for (FrocCase a : d.abnormals()) {
                for (FrocLesion l : a.lesions()) {
                    sum += meanPsiAllCases(d, l.rating());
                }
            }
            return sum / d.lesionCount();
        }
    },

    /** As {@link #WAFROC}, with FP ratings from all K1 + K2 cases, like {@link #AFROC1}. Needs K2 &ge; 1. */
    WAFROC1("wAFROC1", false) {
        @Override
        double compute(FrocDataset d) {
            double sum = 0;
            for (FrocCase a : d.abnormals()) {
                for (FrocLesion l : a.lesions()) {
                    sum += l.weight() * meanPsiAllCases(d, l.rating());
                }
            }
            return sum / d.abnormalCount();
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
    private static double meanPsi(List<FrocCase> normals, double rating) {
        return sumPsi(normals, rating) / normals.size();
    }

    /** Mean over all K1 + K2 cases of ψ(FP(case), rating). */
    private static double meanPsiAllCases(FrocDataset d, double rating) {
        return (sumPsi(d.normals(), rating) + sumPsi(d.abnormals(), rating)) / d.caseCount();
    }

    private static double sumPsi(List<FrocCase> fpCases, double rating) {
        double sum = 0;
        for (FrocCase c : fpCases) {
            sum += Psi.psi(c.highestNlRating(), rating);
        }
        return sum;
    }
}
