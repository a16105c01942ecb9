package org.calibra.scoring.mrmc;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Tail probabilities and quantiles of the F, t, chi-square and normal distributions (commons-math3),
 * with infinite denominator degrees of freedom meaning the limiting chi-square or normal: Hillis'
 * ddf is infinite when MS(T×R) is 0, and fixed-reader OR tests are chi-square tests.
 */
final class Distributions {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Distributions() {
    }

    /** P(F(ndf, ddf) &gt; f); NaN when f is NaN. */
    static double fUpperTail(double f, int ndf, double ddf) {
        if (Double.isNaN(f) || Double.isNaN(ddf)) {
            return Double.NaN;
        }
        if (Double.isInfinite(ddf)) {
            return 1 - new ChiSquaredDistribution(null, ndf).cumulativeProbability(f * ndf);
        }
        return 1 - new FDistribution(null, ndf, ddf).cumulativeProbability(f);
    }

    /** Two-sided P(|T(df)| &gt; |t|). */
    static double tTwoSided(double t, double df) {
        if (Double.isNaN(t) || Double.isNaN(df)) {
            return Double.NaN;
        }
        double upper = Double.isInfinite(df) ? 1 - NORMAL.cumulativeProbability(Math.abs(t))
                : 1 - new TDistribution(null, df).cumulativeProbability(Math.abs(t));
        return 2 * upper;
    }

    /** The quantile of T(df) at probability p (the normal quantile when df = ∞). */
    static double tQuantile(double p, double df) {
        if (Double.isNaN(df)) {
            return Double.NaN;
        }
        return Double.isInfinite(df) ? NORMAL.inverseCumulativeProbability(p)
                : new TDistribution(null, df).inverseCumulativeProbability(p);
    }
}
