package org.calibra.adaptive;

/** Where the next case's Fisher information is maximised. */
public enum SelectionPoint {
    /** At the trainee's current ability estimate (EAP): the classic adaptive choice; the sequence follows the answers. */
    ESTIMATE,
    /**
     * At the cut θ_c: the choice that makes each read most informative for the pass/fail question the SPRT asks
     * (Spray &amp; Reckase 1996; Eggen 1999), but every trainee then sees the same cases in the same order.
     */
    CUT
}
