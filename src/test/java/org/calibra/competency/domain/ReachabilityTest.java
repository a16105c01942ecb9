package org.calibra.competency.domain;

import org.calibra.scoring.domain.ScoredCase;
import org.calibra.scoring.domain.ModuleMetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.calibra.competency.domain.Threshold.Bound;
import org.calibra.scoring.domain.reliance.RelianceMeasures;
import org.junit.jupiter.api.Test;

class ReachabilityTest {

    private static final RelianceMeasures NO_AI = RelianceMeasures.compute(List.of());

    /** {@code missed} abnormal cases called normal, then {@code found} called abnormal. */
    private static ModuleMetrics abnormalsRead(int missed, int found) {
        var cases = new ArrayList<ScoredCase>();
        for (int i = 0; i < missed; i++) {
            cases.add(new ScoredCase(true, false, 1, 0, 0));
        }
        for (int i = 0; i < found; i++) {
            cases.add(new ScoredCase(true, true, 1, 1, 0));
        }
        return ModuleMetrics.compute(cases);
    }

    @Test
    void four_misses_with_two_cases_left_cannot_reach_sixty_percent_sensitivity() {
        var t = new Threshold("sensitivity", 0.6, Bound.POINT);
        var result = Reachability.check(List.of(t), abnormalsRead(4, 0), NO_AI, 2);
        assertThat(result).hasValueSatisfying(u -> assertThat(u.bestPossible()).isEqualTo(2.0 / 6));
    }

    @Test
    void with_enough_cases_left_the_threshold_is_still_reachable() {
        var t = new Threshold("sensitivity", 0.6, Bound.POINT);
        assertThat(Reachability.check(List.of(t), abnormalsRead(4, 0), NO_AI, 6)).isEmpty(); // 6/10
    }

    @Test
    void a_lower_bound_threshold_uses_the_wilson_lower_bound_of_the_best_case() {
        var t = new Threshold("sensitivity", 0.7, Bound.LOWER);
        var result = Reachability.check(List.of(t), abnormalsRead(1, 5), NO_AI, 2); // best 7/8: Wilson lower 0.5291
        assertThat(result).hasValueSatisfying(u -> assertThat(u.bestPossible()).isCloseTo(0.5291, within(0.0001)));
    }

    @Test
    void false_marks_per_case_can_only_fall_by_reading_more_cases_without_marks() {
        var cases = List.of(new ScoredCase(false, true, 0, 0, 3), new ScoredCase(false, true, 0, 0, 3));
        var t = Threshold.atMost("nlPerCase", 1.0, Bound.POINT);
        assertThat(Reachability.check(List.of(t), ModuleMetrics.compute(cases), NO_AI, 3)).isNotEmpty(); // 6 / 5
        assertThat(Reachability.check(List.of(t), ModuleMetrics.compute(cases), NO_AI, 4)).isEmpty(); // 6 / 6
    }

    @Test
    void rating_based_figures_never_make_an_attempt_unreachable() {
        var t = new Threshold("wAFROC", 0.99, Bound.LOWER);
        assertThat(Reachability.check(List.of(t), abnormalsRead(5, 0), NO_AI, 0)).isEmpty();
    }
}
