package org.calibra.scoring.mrmc;

import java.util.List;
import org.calibra.scoring.domain.roc.FigureOfMerit;
import org.calibra.scoring.domain.roc.FrocCase;
import org.calibra.scoring.domain.roc.FrocDataset;
import org.calibra.scoring.domain.roc.FrocFom;
import org.calibra.scoring.domain.roc.FrocLesion;
import org.calibra.scoring.domain.roc.Psi;

/**
 * DeLong covariances of figures of merit that are two-sample U-statistics over the normal × abnormal
 * case pairs, θ = 1/(K1·K2) Σ_k1 Σ_k2 φ(k1, k2):
 *
 * <ul>
 *   <li>Wilcoxon AUC of the inferred ROC ratings ({@link FrocFom#HR_AUC}): φ = ψ(R(k1), R(k2)),
 *       R the highest rating on the case;</li>
 *   <li>wAFROC ({@link FrocFom#WAFROC}): φ = Σ_lesions l of k2 W_l · ψ(FP(k1), LL_l).</li>
 * </ul>
 *
 * <p>With structural components V10(k2) = mean over k1 of φ and V01(k1) = mean over k2 of φ,
 * cov(θ, θ') = S10/K2 + S01/K1, S10 the sample covariance (denominator K2 − 1) of V10 and V10'
 * over abnormal cases, S01 likewise over normal cases. For a single AUC this is
 * {@link org.calibra.scoring.domain.roc.EmpiricalRoc#analyse}'s variance. AFROC is not a U-statistic
 * of this kind (it divides by the lesion count, which varies with the case sample), so it has none.
 */
final class DeLongCovariance {

    private DeLongCovariance() {
    }

    /** Whether DeLong covariances exist for the figure. */
    static boolean supports(FigureOfMerit fom) {
        return fom == FrocFom.HR_AUC || fom == FrocFom.WAFROC;
    }

    static double[][] estimate(StudyFoms f) {
        FigureOfMerit fom = f.figureOfMerit();
        if (!supports(fom)) {
            throw new IllegalArgumentException("DeLong covariances exist only for the Wilcoxon (inferred ROC) AUC and wAFROC, not "
                    + fom.label() + "; use the jackknife");
        }
        var study = f.study();
        int cells = f.modalityCount() * f.readerCount();
        int k1 = study.normalCount();
        int k2 = study.abnormalCount();
        double[][] v10 = new double[cells][];
        double[][] v01 = new double[cells][];
        double[] theta = new double[cells];
        for (int c = 0; c < cells; c++) {
            int i = c / f.readerCount();
            int j = c % f.readerCount();
            FrocDataset d = study.dataset(study.readers().get(j), study.modalities().get(i));
            double[][] phi = kernel((FrocFom) fom, d);
            v10[c] = new double[k2];
            v01[c] = new double[k1];
            double sum = 0;
            for (int a = 0; a < k1; a++) {
                for (int b = 0; b < k2; b++) {
                    v10[c][b] += phi[a][b] / k1;
                    v01[c][a] += phi[a][b] / k2;
                    sum += phi[a][b];
                }
            }
            theta[c] = sum / ((double) k1 * k2);
        }
        double[][] cov = new double[cells][cells];
        for (int a = 0; a < cells; a++) {
            for (int b = a; b < cells; b++) {
                double s10 = 0;
                for (int n = 0; n < k2; n++) {
                    s10 += (v10[a][n] - theta[a]) * (v10[b][n] - theta[b]);
                }
                double s01 = 0;
                for (int n = 0; n < k1; n++) {
                    s01 += (v01[a][n] - theta[a]) * (v01[b][n] - theta[b]);
                }
                cov[a][b] = cov[b][a] = s10 / (k2 - 1) / k2 + s01 / (k1 - 1) / k1;
            }
        }
        return cov;
    }

    /** φ(k1, k2) for every normal case k1 and abnormal case k2; its mean is the figure of merit. */
    static double[][] kernel(FrocFom fom, FrocDataset d) {
        List<FrocCase> normals = d.normals();
        List<FrocCase> abnormals = d.abnormals();
        double[][] phi = new double[normals.size()][abnormals.size()];
        for (int a = 0; a < normals.size(); a++) {
            FrocCase n = normals.get(a);
            double noise = fom == FrocFom.HR_AUC ? n.highestRating() : n.highestNlRating();
            for (int b = 0; b < abnormals.size(); b++) {
                FrocCase ab = abnormals.get(b);
                if (fom == FrocFom.HR_AUC) {
                    phi[a][b] = Psi.psi(noise, ab.highestRating());
                } else {
                    double s = 0;
                    for (FrocLesion l : ab.lesions()) {
                        s += l.weight() * Psi.psi(noise, l.rating());
                    }
                    phi[a][b] = s;
                }
            }
        }
        return phi;
    }
}
