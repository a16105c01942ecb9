package org.calibra.competency.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.calibra.competency.domain.Threshold.Bound;
import org.calibra.scoring.domain.ModuleMetrics;
import org.calibra.scoring.domain.ScoredCase;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Three attempts decided under two threshold sets, worked by hand.
 *
 * <pre>
 *              abnormal read right   normal read right   cases   sensitivity   specificity
 * attempt A         4 of 5               4 of 5             10       0.80          0.80
 * attempt B         3 of 5               5 of 5             10       0.60          1.00
 * attempt C         5 of 5               1 of 4              9       1.00          0.25
 *
 * current : sensitivity ≥ 0.6 (point); at least 8 cases
 *           A 0.80 ≥ 0.6 pass · B 3/5 = 0.60 ≥ 0.6 pass (exactly at the limit) · C 1.00 ≥ 0.6 pass, 9 ≥ 8 cases   → 3 pass
 * proposed: sensitivity ≥ 0.8 (point), specificity ≥ 0.5 (point); at least 10 cases, 5 normal
 *           A 0.80 ≥ 0.8, 0.80 ≥ 0.5, 10 cases, 5 normal                         → pass
 *           B 0.60 < 0.8 fails threshold 0; 1.00 ≥ 0.5                           → fail [0]
 *           C 1.00 ≥ 0.8; 0.25 < 0.5 fails threshold 1; 9 < 10 cases; 4 < 5 normal → fail [1] + two shortfalls
 *                                                                                → 1 passes
 * </pre>
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ThresholdComparisonTest {

    private static final List<Threshold> CURRENT = List.of(new Threshold("sensitivity", 0.6, Bound.POINT));
    private static final List<Threshold> PROPOSED = List.of(new Threshold("sensitivity", 0.8, Bound.POINT),
            new Threshold("specificity", 0.5, Bound.POINT));

    @Test
    void three_attempts_under_the_current_and_the_proposed_thresholds() {
        var a = attempt(1, "R7", 5, 4, 5, 4);
        var b = attempt(2, "R8", 5, 3, 5, 5);
        var c = attempt(3, "R9", 5, 5, 4, 1);

        var comparison = ThresholdComparison.compare(List.of(a, b, c));

        assertThat(comparison.attemptsConsidered()).isEqualTo(3);
        assertThat(comparison.passedUnderCurrent()).isEqualTo(3);
        assertThat(comparison.passedUnderProposed()).isEqualTo(1);
        var rows = comparison.rows();
        assertThat(rows).extracting(r -> r.attempt().attemptId()).as("in the order given").containsExactly(1L, 2L, 3L);
        assertThat(rows.get(0).passedUnderProposed()).isTrue();
        assertThat(rows.get(0).failedThresholds()).isEmpty();
        assertThat(rows.get(0).caseShortfalls()).isEmpty();
        assertThat(rows.get(1).passedUnderCurrent()).isTrue();
        assertThat(rows.get(1).passedUnderProposed()).isFalse();
        assertThat(rows.get(1).failedThresholds()).as("sensitivity 0.6 < 0.8").containsExactly(0);
        assertThat(rows.get(1).caseShortfalls()).isEmpty();
        assertThat(rows.get(2).failedThresholds()).as("specificity 0.25 < 0.5").containsExactly(1);
        assertThat(rows.get(2).caseShortfalls()).containsExactly("at least 10 cases read (9 read)", "at least 5 normal cases read (4 read)");
    }

    @Test
    void a_threshold_not_measurable_yet_counts_as_failed_and_an_abnormal_minimum_is_worded() {
        // only normal cases read: no sensitivity at all
        var onlyNormals = attempt(4, "R3", 0, 0, 3, 3);

        var row = ThresholdComparison.compare(List.of(onlyNormals)).rows().getFirst();

        assertThat(row.attempt().proposed().results().getFirst().status()).isEqualTo(ThresholdResult.Status.NOT_YET_MEASURABLE);
        assertThat(row.failedThresholds()).containsExactly(0);
        assertThat(row.caseShortfalls()).containsExactly("at least 10 cases read (3 read)", "at least 5 normal cases read (3 read)");
        assertThat(ThresholdComparison.caseShortfalls(CompetencyEvaluator.evaluate(List.of(), MetricValues.of(metrics(0, 0, 3, 3)),
                metrics(0, 0, 3, 3), 0, 2, 0))).containsExactly("at least 2 abnormal cases read (0 read)");
    }

    @Test
    void no_attempts_compare_to_nothing() {
        var none = ThresholdComparison.compare(List.of());
        assertThat(none.attemptsConsidered()).isZero();
        assertThat(none.passedUnderCurrent()).isZero();
        assertThat(none.passedUnderProposed()).isZero();
        assertThat(none.rows()).isEmpty();
    }

    /** An attempt with these reads, evaluated under CURRENT (8 cases) and PROPOSED (10 cases, 5 of them normal). */
    private static ThresholdComparison.Attempt attempt(long id, String reader, int abnormal, int abnormalRight, int normal, int normalRight) {
        ModuleMetrics m = metrics(abnormal, abnormalRight, normal, normalRight);
        MetricValues values = MetricValues.of(m);
        return new ThresholdComparison.Attempt(id, reader, CompetencyEvaluator.evaluate(CURRENT, values, m, 8, 0, 0),
                CompetencyEvaluator.evaluate(PROPOSED, values, m, 10, 0, 5));
    }

    private static ModuleMetrics metrics(int abnormal, int abnormalRight, int normal, int normalRight) {
        var cases = new ArrayList<ScoredCase>();
        for (int i = 0; i < abnormal; i++) {
            cases.add(new ScoredCase(true, i < abnormalRight, 1, i < abnormalRight ? 1 : 0, 0));
        }
        for (int i = 0; i < normal; i++) {
            cases.add(new ScoredCase(false, i >= normalRight, 0, 0, 0));
        }
        return ModuleMetrics.compute(cases);
    }
}
