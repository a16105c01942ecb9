package org.calibra.scoring.irt;

/**
 * Numerical settings of the fit.
 *
 * @param quadraturePoints Gauss–Hermite points over the ability distribution (ltm uses 15 for the 2PL, 21 for Rasch)
 * @param maxIterations    most EM cycles before giving up (the fit then reports not converged)
 * @param tolerance        EM stops when no parameter (intercept or slope) moves by more than this in one cycle
 */
public record FitOptions(int quadraturePoints, int maxIterations, double tolerance) {

    public FitOptions {
        if (quadraturePoints < 5 || quadraturePoints > 101) {
            throw new IllegalArgumentException("quadrature points: " + quadraturePoints + "; expected 5 to 101");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maximum EM iterations: " + maxIterations + "; expected at least 1");
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance: " + tolerance + "; expected a positive number");
        }
    }

    public static FitOptions defaults() {
        return new FitOptions(21, 2000, 1e-6);
    }

    public FitOptions withQuadraturePoints(int points) {
        return new FitOptions(points, maxIterations, tolerance);
    }
}
