package org.calibra.scoring.domain;

import java.util.OptionalDouble;

/**
 * A binomial proportion with its 95% Wilson score interval (Wilson 1927; Newcombe 1998, method 3).
 *
 * <p>Wilson rather than the textbook Wald interval because trainees are scored on few cases:
 * Wald collapses to zero width at 0/n and n/n and undercovers at small n; Wilson stays inside
 * [0, 1] and keeps close to nominal coverage.
 *
 * <p>With no trials nothing is known, so estimate and bounds are empty instead of NaN.
 *
 * @param successes number of successes, 0..trials
 * @param trials    number of trials, &gt;= 0
 * @param estimate  successes / trials; empty when trials = 0
 * @param lower     lower bound of the 95% Wilson interval; empty when trials = 0
 * @param upper     upper bound of the 95% Wilson interval; empty when trials = 0
 */
public record Proportion(int successes, int trials, OptionalDouble estimate, OptionalDouble lower,
        OptionalDouble upper) {

    /** Two-sided 95% normal quantile, Φ⁻¹(0.975). */
    public static final double Z_95 = 1.959963984540054;

    public Proportion {
        Checks.requireNonNegative(trials, "trials");
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes must be between 0 and trials (" + trials + "), was " + successes);
        }
        if (estimate == null || lower == null || upper == null) {
            throw new IllegalArgumentException("estimate, lower and upper must not be null; use OptionalDouble.empty()");
        }
        boolean defined = trials > 0;
        if (estimate.isPresent() != defined || lower.isPresent() != defined || upper.isPresent() != defined) {
            throw new IllegalArgumentException("estimate and bounds must be present exactly when trials > 0 (trials = " + trials + ")");
        }
        if (defined && !(0 <= lower.getAsDouble() && lower.getAsDouble() <= estimate.getAsDouble()
                && estimate.getAsDouble() <= upper.getAsDouble() && upper.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("need 0 <= lower <= estimate <= upper <= 1, was "
                    + lower.getAsDouble() + ", " + estimate.getAsDouble() + ", " + upper.getAsDouble());
        }
    }

    /** successes / trials with its 95% Wilson score interval. */
    public static Proportion wilson(int successes, int trials) {
        Checks.requireNonNegative(trials, "trials");
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes must be between 0 and trials (" + trials + "), was " + successes);
        }
        if (trials == 0) {
            return new Proportion(0, 0, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
        }
        double n = trials;
        double x = successes;
        double z2 = Z_95 * Z_95;
        // Closed form (2x + z² ∓ z·sqrt(z² + 4x(n−x)/n)) / (2(n + z²)): at x = 0 and x = n the
        // square root equals z, so the bounds come out exactly 0 and 1 without clamping.
        double centre = 2 * x + z2;
        double spread = Z_95 * Math.sqrt(z2 + 4 * x * (n - x) / n);
        double denominator = 2 * (n + z2);
        double estimate = x / n;
        double lower = successes == 0 ? 0.0 : Math.min(estimate, (centre - spread) / denominator);
        double upper = successes == trials ? 1.0 : Math.max(estimate, (centre + spread) / denominator);
        return new Proportion(successes, trials, OptionalDouble.of(estimate), OptionalDouble.of(lower),
                OptionalDouble.of(upper));
    }

    /**
     * The proportion in words, e.g. "83% (5 of 6; 95% CI 44–97%)", or "not measured yet". This wording is part of what
     * certificates state as evidence, so it belongs to the statistic, not to a page.
     */
    public String inWords() {
        if (!isDefined()) {
            return "not measured yet";
        }
        return String.format("%d%% (%d of %d; 95%% CI %d–%d%%)", Math.round(estimate.getAsDouble() * 100), successes, trials,
                Math.round(lower.getAsDouble() * 100), Math.round(upper.getAsDouble() * 100));
    }

    public boolean isDefined() {
        return trials > 0;
    }
}
