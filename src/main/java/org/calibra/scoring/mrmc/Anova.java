package org.calibra.scoring.mrmc;

import java.util.LinkedHashMap;
import java.util.Map;

/** The mean squares of the modality × reader (OR) and modality × reader × case (DBM) ANOVAs. */
final class Anova {

    private Anova() {
    }

    static void requireDesign(int modalities, int readers, double alpha) {
        if (modalities < 2 || readers < 2) {
            throw new IllegalArgumentException("an MRMC comparison needs at least 2 modalities and 2 readers; the study has "
                    + modalities + " modality(ies) and " + readers + " reader(s)");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("the significance level must be between 0 and 1, was " + alpha);
        }
    }

    /**
     * Modality × reader ANOVA of one value per cell, y[i][j] (OR: the figures of merit; DBM: the
     * pseudovalues averaged over cases, with every mean square then multiplied by K).
     */
    record TwoWay(double[][] y, double msT, double msR, double msTR) {

        static TwoWay of(double[][] y) {
            int t = y.length;
            int r = y[0].length;
            double grand = 0;
            double[] rowMean = new double[t];
            double[] colMean = new double[r];
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < r; j++) {
                    rowMean[i] += y[i][j] / r;
                    colMean[j] += y[i][j] / t;
                    grand += y[i][j] / (t * r);
                }
            }
            double ssT = 0;
            for (int i = 0; i < t; i++) {
                ssT += r * square(rowMean[i] - grand);
            }
            double ssR = 0;
            for (int j = 0; j < r; j++) {
                ssR += t * square(colMean[j] - grand);
            }
            double ssTR = 0;
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < r; j++) {
                    ssTR += square(y[i][j] - rowMean[i] - colMean[j] + grand);
                }
            }
            return new TwoWay(y, ssT / (t - 1), ssR / (r - 1), ssTR / ((t - 1) * (r - 1)));
        }

        double modalityMean(int i) {
            double s = 0;
            for (double v : y[i]) {
                s += v;
            }
            return s / y[i].length;
        }

        /** MS(R) of modality i alone: the readers' spread within it, Σ_j (y_ij − y_i·)² / (J − 1). */
        double msReadersWithin(int i) {
            double mean = modalityMean(i);
            double s = 0;
            for (double v : y[i]) {
                s += square(v - mean);
            }
            return s / (y[i].length - 1);
        }
    }

    /** Name, value, name, value, ... as a map that keeps that order (for printing). */
    static Map<String, Double> inOrder(Object... nameValue) {
        var m = new LinkedHashMap<String, Double>();
        for (int n = 0; n < nameValue.length; n += 2) {
            m.put((String) nameValue[n], (Double) nameValue[n + 1]);
        }
        return m;
    }

    static double square(double v) {
        return v * v;
    }
}
