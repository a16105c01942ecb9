package org.calibra.adaptive;

/** How an adaptive attempt decides it has seen enough. */
public enum StoppingRule {
    /** Wald's sequential probability ratio test of θ_c + δ against θ_c − δ (Reckase 1983). */
    SPRT,
    /** Stop when the one-sided confidence interval of the ability estimate excludes the cut (Kingsbury &amp; Weiss). */
    CONFIDENCE_INTERVAL
}
