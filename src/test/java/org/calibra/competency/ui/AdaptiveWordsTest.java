package org.calibra.competency.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.calibra.curriculum.content.CurriculumManifest;
import org.calibra.reading.AdaptiveStepInfo;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AdaptiveWordsTest {

    private static final CurriculumManifest.Adaptive RULES = new CurriculumManifest.Adaptive(0.0, null, null, null, null, null, 8,
            Map.of("x", new CurriculumManifest.Item(1.0, 0.0)));

    private static AdaptiveStepInfo stop(int stepNo, double llr, String reason, String decision) {
        return new AdaptiveStepInfo(stepNo, null, null, null, 0.84, 0.51, llr, null, reason, decision);
    }

    @Test
    void a_pass_by_the_sprt_names_the_ratio_and_the_configured_bound() {
        assertThat(AdaptiveWords.stop(stop(10, Math.log(19.2), "sprt-above", "pass"), RULES)).isEqualTo("Stopped after 9 cases: the "
                + "evidence that your ability is above the pass level reached the configured certainty (likelihood ratio 19.2 ≥ 19.0).");
    }

    @Test
    void a_fail_by_the_sprt_states_the_ratio_in_favour_of_below() {
        assertThat(AdaptiveWords.stop(stop(6, -Math.log(25.0), "sprt-below", "fail"), RULES)).isEqualTo("Stopped after 5 cases: the "
                + "evidence that your ability is below the pass level reached the configured certainty (likelihood ratio 25.0 ≥ 19.0 in "
                + "favour of below).");
    }

    @Test
    void at_the_maximum_the_estimate_decides_and_says_so() {
        assertThat(AdaptiveWords.stop(stop(9, 1.2, "maximum", "pass"), RULES)).startsWith("Stopped after 8 cases: the module's maximum "
                + "was reached before the evidence was certain either way, so your estimated ability 0.84 ± 0.51 decided: at or above the "
                + "pass level");
    }

    @Test
    void a_choice_forced_by_a_minimum_says_so_and_ratios_below_one_read_as_fractions() {
        var forced = new AdaptiveStepInfo(3, "c", 7L, true, -0.25, 0.7, 0.1, 0.4, "content-minimum", null);
        assertThat(AdaptiveWords.why(forced)).isEqualTo("Needed to meet the module's minimum of normal or abnormal cases");
        assertThat(AdaptiveWords.estimate(forced)).isEqualTo("−0.25 ± 0.70");
        assertThat(AdaptiveWords.call(forced)).isEqualTo("Right");
        assertThat(AdaptiveWords.ratio(0.05)).isEqualTo("1/20.0");
    }
}
