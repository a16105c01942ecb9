package org.calibra.scoring.domain;

/** Argument checks shared by the value types, so every message has the same shape. */
public final class Checks {

    private Checks() {
    }

    public static String requireId(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank, was " + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    public static double requireFinite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number, was " + value);
        }
        return value;
    }

    public static double requirePositive(double value, String what) {
        requireFinite(value, what);
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be > 0, was " + value);
        }
        return value;
    }

    public static double requireUnitInterval(double value, String what) {
        requireFinite(value, what);
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException(what + " must be between 0 and 1, was " + value);
        }
        return value;
    }

    public static int requireNonNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must be >= 0, was " + value);
        }
        return value;
    }
}
