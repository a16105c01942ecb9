package org.calibra.scoring.mrmc;

import java.util.ArrayList;
import java.util.List;
import org.calibra.scoring.mrmc.MrmcResult.Analysis;
import org.calibra.scoring.mrmc.MrmcResult.Difference;
import org.calibra.scoring.mrmc.MrmcResult.FTest;
import org.calibra.scoring.mrmc.MrmcResult.Generalization;
import org.calibra.scoring.mrmc.MrmcResult.ModalityEstimate;

/**
 * The Obuchowski–Rockette (1995) analysis of the reader × modality figures of merit with Hillis'
 * (2007) denominator degrees of freedom, as the Iowa OR-DBM MRMC program and RJafroc
 * ({@code StSignificanceTesting(method = "OR")}) compute it. The model is
 * θ_ij = μ + τ_i + R_j + (τR)_ij + ε_ij, the errors ε correlated through the shared cases with
 * Var (same cell), Cov1 (same reader, other modality), Cov2 (same modality, other reader) and
 * Cov3 (both other). Formulas: docs/metrics.md, "MRMC significance tests".
 */
public final class ObuchowskiRockette {

    private ObuchowskiRockette() {
    }

    /**
     * @param alpha significance level, e.g. 0.05 for 95% intervals
     * @throws IllegalArgumentException with fewer than 2 modalities or 2 readers, or DeLong
     *                                  covariances for a figure that has none
     */
    public static MrmcResult analyse(StudyFoms f, CovarianceMethod method, double alpha) {
        int modalities = f.modalityCount();
        int readers = f.readerCount();
        Anova.requireDesign(modalities, readers, alpha);
        double[][] theta = f.foms();
        Covariances c = Covariances.of(method.estimate(f), modalities, readers);
        Anova.TwoWay a = Anova.TwoWay.of(theta);
        int i1 = modalities - 1;
        int j1 = readers - 1;
        var names = f.study().modalities();

        // Random readers, random cases: Hillis' error term and ddf_H.
        double denRrrc = a.msTR() + readers * Math.max(c.cov2() - c.cov3(), 0);
        double ddfRrrc = denRrrc * denRrrc * i1 * j1 / (a.msTR() * a.msTR());
        var rrrcModalities = new ArrayList<ModalityEstimate>();
        for (int i = 0; i < modalities; i++) {
            double msR = a.msReadersWithin(i);
            double den = msR + readers * Math.max(c.cov2Within(i), 0);
            double df = den * den * j1 / (msR * msR);
            rrrcModalities.add(Inference.modality(names.get(i), a.modalityMean(i), Math.sqrt(den / readers), df, alpha));
        }
        Analysis rrrc = new Analysis(Generalization.RANDOM_READERS_RANDOM_CASES,
                Inference.fTest(a.msT(), denRrrc, i1, ddfRrrc),
                rrrcModalities, Inference.differences(names, a, Math.sqrt(2 * denRrrc / readers), ddfRrrc, alpha));

        // Fixed readers, random cases: a chi-square test (ddf = ∞).
        double denFrrc = c.var() - c.cov1() + j1 * Math.max(c.cov2() - c.cov3(), 0);
        var frrcModalities = new ArrayList<ModalityEstimate>();
        for (int i = 0; i < modalities; i++) {
            double se = Math.sqrt((c.varWithin(i) + j1 * Math.max(c.cov2Within(i), 0)) / readers);
            frrcModalities.add(Inference.modality(names.get(i), a.modalityMean(i), se, Double.POSITIVE_INFINITY, alpha));
        }
        Analysis frrc = new Analysis(Generalization.FIXED_READERS_RANDOM_CASES,
                Inference.fTest(a.msT(), denFrrc, i1, Double.POSITIVE_INFINITY), frrcModalities,
                Inference.differences(names, a, Math.sqrt(2 * denFrrc / readers), Double.POSITIVE_INFINITY, alpha));

        // Random readers, fixed cases: the conventional modality × reader ANOVA; covariances play no part.
        double ddfRrfc = i1 * j1;
        var rrfcModalities = new ArrayList<ModalityEstimate>();
        for (int i = 0; i < modalities; i++) {
            rrfcModalities.add(Inference.modality(names.get(i), a.modalityMean(i), Math.sqrt(a.msReadersWithin(i) / readers), j1, alpha));
        }
        Analysis rrfc = new Analysis(Generalization.RANDOM_READERS_FIXED_CASES, Inference.fTest(a.msT(), a.msTR(), i1, ddfRrfc),
                rrfcModalities, Inference.differences(names, a, Math.sqrt(2 * a.msTR() / readers), ddfRrfc, alpha));

        return new MrmcResult("Obuchowski–Rockette, " + method.label() + " covariances", f.label(), names,
                f.study().readers(), theta, alpha, Anova.inOrder("MS(T)", a.msT(), "MS(R)", a.msR(), "MS(T×R)", a.msTR(),
                        "Var", c.var(), "Cov1", c.cov1(), "Cov2", c.cov2(), "Cov3", c.cov3()), rrrc, frrc, rrfc);
    }

    /**
     * The OR error variance and covariances: averages of the covariance matrix over the cell pairs
     * of each kind, overall and within each modality.
     */
    record Covariances(double var, double cov1, double cov2, double cov3, double[] varWithinModality,
            double[] cov2WithinModality) {

        double varWithin(int i) {
            return varWithinModality[i];
        }

        double cov2Within(int i) {
            return cov2WithinModality[i];
        }

        static Covariances of(double[][] cov, int modalities, int readers) {
            double[] sum = new double[4];
            long[] count = new long[4];
            double[] varWithin = new double[modalities];
            double[] cov2Within = new double[modalities];
            for (int a = 0; a < cov.length; a++) {
                for (int b = 0; b < cov.length; b++) {
                    int ia = a / readers;
                    int ja = a % readers;
                    int ib = b / readers;
                    int jb = b % readers;
                    int kind = ia == ib ? (ja == jb ? 0 : 2) : (ja == jb ? 1 : 3);
                    sum[kind] += cov[a][b];
                    count[kind]++;
                    if (kind == 0) {
                        varWithin[ia] += cov[a][b] / readers;
                    } else if (kind == 2) {
                        cov2Within[ia] += cov[a][b] / ((double) readers * (readers - 1));
                    }
                }
            }
            return new Covariances(sum[0] / count[0], sum[1] / count[1], sum[2] / count[2], sum[3] / count[3],
                    varWithin, cov2Within);
        }
    }
}
