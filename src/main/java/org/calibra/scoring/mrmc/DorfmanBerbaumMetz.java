package org.calibra.scoring.mrmc;

import static org.calibra.scoring.mrmc.Anova.square;

import java.util.ArrayList;
import org.calibra.scoring.mrmc.MrmcResult.Analysis;
import org.calibra.scoring.mrmc.MrmcResult.Generalization;
import org.calibra.scoring.mrmc.MrmcResult.ModalityEstimate;

/**
 * The Dorfman–Berbaum–Metz (1992) analysis with Hillis' improvements (Hillis, Berbaum &amp; Metz
 * 2008), as RJafroc ({@code StSignificanceTesting(method = "DBM")}) and the Iowa program compute
 * it: a modality × reader × case ANOVA of the jackknife pseudovalues
 * Y_ijk = K·θ_ij − (K − 1)·θ_ij(k), centred so that their mean over cases is θ_ij. Formulas:
 * docs/metrics.md, "MRMC significance tests".
 */
public final class DorfmanBerbaumMetz {

    private DorfmanBerbaumMetz() {
    }

    /** @throws IllegalArgumentException with fewer than 2 modalities or 2 readers */
    public static MrmcResult analyse(StudyFoms f, double alpha) {
        int t = f.modalityCount();
        int r = f.readerCount();
        int k = f.caseCount();
        Anova.requireDesign(t, r, alpha);
        double[][][] y = pseudovalues(f);
        double[][] theta = f.foms();
        var names = f.study().modalities();
        Anova.TwoWay cellMeans = Anova.TwoWay.of(theta); // Y_ij· = θ_ij after centring
        double msT = k * cellMeans.msT();
        double msTR = k * cellMeans.msTR();
        CaseTerms c = CaseTerms.of(y, theta);
        int t1 = t - 1;
        int r1 = r - 1;
        int k1 = k - 1;
        double jk = (double) r * k;

        double denRrrc = msTR + Math.max(c.msTC - c.msTRC, 0);
        double ddfRrrc = denRrrc * denRrrc / (msTR * msTR / (t1 * r1));
        var rrrcModalities = new ArrayList<ModalityEstimate>();
        var frrcModalities = new ArrayList<ModalityEstimate>();
        var rrfcModalities = new ArrayList<ModalityEstimate>();
        for (int i = 0; i < t; i++) {
            double msR = k * cellMeans.msReadersWithin(i);
            double den = msR + Math.max(c.msCWithin[i] - c.msRCWithin[i], 0);
            double mean = cellMeans.modalityMean(i);
            rrrcModalities.add(Inference.modality(names.get(i), mean, Math.sqrt(den / jk), den * den * r1 / (msR * msR), alpha));
            frrcModalities.add(Inference.modality(names.get(i), mean, Math.sqrt(c.msCWithin[i] / jk), k1, alpha));
            rrfcModalities.add(Inference.modality(names.get(i), mean, Math.sqrt(msR / jk), r1, alpha));
        }
        Analysis rrrc = new Analysis(Generalization.RANDOM_READERS_RANDOM_CASES, Inference.fTest(msT, denRrrc, t1, ddfRrrc),
                rrrcModalities, Inference.differences(names, cellMeans, Math.sqrt(2 * denRrrc / jk), ddfRrrc, alpha));
        double ddfFrrc = (double) t1 * k1;
        Analysis frrc = new Analysis(Generalization.FIXED_READERS_RANDOM_CASES, Inference.fTest(msT, c.msTC, t1, ddfFrrc),
                frrcModalities, Inference.differences(names, cellMeans, Math.sqrt(2 * c.msTC / jk), ddfFrrc, alpha));
        double ddfRrfc = (double) t1 * r1;
        Analysis rrfc = new Analysis(Generalization.RANDOM_READERS_FIXED_CASES, Inference.fTest(msT, msTR, t1, ddfRrfc),
                rrfcModalities, Inference.differences(names, cellMeans, Math.sqrt(2 * msTR / jk), ddfRrfc, alpha));
        return new MrmcResult("Dorfman–Berbaum–Metz, jackknife pseudovalues", f.label(), names,
                f.study().readers(), theta, alpha, Anova.inOrder("MS(T)", msT, "MS(R)", k * cellMeans.msR(), "MS(T×R)", msTR,
                        "MS(T×C)", c.msTC, "MS(T×R×C)", c.msTRC), rrrc, frrc, rrfc);
    }

    /**
     * Y_ijk = K·θ_ij − (K − 1)·θ_ij(k), plus θ_ij − mean_k Y_ijk. The shift is Hillis' "normalised"
     * pseudovalues; it is 0 for the Wilcoxon AUC and keeps the DBM and OR estimates the same for
     * every figure.
     */
    static double[][][] pseudovalues(StudyFoms f) {
        int k = f.caseCount();
        double[][][] y = new double[f.modalityCount()][f.readerCount()][k];
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y[i].length; j++) {
                double mean = 0;
                for (int n = 0; n < k; n++) {
                    y[i][j][n] = k * f.fom(i, j) - (k - 1) * f.jackknife(i, j, n);
                    mean += y[i][j][n] / k;
                }
                for (int n = 0; n < k; n++) {
                    y[i][j][n] += f.fom(i, j) - mean;
                }
            }
        }
        return y;
    }

    /** The mean squares that involve cases: C, TC, RC, TRC, and C and RC within each modality. */
    private record CaseTerms(double msTC, double msTRC, double[] msCWithin, double[] msRCWithin) {

        static CaseTerms of(double[][][] y, double[][] cell) {
            int t = y.length;
            int r = y[0].length;
            int k = y[0][0].length;
            double[][] modalityCase = new double[t][k]; // Y_i·k
            double[][] readerCase = new double[r][k]; // Y_·jk
            double[] caseMean = new double[k]; // Y_··k
            double[] modalityMean = new double[t]; // Y_i··
            double[] readerMean = new double[r]; // Y_·j·
            double grand = 0;
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < r; j++) {
                    modalityMean[i] += cell[i][j] / r;
                    readerMean[j] += cell[i][j] / t;
                    grand += cell[i][j] / (t * r);
                    for (int n = 0; n < k; n++) {
                        modalityCase[i][n] += y[i][j][n] / r;
                        readerCase[j][n] += y[i][j][n] / t;
                        caseMean[n] += y[i][j][n] / (t * r);
                    }
                }
            }
            double ssTC = 0;
            double[] msC = new double[t];
            for (int i = 0; i < t; i++) {
                for (int n = 0; n < k; n++) {
                    ssTC += square(modalityCase[i][n] - modalityMean[i] - caseMean[n] + grand);
                    msC[i] += square(modalityCase[i][n] - modalityMean[i]);
                }
                msC[i] *= (double) r / (k - 1);
            }
            double ssTRC = 0;
            double[] msRC = new double[t];
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < r; j++) {
                    for (int n = 0; n < k; n++) {
                        ssTRC += square(y[i][j][n] - cell[i][j] - modalityCase[i][n] - readerCase[j][n]
                                + modalityMean[i] + readerMean[j] + caseMean[n] - grand);
                        msRC[i] += square(y[i][j][n] - cell[i][j] - modalityCase[i][n] + modalityMean[i]);
                    }
                }
                msRC[i] /= (double) (r - 1) * (k - 1);
            }
            double msTC = r * ssTC / ((double) (t - 1) * (k - 1));
            double msTRC = ssTRC / ((double) (t - 1) * (r - 1) * (k - 1));
            return new CaseTerms(msTC, msTRC, msC, msRC);
        }
    }
}
