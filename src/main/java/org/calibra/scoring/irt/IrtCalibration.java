package org.calibra.scoring.irt;

import java.util.List;

/**
 * The result of fitting an item response model.
 *
 * @param model            the model fitted
 * @param items            per item parameters with standard errors, in input order
 * @param logLikelihood    marginal log-likelihood at the estimates (Σ over persons of log ∫ P(pattern | θ) φ(θ) dθ)
 * @param iterations       EM cycles run (Newton refinement steps not counted)
 * @param converged        true when EM met its tolerance, the final gradient is ~0 and the information matrix
 *                         is positive definite; false estimates and standard errors should not be trusted
 * @param quadraturePoints Gauss–Hermite points used
 * @param persons          persons in the data
 */
public record IrtCalibration(IrtModel model, List<ItemParameters> items, double logLikelihood, int iterations,
        boolean converged, int quadraturePoints, double persons) {

    public IrtCalibration {
        items = List.copyOf(items);
    }

    public ItemParameters item(String label) {
        return items.stream().filter(p -> p.item().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no item '" + label + "' in this calibration"));
    }
}
