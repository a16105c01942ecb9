package org.calibra.scoring.domain;

import java.util.OptionalDouble;

/** A metric's value with its 95% interval, when it has one. */
public record Estimate(double point, OptionalDouble lower, OptionalDouble upper) {

    public Estimate {
        Checks.requireFinite(point, "point");
        if (lower.isPresent() != upper.isPresent()) {
            throw new IllegalArgumentException("give both ends of the interval or neither");
        }
        // not lower <= point <= upper: a percentile bootstrap interval need not contain the estimate
        if (lower.isPresent() && !(lower.getAsDouble() <= upper.getAsDouble())) {
            throw new IllegalArgumentException("need lower <= upper, was " + lower.getAsDouble() + ", " + upper.getAsDouble());
        }
    }

    public static Estimate of(double point, double lower, double upper) {
        return new Estimate(point, OptionalDouble.of(lower), OptionalDouble.of(upper));
    }

    public static Estimate pointOnly(double point) {
        return new Estimate(point, OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** A Wilson proportion as an estimate; null when it has no trials. */
    public static Estimate of(Proportion p) {
        return p.isDefined() ? of(p.estimate().getAsDouble(), p.lower().getAsDouble(), p.upper().getAsDouble()) : null;
    }
}
