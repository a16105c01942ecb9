package org.calibra.scoring.irt;

/** The 2PL marginal log-likelihood written directly in (a, b): an independent yardstick for the engine. */
final class MarginalLikelihood2pl {

    private MarginalLikelihood2pl() {
    }

    /** Σ_p f_p log Σ_k A_k Π_i P_i(θ_k)^u (1 − P_i(θ_k))^(1−u), with x = (a_1, b_1, a_2, b_2, ...). */
    static double of(ItemResponses data, Quadrature q, double[] x) {
        double total = 0;
        for (int p = 0; p < data.patternCount(); p++) {
            double marginal = 0;
            for (int k = 0; k < q.size(); k++) {
                double likelihood = q.weights()[k];
                for (int i = 0; i < data.itemCount(); i++) {
                    int u = data.response(p, i);
                    if (u != ItemResponses.MISSING) {
                        double prob = 1 / (1 + Math.exp(-x[2 * i] * (q.nodes()[k] - x[2 * i + 1])));
                        likelihood *= u == 1 ? prob : 1 - prob;
                    }
                }
                marginal += likelihood;
            }
            total += data.count(p) * Math.log(marginal);
        }
        return total;
    }
}
