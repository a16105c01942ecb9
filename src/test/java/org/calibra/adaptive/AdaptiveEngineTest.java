package org.calibra.adaptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AdaptiveEngineTest {

    private static List<CalibratedCase> ladder(int n, double a) {
        List<CalibratedCase> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cases.add(CalibratedCase.of("c" + i, a, -2 + 4.0 * i / (n - 1), i % 2 == 0));
        }
        return cases;
    }

    @Test
    void fisher_information_is_a_squared_p_one_minus_p_and_peaks_at_the_difficulty() {
        var c = CalibratedCase.of("x", 1.7, 0.4, true);
        assertThat(c.information(0.4)).isCloseTo(1.7 * 1.7 / 4, within(1e-12));
        double p = 1 / (1 + Math.exp(-1.7 * (1.0 - 0.4)));
        assertThat(c.information(1.0)).isCloseTo(1.7 * 1.7 * p * (1 - p), within(1e-12));
        assertThat(c.information(1.0)).isLessThan(c.information(0.4));
    }

    @Test
    void with_no_reads_the_estimate_is_the_prior_and_the_first_case_is_the_one_nearest_average_ability() {
        var engine = new AdaptiveEngine(ladder(9, 1.0), AdaptiveRules.sprt(0.0, 20));
        var step = (Step.Next) engine.next(List.of());
        assertThat(step.theta()).isCloseTo(0, within(1e-9));
        assertThat(step.se()).isCloseTo(1, within(1e-3));
        assertThat(step.caseId()).isEqualTo("c4"); // b = 0
        assertThat(step.information()).isCloseTo(0.25, within(1e-12));
        assertThat(step.reason()).isEqualTo(Step.ChoiceReason.MOST_INFORMATIVE);
    }

    @Test
    void the_eap_matches_a_direct_integration_of_the_posterior() {
        var bank = Map.of("p", CalibratedCase.of("p", 1.2, 0.3, true), "q", CalibratedCase.of("q", 0.8, -0.5, false));
        var responses = List.of(new Response("p", true), new Response("q", false));
        var est = AbilityEstimate.eap(bank, responses);
        // Simpson's rule on a fine grid, independent of the estimator's own grid
        double mass = 0, first = 0, second = 0, h = 0.001;
        for (int k = 0; k <= 16000; k++) {
            double t = -8 + k * h;
            double w = (k == 0 || k == 16000) ? 1 : (k % 2 == 1 ? 4 : 2);
            double like = Math.exp(-t * t / 2) * bank.get("p").probabilityCorrect(t) * (1 - bank.get("q").probabilityCorrect(t));
            mass += w * like;
            first += w * like * t;
            second += w * like * t * t;
        }
        double mean = first / mass;
        assertThat(est.theta()).isCloseTo(mean, within(1e-4));
        assertThat(est.se()).isCloseTo(Math.sqrt(second / mass - mean * mean), within(1e-4));
    }

    @Test
    void after_a_correct_read_the_next_case_is_harder_and_after_a_wrong_one_easier() {
        var engine = new AdaptiveEngine(ladder(21, 1.2), AdaptiveRules.sprt(0.0, 20));
        var first = (Step.Next) engine.next(List.of());
        var afterRight = (Step.Next) engine.next(List.of(new Response(first.caseId(), true)));
        var afterWrong = (Step.Next) engine.next(List.of(new Response(first.caseId(), false)));
        var b = engine.bank();
        assertThat(afterRight.theta()).isPositive();
        assertThat(afterWrong.theta()).isNegative();
        assertThat(b.get(afterRight.caseId()).difficulty()).isGreaterThan(b.get(first.caseId()).difficulty());
        assertThat(b.get(afterWrong.caseId()).difficulty()).isLessThan(b.get(first.caseId()).difficulty());
    }

    @Test
    void the_log_likelihood_ratio_is_walds_sum_and_the_sprt_passes_at_log_of_one_minus_beta_over_alpha() {
        var rules = AdaptiveRules.sprt(0.0, 40);
        var cases = ladder(41, 1.5);
        var engine = new AdaptiveEngine(cases, rules);
        List<Response> responses = new ArrayList<>();
        double expected = 0;
        Step step = engine.next(responses);
        while (step instanceof Step.Next next) {
            var c = engine.bank().get(next.caseId());
            expected += Math.log(c.probabilityCorrect(0.5) / c.probabilityCorrect(-0.5));
            responses.add(new Response(next.caseId(), true));
            step = engine.next(responses);
        }
        var stop = (Step.Stop) step;
        assertThat(stop.decision()).isEqualTo(Step.Decision.PASS);
        assertThat(stop.reason()).isEqualTo(Step.StopReason.SPRT_ABOVE);
        assertThat(stop.llr()).isCloseTo(expected, within(1e-9));
        assertThat(rules.upperBound()).isCloseTo(Math.log(19), within(1e-12));
        assertThat(stop.llr()).isGreaterThanOrEqualTo(Math.log(19));
        // it stops at the first read that reaches the bound, but never before the minimum
        assertThat(stop.casesRead()).isGreaterThanOrEqualTo(rules.minimumCases());
        if (stop.casesRead() > rules.minimumCases()) {
            assertThat(engine.logLikelihoodRatio(responses.subList(0, responses.size() - 1))).isLessThan(Math.log(19));
        }
    }

    @Test
    void all_wrong_fails_at_the_lower_bound() {
        var engine = new AdaptiveEngine(ladder(41, 1.5), AdaptiveRules.sprt(0.0, 40));
        var stop = run(engine, id -> false);
        assertThat(stop.decision()).isEqualTo(Step.Decision.FAIL);
        assertThat(stop.reason()).isEqualTo(Step.StopReason.SPRT_BELOW);
        assertThat(stop.llr()).isLessThanOrEqualTo(Math.log(0.05 / 0.95));
    }

    @Test
    void at_the_maximum_the_estimate_against_the_cut_decides() {
        // alternate right and wrong: the ratio hovers near 0 and never reaches a bound within 6 reads
        var engine = new AdaptiveEngine(ladder(21, 0.5), AdaptiveRules.sprt(-0.2, 6));
        List<Response> responses = new ArrayList<>();
        Step step = engine.next(responses);
        boolean right = true;
        while (step instanceof Step.Next next) {
            responses.add(new Response(next.caseId(), right));
            right = !right;
            step = engine.next(responses);
        }
        var stop = (Step.Stop) step;
        assertThat(stop.reason()).isEqualTo(Step.StopReason.MAXIMUM);
        assertThat(stop.casesRead()).isEqualTo(6);
        assertThat(stop.decision()).isEqualTo(stop.theta() >= -0.2 ? Step.Decision.PASS : Step.Decision.FAIL);
    }

    @Test
    void no_case_is_offered_twice_and_a_repeated_read_is_refused() {
        var engine = new AdaptiveEngine(ladder(10, 1.0), AdaptiveRules.sprt(0.0, 10).withStopping(StoppingRule.SPRT));
        Set<String> seen = new HashSet<>();
        List<Response> responses = new ArrayList<>();
        Step step = engine.next(responses);
        boolean right = true;
        while (step instanceof Step.Next next) {
            assertThat(seen.add(next.caseId())).as("offered twice: " + next.caseId()).isTrue();
            responses.add(new Response(next.caseId(), right));
            right = !right;
            step = engine.next(responses);
        }
        assertThatThrownBy(() -> engine.next(List.of(new Response("c1", true), new Response("c1", false))))
                .hasMessageContaining("c1 was read twice");
        assertThatThrownBy(() -> engine.next(List.of(new Response("nope", true))))
                .hasMessageContaining("nope was read but is not in the adaptive bank");
    }

    @Test
    void when_the_remaining_reads_are_owed_to_the_abnormal_minimum_only_abnormal_cases_are_offered() {
        // normals are far more informative at 0, yet 3 abnormal reads are required within 4
        List<CalibratedCase> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cases.add(CalibratedCase.of("n" + i, 2.0, 0.0, false));
            cases.add(CalibratedCase.of("a" + i, 0.5, 1.5, true));
        }
        var rules = AdaptiveRules.sprt(0.0, 4).withQuotas(0, 3);
        var engine = new AdaptiveEngine(cases, rules);
        var first = (Step.Next) engine.next(List.of());
        assertThat(first.caseId()).startsWith("n");
        assertThat(first.reason()).isEqualTo(Step.ChoiceReason.MOST_INFORMATIVE);
        var second = (Step.Next) engine.next(List.of(new Response(first.caseId(), true)));
        assertThat(second.caseId()).startsWith("a");
        assertThat(second.reason()).isEqualTo(Step.ChoiceReason.CONTENT_MINIMUM);
    }

    @Test
    void modality_minimums_are_forced_too() {
        List<CalibratedCase> cases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cases.add(new CalibratedCase("ct" + i, 2.0, 0.0, i % 2 == 0, "CT", null));
            cases.add(new CalibratedCase("xr" + i, 0.4, 0.0, i % 2 == 0, "CR", null));
        }
        var base = AdaptiveRules.sprt(0.0, 3);
        var rules = new AdaptiveRules(base.cut(), base.delta(), base.alpha(), base.beta(), 1, 3, 0, 0,
                Map.of("CR", 2), Map.of(), StoppingRule.SPRT, SelectionPoint.ESTIMATE, 1);
        var engine = new AdaptiveEngine(cases, rules);
        var first = (Step.Next) engine.next(List.of());
        assertThat(first.caseId()).startsWith("ct");
        var second = (Step.Next) engine.next(List.of(new Response(first.caseId(), true)));
        assertThat(second.caseId()).startsWith("xr");
    }

    @Test
    void a_decision_waits_for_the_content_minimums() {
        List<CalibratedCase> cases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cases.add(CalibratedCase.of("n" + i, 2.5, 0.0, false));
        }
        cases.add(CalibratedCase.of("a0", 0.3, 3.0, true));
        var base = AdaptiveRules.sprt(0.0, 20).withQuotas(0, 1);
        var engine = new AdaptiveEngine(cases, base);
        var stop = run(engine, id -> true);
        assertThat(stop.decision()).isEqualTo(Step.Decision.PASS);
        // a0 is the least informative case: once the ratio passes the bound it is read at once, for the minimum
        assertThat(stop.casesRead()).isEqualTo(6);
    }

    @Test
    void ties_are_broken_by_the_seed_reproducibly() {
        List<CalibratedCase> same = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            same.add(CalibratedCase.of("t" + i, 1.0, 0.0, true));
        }
        Set<String> firsts = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            var rules = AdaptiveRules.sprt(0.0, 10).withSeed(seed);
            var one = (Step.Next) new AdaptiveEngine(same, rules).next(List.of());
            var two = (Step.Next) new AdaptiveEngine(same.reversed(), rules).next(List.of());
            assertThat(two.caseId()).isEqualTo(one.caseId());
            firsts.add(one.caseId());
        }
        assertThat(firsts).hasSizeGreaterThan(1);
    }

    @Test
    void the_interval_rule_stops_when_the_one_sided_interval_excludes_the_cut() {
        var rules = AdaptiveRules.sprt(0.0, 40).withStopping(StoppingRule.CONFIDENCE_INTERVAL);
        var engine = new AdaptiveEngine(ladder(41, 1.5), rules);
        var stop = run(engine, id -> true);
        assertThat(stop.reason()).isEqualTo(Step.StopReason.INTERVAL_ABOVE);
        assertThat(stop.theta() - 1.6448536 * stop.se()).isGreaterThan(0);
    }

    @Test
    void selecting_at_the_cut_ignores_the_answers() {
        var rules = AdaptiveRules.sprt(0.45, 20).withSelection(SelectionPoint.CUT);
        var engine = new AdaptiveEngine(ladder(21, 1.0), rules);
        var first = (Step.Next) engine.next(List.of());
        assertThat(engine.bank().get(first.caseId()).difficulty()).isCloseTo(0.4, within(1e-9));
        var right = (Step.Next) engine.next(List.of(new Response(first.caseId(), true)));
        var wrong = (Step.Next) engine.next(List.of(new Response(first.caseId(), false)));
        assertThat(right.caseId()).isEqualTo(wrong.caseId());
    }

    @Test
    void bad_rules_name_the_field_and_the_value() {
        assertThatThrownBy(() -> new AdaptiveRules(0, 0.5, 0.7, 0.05, 5, 20, 0, 0, null, null, null, null, 1))
                .hasMessageContaining("alpha is 0.7").hasMessageContaining("below 0.5");
        assertThatThrownBy(() -> new AdaptiveRules(0, 0.5, 0.05, 0.05, 10, 5, 0, 0, null, null, null, null, 1))
                .hasMessageContaining("maximum cases is 5");
        assertThatThrownBy(() -> CalibratedCase.of("k", -1, 0, true)).hasMessageContaining("case k: discrimination");
    }

    private static Step.Stop run(AdaptiveEngine engine, java.util.function.Predicate<String> answersRight) {
        List<Response> responses = new ArrayList<>();
        Step step = engine.next(responses);
        while (step instanceof Step.Next next) {
            responses.add(new Response(next.caseId(), answersRight.test(next.caseId())));
            step = engine.next(responses);
        }
        return (Step.Stop) step;
    }
}
