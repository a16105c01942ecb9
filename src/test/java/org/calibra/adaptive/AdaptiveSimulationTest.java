package org.calibra.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AdaptiveSimulationTest {

    @Test
    void the_synthetic_bank_has_the_requested_spread() {
        var bank = AdaptiveSimulation.syntheticBank(400, 0.3, 7);
        double meanLogA = bank.stream().mapToDouble(c -> Math.log(c.discrimination())).average().orElseThrow();
        double meanB = bank.stream().mapToDouble(CalibratedCase::difficulty).average().orElseThrow();
        double sdB = Math.sqrt(bank.stream().mapToDouble(c -> c.difficulty() * c.difficulty()).average().orElseThrow() - meanB * meanB);
        assertThat(meanLogA).isBetween(-0.05, 0.05);
        assertThat(meanB).isBetween(-0.15, 0.15);
        assertThat(sdB).isBetween(0.9, 1.1);
    }

    @Test
    void the_sprt_keeps_misclassification_outside_the_indifference_region_near_alpha_and_beta_with_fewer_cases() {
        var bank = AdaptiveSimulation.syntheticBank(60, 0.3, 1);
        var rules = AdaptiveRules.sprt(0.0, 40);
        double[] thetas = AdaptiveSimulation.abilities(600, 3);
        var adaptive = AdaptiveSimulation.adaptive(bank, rules, thetas, 3);
        var fixed40 = AdaptiveSimulation.fixed(bank, rules, 40, thetas, 3);
        assertThat(adaptive.meanCases()).isLessThan(25);
        assertThat(adaptive.maxCases()).isLessThanOrEqualTo(40);
        // Wald's bounds hold approximately (the test is truncated at 40 and the items are discrete): allow twice the rate
        assertThat(adaptive.passedBelowRegion()).isLessThan(0.10);
        assertThat(adaptive.failedAboveRegion()).isLessThan(0.10);
        assertThat(fixed40.meanCases()).isEqualTo(40);
    }

    @Test
    void the_same_seed_prints_the_same_figures_and_bad_flags_are_named() {
        String one = run("--items", "30", "--trainees", "50", "--max", "20", "--fixed", "15");
        String two = run("--items", "30", "--trainees", "50", "--max", "20", "--fixed", "15");
        assertThat(one).isEqualTo(two).contains("adaptive (SPRT, information at the estimate, 5–20 cases)")
                .contains("fixed length 15 (random order)").contains("← the module's fixed length");
        var err = new ByteArrayOutputStream();
        int code = SimulateAdaptiveCli.run(new String[] {"--alpha", "0.9"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("alpha is 0.9");
        err.reset();
        SimulateAdaptiveCli.run(new String[] {"--rule", "bayes"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--rule is bayes; expected sprt or interval");
    }

    private static String run(String... args) {
        var out = new ByteArrayOutputStream();
        int code = SimulateAdaptiveCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
