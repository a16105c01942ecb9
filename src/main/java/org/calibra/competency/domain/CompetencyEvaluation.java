package org.calibra.competency.domain;

import org.calibra.scoring.domain.Checks;

import java.util.List;

/**
 * Outcome of checking a reader against a module's thresholds.
 *
 * @param results       one per threshold, in the given order
 * @param casesRead     cases the reader has completed
 * @param minimumCases  cases required before a pass is possible
 * @param passed        enough cases (in all, abnormal and normal) and every threshold met
 */
public record CompetencyEvaluation(List<ThresholdResult> results, int casesRead, int minimumCases, int abnormalRead,
                                   int minimumAbnormal, int normalRead, int minimumNormal, boolean passed) {

    public CompetencyEvaluation {
        results = List.copyOf(results);
        Checks.requireNonNegative(casesRead, "casesRead");
        Checks.requireNonNegative(minimumCases, "minimumCases");
        boolean expected = casesRead >= minimumCases && abnormalRead >= minimumAbnormal && normalRead >= minimumNormal
                && results.stream().allMatch(ThresholdResult::met);
        if (passed != expected) {
            throw new IllegalArgumentException("passed must be " + expected + " for these results and case counts");
        }
    }

    /** Without abnormal/normal minimums. */
    public CompetencyEvaluation(List<ThresholdResult> results, int casesRead, int minimumCases, boolean passed) {
        this(results, casesRead, minimumCases, 0, 0, 0, 0, passed);
    }

    public boolean enoughCases() {
        return casesRead >= minimumCases && abnormalRead >= minimumAbnormal && normalRead >= minimumNormal;
    }

    /** Cases still to read before a pass is possible; 0 once the minimum is reached. */
    public int casesRemaining() {
        return Math.max(0, minimumCases - casesRead);
    }
}
