package org.calibra.scoring.irt;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/** Gauss–Hermite nodes and weights rescaled to integrate against the standard normal density. */
record Quadrature(double[] nodes, double[] weights) {

    static Quadrature standardNormal(int points) {
        // commons-math gives ∫ e^{-x²} f(x) dx ≈ Σ w f(x); with θ = √2 x the weights become w/√π.
        GaussIntegrator rule = new GaussIntegratorFactory().hermite(points);
        double[] nodes = new double[points];
        double[] weights = new double[points];
        for (int k = 0; k < points; k++) {
            nodes[k] = Math.sqrt(2) * rule.getPoint(k);
            weights[k] = rule.getWeight(k) / Math.sqrt(Math.PI);
        }
        return new Quadrature(nodes, weights);
    }

    int size() {
        return nodes.length;
    }
}
