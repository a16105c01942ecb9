package org.calibra.scoring.mrmc;

import java.util.ArrayList;
import java.util.List;
import org.calibra.scoring.mrmc.MrmcResult.Difference;
import org.calibra.scoring.mrmc.MrmcResult.FTest;
import org.calibra.scoring.mrmc.MrmcResult.Interval;
import org.calibra.scoring.mrmc.MrmcResult.ModalityEstimate;

/** F tests, t intervals and pairwise differences, shared by the OR and DBM analyses. */
final class Inference {

    private Inference() {
    }

    /**
     * F = MS(T) / error term. Modalities with identical figures (MS(T) = 0) give F = 0, p = 1 even
     * when the error term is 0 too; otherwise a non-positive error term gives NaN (no test).
     */
    static FTest fTest(double msT, double errorTerm, int ndf, double ddf) {
        if (msT == 0) {
            return new FTest(0, ndf, ddf, 1);
        }
        if (!(errorTerm > 0)) {
            return new FTest(Double.NaN, ndf, ddf, Double.NaN);
        }
        double f = msT / errorTerm;
        return new FTest(f, ndf, ddf, Distributions.fUpperTail(f, ndf, ddf));
    }

    static ModalityEstimate modality(String name, double fom, double stdErr, double df, double alpha) {
        return new ModalityEstimate(name, fom, stdErr, df, interval(fom, stdErr, df, alpha));
    }

    /** Every pair i &lt; i' of modalities, first − second, all with the same standard error and df. */
    static List<Difference> differences(List<String> names, Anova.TwoWay a, double stdErr, double df, double alpha) {
        var out = new ArrayList<Difference>();
        for (int i = 0; i < names.size(); i++) {
            for (int k = i + 1; k < names.size(); k++) {
                double d = a.modalityMean(i) - a.modalityMean(k);
                double t = stdErr > 0 ? d / stdErr : Double.NaN;
                out.add(new Difference(names.get(i), names.get(k), d, stdErr, df, t, Distributions.tTwoSided(t, df),
                        interval(d, stdErr, df, alpha)));
            }
        }
        return out;
    }

    private static Interval interval(double estimate, double stdErr, double df, double alpha) {
        if (!(stdErr >= 0) || Double.isNaN(df)) {
            return new Interval(Double.NaN, Double.NaN);
        }
        double half = Distributions.tQuantile(1 - alpha / 2, df) * stdErr;
        return new Interval(estimate - half, estimate + half);
    }
}
