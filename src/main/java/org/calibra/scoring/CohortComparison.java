package org.calibra.scoring;

import java.util.List;
import java.util.Map;
import org.calibra.scoring.domain.CohortStats;

/**
 * How a trainee's figures in a module compare with other residents' latest attempts, anonymised: only
 * quartiles and a percentile leave the scoring module, and nothing at all below {@link #MINIMUM_COHORT}
 * other residents, so no single person's result can be inferred.
 *
 * @param trainees         other residents with enough reads to be compared
 * @param metrics          by metric key (sensitivity, specificity, lesionLocalisationFraction, rocAuc, wAFROC)
 * @param operatingPoints  each other resident's (1 − specificity, sensitivity), shuffled
 */
public record CohortComparison(int trainees, Map<String, CohortStats> metrics, List<double[]> operatingPoints) {

    public static final int MINIMUM_COHORT = 5;

    public static CohortComparison tooFew(int trainees) {
        return new CohortComparison(trainees, Map.of(), List.of());
    }

    public boolean available() {
        return trainees >= MINIMUM_COHORT;
    }
}
