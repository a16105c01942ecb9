package org.calibra.scoring.domain.roc;

/**
 * The Wilcoxon kernel ψ and the "not marked" rating.
 *
 * <p>Every empirical figure of merit here is an average of ψ over pairs (Bamber 1975 for ROC;
 * Chakraborty 2017 / RJafroc FROC book, chapter "Empirical plots", Appendix 3, for the FROC
 * family).
 */
public final class Psi {

    /**
     * Rating of an unmarked lesion or a mark-free case. Chakraborty assigns −∞ because an unmarked
     * lesion is an observable event; it ranks below every real mark and ties with itself.
     */
    public static final double UNMARKED = Double.NEGATIVE_INFINITY;

    private Psi() {
    }

    /**
     * ψ(x, y): 1 if y &gt; x, ½ if y = x, 0 if y &lt; x, where x is the "noise" rating (normal case,
     * or NL) and y the "signal" rating (abnormal case, or lesion). Two −∞ tie and give ½: an
     * unmarked lesion against a mark-free normal case is a draw, which is what gives an observer
     * who marks nothing an AFROC area of ½ (RJafroc {@code comp_phi} compares with {@code ==}).
     */
    public static double psi(double x, double y) {
        // −∞ is handled explicitly rather than left to IEEE comparison, so the rule is visible.
        boolean xUnmarked = x == UNMARKED;
        boolean yUnmarked = y == UNMARKED;
        if (xUnmarked || yUnmarked) {
            if (xUnmarked && yUnmarked) {
                return 0.5;
            }
            return xUnmarked ? 1.0 : 0.0;
        }
        if (y > x) {
            return 1.0;
        }
        return y == x ? 0.5 : 0.0;
    }

    /** A rating must be a real number or {@link #UNMARKED}; NaN and +∞ have no place on the scale. */
    static double requireRating(double rating, String what) {
        if (Double.isNaN(rating) || rating == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(what + " must be a finite rating or UNMARKED (−∞), was " + rating);
        }
        return rating;
    }

    /** A mark's rating: finite, because an actual mark always has a rating. */
    static double requireMarkRating(double rating, String what) {
        if (!Double.isFinite(rating)) {
            throw new IllegalArgumentException(what + " must be a finite rating, was " + rating);
        }
        return rating;
    }
}
