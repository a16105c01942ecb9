package org.calibra.competency.domain;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How one threshold fares against a reader's metrics.
 *
 * @param threshold the threshold
 * @param observed  the value compared (point estimate or Wilson lower bound); empty when the
 *                  metric has no trials yet
 * @param status    met, not met, or not yet measurable
 */
public record ThresholdResult(Threshold threshold, OptionalDouble observed, Status status) {

    public enum Status {
        MET,
        NOT_MET,
        /** No trials for this metric yet (e.g. no abnormal case read, for sensitivity). */
        NOT_YET_MEASURABLE
    }

    public ThresholdResult {
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(status, "status");
        if (observed.isEmpty() != (status == Status.NOT_YET_MEASURABLE)) {
            throw new IllegalArgumentException("observed must be empty exactly when status is NOT_YET_MEASURABLE");
        }
    }

    public boolean met() {
        return status == Status.MET;
    }
}
