package org.calibra.scoring.domain;

import java.util.List;

/**
 * Outcome of checking a reader against a module's thresholds.
 *
 * @param results       one per threshold, in the given order
 * @param casesRead     cases the reader has completed
 * @param minimumCases  cases required before a pass is possible
 * @param passed        enough cases and every threshold met
 */
public record CompetencyEvaluation(List<ThresholdResult> results, int casesRead, int minimumCases, boolean passed) {

    public CompetencyEvaluation {
        results = List.copyOf(results);
        Checks.requireNonNegative(casesRead, "casesRead");
        Checks.requireNonNegative(minimumCases, "minimumCases");
        boolean expected = casesRead >= minimumCases && results.stream().allMatch(ThresholdResult::met);
        if (passed != expected) {
            throw new IllegalArgumentException("passed must be " + expected + " for these results and case counts");
        }
    }

    public boolean enoughCases() {
        return casesRead >= minimumCases;
    }

    /** Cases still to read before a pass is possible; 0 once the minimum is reached. */
    public int casesRemaining() {
        return Math.max(0, minimumCases - casesRead);
    }
}
