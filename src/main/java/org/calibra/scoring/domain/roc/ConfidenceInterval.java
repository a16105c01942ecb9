package org.calibra.scoring.domain.roc;

/** A two-sided interval [lower, upper] for a figure of merit on the 0..1 scale. */
public record ConfidenceInterval(double lower, double upper) {

    public ConfidenceInterval {
        if (!(0 <= lower && lower <= upper && upper <= 1)) {
            throw new IllegalArgumentException("need 0 <= lower <= upper <= 1, was " + lower + ", " + upper);
        }
    }

    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }
}
