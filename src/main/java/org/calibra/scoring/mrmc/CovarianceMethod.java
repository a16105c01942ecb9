package org.calibra.scoring.mrmc;

/**
 * How the OR analysis estimates the error covariances of the figures of merit over case samples:
 * cov(θ_ij, θ_i'j') for every pair of (modality, reader) cells.
 */
public enum CovarianceMethod {

    /**
     * The jackknife (Efron 1982), as RJafroc and the Iowa OR-DBM program use by default:
     * cov = (K − 1)/K · Σ_k (θ_ij(k) − θ_ij(·)) (θ_i'j'(k) − θ_i'j'(·)), θ(·) the mean of the
     * leave-one-out values. Works for every figure of merit.
     */
    JACKKNIFE("jackknife") {
        @Override
        double[][] estimate(StudyFoms f) {
            int cells = f.modalityCount() * f.readerCount();
            int k = f.caseCount();
            double[][] centred = new double[cells][k];
            for (int c = 0; c < cells; c++) {
                int i = c / f.readerCount();
                int j = c % f.readerCount();
                double mean = 0;
                for (int n = 0; n < k; n++) {
                    mean += f.jackknife(i, j, n);
                }
                mean /= k;
                for (int n = 0; n < k; n++) {
                    centred[c][n] = f.jackknife(i, j, n) - mean;
                }
            }
            double[][] cov = new double[cells][cells];
            for (int a = 0; a < cells; a++) {
                for (int b = a; b < cells; b++) {
                    double s = 0;
                    for (int n = 0; n < k; n++) {
                        s += centred[a][n] * centred[b][n];
                    }
                    cov[a][b] = cov[b][a] = s * (k - 1) / k;
                }
            }
            return cov;
        }
    },

    /**
     * DeLong, DeLong &amp; Clarke-Pearson (1988): the structural components of a two-sample
     * U-statistic, see {@link DeLongCovariance}. Only for the Wilcoxon (inferred-ROC) AUC and wAFROC.
     */
    DELONG("DeLong") {
        @Override
        double[][] estimate(StudyFoms f) {
            return DeLongCovariance.estimate(f);
        }
    };

    private final String label;

    CovarianceMethod(String label) {
        this.label = label;
    }

    /** "jackknife" or "DeLong". */
    public String label() {
        return label;
    }

    /** cov[a][b] with cell a = i·J + j (modality i, reader j). */
    abstract double[][] estimate(StudyFoms foms);

    /** @throws IllegalArgumentException for a name other than jackknife or DeLong (any case) */
    public static CovarianceMethod parse(String name) {
        for (CovarianceMethod m : values()) {
            if (m.label.equalsIgnoreCase(name.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown covariance method '" + name + "'; expected jackknife or DeLong");
    }
}
