package org.calibra.scoring.domain.roc;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Empirical operating points from FROC data (Chakraborty, RJafroc FROC book, chapter "Empirical
 * plots from FROC data"). A point at threshold ζ counts the marks rated &ge; ζ. The thresholds are
 * the distinct finite ratings in the data, from highest to lowest, after a first point at +∞ (the
 * origin). The last point is the observed end-point; unmarked (−∞) events never cross a finite
 * threshold, which is why the AFROC needs its straight-line extension to (1, 1).
 */
public final class FrocCurves {

    private FrocCurves() {
    }

    /**
     * A point of the FROC curve.
     *
     * @param threshold ζ; +∞ for the origin
     * @param nlf       NLs rated &ge; ζ on all cases, divided by K1 + K2
     * @param llf       LLs rated &ge; ζ divided by L_T
     */
    public record FrocPoint(double threshold, double nlf, double llf) {
    }

    /**
     * A point of the AFROC and wAFROC curves (they share the abscissa).
     *
     * @param threshold ζ; +∞ for the origin
     * @param fpf       normal cases whose highest NL is &ge; ζ, divided by K1
     * @param llf       LLs rated &ge; ζ divided by L_T (AFROC ordinate)
     * @param wllf      1/K2 Σ lesion weight of LLs rated &ge; ζ (wAFROC ordinate)
     */
    public record AfrocPoint(double threshold, double fpf, double llf, double wllf) {
    }

    /** The FROC curve; needs at least one abnormal case (L_T &gt; 0). */
    public static List<FrocPoint> froc(FrocDataset d) {
        if (d.abnormalCount() == 0) {
            throw new IllegalArgumentException("FROC curve needs at least one abnormal case");
        }
        var thresholds = new TreeSet<Double>();
        allCases(d).forEach(c -> c.nlRatings().forEach(thresholds::add));
        d.abnormals().forEach(c -> c.lesions().stream().filter(FrocLesion::marked)
                .forEach(l -> thresholds.add(l.rating())));
        var points = new ArrayList<FrocPoint>();
        points.add(new FrocPoint(Double.POSITIVE_INFINITY, 0, 0));
        for (double t : thresholds.descendingSet()) {
            long nl = 0;
            for (FrocCase c : allCases(d)) {
                nl += c.nlRatings().stream().filter(r -> r >= t).count();
            }
            points.add(new FrocPoint(t, (double) nl / d.caseCount(), (double) llAtOrAbove(d, t) / d.lesionCount()));
        }
        return points;
    }

    /** The AFROC / wAFROC curve; needs at least one normal and one abnormal case. */
    public static List<AfrocPoint> afroc(FrocDataset d) {
        if (d.abnormalCount() == 0 || d.normalCount() == 0) {
            throw new IllegalArgumentException("AFROC curve needs at least one normal and one abnormal case");
        }
        var thresholds = new TreeSet<Double>();
        d.normals().stream().map(FrocCase::highestNlRating).filter(Double::isFinite).forEach(thresholds::add);
        d.abnormals().forEach(c -> c.lesions().stream().filter(FrocLesion::marked)
                .forEach(l -> thresholds.add(l.rating())));
        var points = new ArrayList<AfrocPoint>();
        points.add(new AfrocPoint(Double.POSITIVE_INFINITY, 0, 0, 0));
        for (double t : thresholds.descendingSet()) {
            long fp = d.normals().stream().filter(c -> c.highestNlRating() >= t).count();
            double wll = 0;
            for (FrocCase c : d.abnormals()) {
                for (FrocLesion l : c.lesions()) {
                    if (l.rating() >= t) {
                        wll += l.weight();
                    }
                }
            }
            points.add(new AfrocPoint(t, (double) fp / d.normalCount(), (double) llAtOrAbove(d, t) / d.lesionCount(),
                    wll / d.abnormalCount()));
        }
        return points;
    }

    private static long llAtOrAbove(FrocDataset d, double t) {
        long ll = 0;
        for (FrocCase c : d.abnormals()) {
            ll += c.lesions().stream().filter(l -> l.rating() >= t).count();
        }
        return ll;
    }

    private static List<FrocCase> allCases(FrocDataset d) {
        var all = new ArrayList<FrocCase>(d.normals());
        all.addAll(d.abnormals());
        return all;
    }
}
