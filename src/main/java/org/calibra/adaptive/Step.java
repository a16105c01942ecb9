package org.calibra.adaptive;

/** What the engine decides after the responses so far: read another case, or stop with a decision. */
public sealed interface Step {

    /** Ability estimate (EAP) after the responses so far. */
    double theta();

    /** Its posterior standard deviation. */
    double se();

    /** The SPRT log-likelihood ratio of θ_c + δ against θ_c − δ after the responses so far. */
    double llr();

    /**
     * Read {@code caseId} next.
     *
     * @param information the case's Fisher information at the selection point
     */
    record Next(String caseId, double theta, double se, double llr, double information, ChoiceReason reason)
            implements Step {
    }

    /** The attempt is over. */
    record Stop(Decision decision, double theta, double se, double llr, StopReason reason, int casesRead)
            implements Step {
    }

    enum Decision { PASS, FAIL }

    enum ChoiceReason {
        /** the unread case most informative at the selection point */
        MOST_INFORMATIVE,
        /** the remaining reads are needed to meet a content minimum, so the choice was limited to cases that count */
        CONTENT_MINIMUM
    }

    enum StopReason {
        /** the likelihood ratio reached (1 − β)/α */
        SPRT_ABOVE,
        /** the likelihood ratio fell to β/(1 − α) */
        SPRT_BELOW,
        /** the confidence interval of the ability lies above the cut */
        INTERVAL_ABOVE,
        /** the confidence interval of the ability lies below the cut */
        INTERVAL_BELOW,
        /** the maximum number of cases was read; decided by the estimate against the cut */
        MAXIMUM,
        /** no unread case is left; decided by the estimate against the cut */
        BANK_EXHAUSTED
    }
}
