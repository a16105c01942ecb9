package org.calibra.oversight.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.calibra.oversight.CalibrationFlag;
import org.calibra.oversight.CalibrationModel;
import org.calibra.oversight.CaseCalibration;
import org.calibra.oversight.CaseCalibration.AiComparison;
import org.calibra.oversight.CaseCalibration.Status;
import org.calibra.oversight.ItemEstimate;
import org.calibra.oversight.domain.ResponseMatrix.Response;
import org.junit.jupiter.api.Test;

class CaseCalibratorTest {

    private static final List<String> CASES = IntStream.rangeClosed(1, 10).mapToObj(i -> "case-" + i).toList();

    /** Right/wrong calls of {@code readers} simulated readers under the 2PL; a reader's ability is the same across phases. */
    private static List<Response> simulate(double[] theta, double[] a, double[] b, long seed) {
        var random = new Random(seed);
        List<Response> responses = new ArrayList<>();
        for (int p = 0; p < theta.length; p++) {
            for (int i = 0; i < a.length; i++) {
                double prob = 1 / (1 + Math.exp(-a[i] * (theta[p] - b[i])));
                responses.add(new Response(p + 1, CASES.get(i), random.nextDouble() < prob));
            }
        }
        return responses;
    }

    private static double[] abilities(int readers, long seed) {
        var random = new Random(seed);
        return IntStream.range(0, readers).mapToDouble(i -> random.nextGaussian()).toArray();
    }

    private static final double[] A = {1.0, 1.6, 0.8, 1.2, -1.2, 2.0, 1.0, 0.9, 1.4, 1.1};
    private static final double[] B = {-0.5, 0.0, 0.3, 1.9, 0.0, -0.2, -1.9, 0.6, 0.4, -0.3};

    @Test
    void recovers_a_planted_negatively_discriminating_case_and_the_hard_and_easy_ones_with_the_2pl() {
        var calibration = CaseCalibrator.calibrate(CASES, simulate(abilities(500, 1), A, B, 2), List.of(), false);

        assertThat(calibration.model()).contains(CalibrationModel.TWO_PARAMETER_LOGISTIC);
        assertThat(calibration.readers()).isEqualTo(500);
        assertThat(calibration.estimates()).hasSize(10);
        assertThat(casesFlagged(calibration, CalibrationFlag.DISCRIMINATES_NEGATIVELY)).containsExactly("case-5");
        assertThat(casesFlagged(calibration, CalibrationFlag.HARD)).containsExactly("case-4");
        assertThat(casesFlagged(calibration, CalibrationFlag.EASY)).containsExactly("case-7");
        assertThat(casesFlagged(calibration, CalibrationFlag.DISCRIMINATES_WELL)).contains("case-2", "case-6").doesNotContain("case-5", "case-3");
        ItemEstimate planted = calibration.estimate("case-5").orElseThrow();
        assertThat(planted.discrimination()).isNegative();
        assertThat(Math.abs(planted.discrimination() - (-1.2))).isLessThan(3 * planted.seDiscrimination());
        assertThat(calibration.cases()).allSatisfy(c -> assertThat(c.ai()).isEmpty());
    }

    @Test
    void recovers_a_case_planted_to_be_harder_with_the_ai_shown_in_a_second_reader_module() {
        double[] theta = abilities(500, 3);
        double[] a = {1.0, 1.6, 0.8, 1.2, 1.3, 2.0, 1.0, 0.9, 1.4, 1.1};
        double[] aidedB = B.clone();
        for (int i = 0; i < aidedB.length; i++) {
            aidedB[i] -= 0.4; // the AI helps on every case ...
        }
        aidedB[7] = B[7] + 1.5; // ... but misleads on case-8
        var unaided = simulate(theta, a, B, 4);
        var aided = simulate(theta, a, aidedB, 5);

        var calibration = CaseCalibrator.calibrate(CASES, aided, unaided, true);

        assertThat(calibration.aiCompared()).isTrue();
        assertThat(casesFlagged(calibration, CalibrationFlag.HARDER_WITH_AI)).containsExactly("case-8");
        AiComparison planted = calibration.cases().get(7).ai().orElseThrow();
        assertThat(planted.difference()).isBetween(1.5 - 3 * planted.seDifference(), 1.5 + 3 * planted.seDifference());
        assertThat(calibration.cases().get(0).ai().orElseThrow().difference()).isNegative();
    }

    @Test
    void with_few_reads_no_case_gets_a_number_only_how_many_reads_it_has_of_how_many_needed() {
        var calibration = CaseCalibrator.calibrate(CASES, simulate(abilities(6, 6), A, B, 7), List.of(), false);

        assertThat(calibration.model()).isEmpty();
        assertThat(calibration.estimates()).isEmpty();
        assertThat(calibration.modelReason()).contains("at least 2 cases each read at least 10 times");
        assertThat(calibration.cases()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(Status.TOO_FEW_READS);
            assertThat(c.statusInWords()).isEqualTo("not enough reads to calibrate (6 of 10 needed)");
            assertThat(c.flags()).isEmpty();
        });
    }

    @Test
    void a_case_everyone_got_right_is_said_so_and_the_others_are_calibrated_with_rasch_on_a_small_cohort() {
        var responses = new ArrayList<>(simulate(abilities(20, 8), A, B, 9).stream()
                .filter(r -> !r.caseId().equals("case-1")).toList());
        IntStream.rangeClosed(1, 20).forEach(p -> responses.add(new Response(p, "case-1", true)));

        var calibration = CaseCalibrator.calibrate(CASES, responses, List.of(), false);

        assertThat(calibration.model()).contains(CalibrationModel.RASCH);
        assertThat(calibration.modelReason()).contains("Rasch model").contains("at least 30 times");
        var first = calibration.cases().getFirst();
        assertThat(first.status()).isEqualTo(Status.ALL_RIGHT);
        assertThat(first.statusInWords()).startsWith("everyone got it right (20 reads)");
        assertThat(first.estimate()).isEmpty();
        var calibrated = calibration.cases().stream().filter(c -> c.status() == Status.CALIBRATED).toList();
        assertThat(calibrated).isNotEmpty().allSatisfy(c -> {
            assertThat(c.estimate().orElseThrow().model()).isEqualTo(CalibrationModel.RASCH);
            assertThat(c.flags()).doesNotContain(CalibrationFlag.DISCRIMINATES_NEGATIVELY, CalibrationFlag.DISCRIMINATES_WELL);
        });
        // Rasch: one discrimination shared by all cases
        assertThat(calibrated.stream().map(c -> c.estimate().orElseThrow().discrimination()).distinct()).hasSize(1);
    }

    @Test
    void a_lone_calibratable_case_has_no_other_case_to_be_calibrated_against() {
        var responses = new ArrayList<Response>();
        IntStream.rangeClosed(1, 12).forEach(p -> responses.add(new Response(p, "case-1", p % 3 == 0)));
        IntStream.rangeClosed(1, 12).forEach(p -> responses.add(new Response(p, "case-2", false)));

        var calibration = CaseCalibrator.calibrate(List.of("case-1", "case-2"), responses, List.of(), false);

        assertThat(calibration.cases().get(0).status()).isEqualTo(Status.TOO_FEW_CASES);
        assertThat(calibration.cases().get(1).statusInWords()).startsWith("everyone got it wrong (12 reads)");
        assertThat(calibration.estimates()).isEmpty();
    }

    /** The twelve readers of OversightPagesRenderedIT: Rasch for both phases, the third case harder with the AI (not flagged on so few). */
    @Test
    void a_small_second_reader_cohort_is_compared_under_rasch() {
        int[][] aided = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}, {1, 1, 1}, {1, 1, 0},
                {1, 0, 1}, {1, 1, 1}};
        int[][] unaided = {{0, 0, 0}, {1, 0, 0}, {0, 1, 1}, {1, 0, 0}, {1, 1, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1},
                {1, 0, 1}, {1, 1, 1}};

        var calibration = CaseCalibrator.calibrate(CASES.subList(0, 3), responses(aided), responses(unaided), true);

        assertThat(calibration.model()).contains(CalibrationModel.RASCH);
        assertThat(calibration.cases()).allSatisfy(c -> assertThat(c.ai()).isPresent());
        var third = calibration.cases().get(2).ai().orElseThrow();
        assertThat(third.withAiDifficulty()).isGreaterThan(third.unaidedDifficulty());
        assertThat(Math.abs(third.withAiDifficulty())).isLessThan(CaseCalibrator.MAXIMUM_DIFFICULTY);
    }

    @Test
    void cases_that_do_not_hang_together_get_no_runaway_difficulty() {
        // every pair of cases disagrees as often as it agrees: no common ability, a slope near zero, b = −c/a runs away
        int[][] noise = {{0, 0, 1}, {1, 0, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}, {0, 1, 1}, {1, 0, 1}, {0, 1, 1}, {1, 1, 1}, {1, 0, 1},
                {1, 1, 1}, {1, 0, 0}};

        var calibration = CaseCalibrator.calibrate(CASES.subList(0, 3), responses(noise), List.of(), false);

        assertThat(calibration.estimates()).allSatisfy(e -> assertThat(Math.abs(e.difficulty())).isLessThan(CaseCalibrator.MAXIMUM_DIFFICULTY));
    }

    private static List<Response> responses(int[][] matrix) {
        List<Response> responses = new ArrayList<>();
        for (int p = 0; p < matrix.length; p++) {
            for (int i = 0; i < matrix[p].length; i++) {
                responses.add(new Response(p + 1, CASES.get(i), matrix[p][i] == 1));
            }
        }
        return responses;
    }

    @Test
    void flags_need_the_95_percent_interval_on_the_flagged_side() {
        var twoPl = CalibrationModel.TWO_PARAMETER_LOGISTIC;
        assertThat(CaseCalibrator.flags(new ItemEstimate("c", 1.5, 0.2, 1.0, 0.2, twoPl), Optional.empty())).containsExactly(CalibrationFlag.HARD);
        assertThat(CaseCalibrator.flags(new ItemEstimate("c", 1.5, 0.9, 1.0, 0.2, twoPl), Optional.empty())).as("too uncertain").isEmpty();
        assertThat(CaseCalibrator.flags(new ItemEstimate("c", -1.5, 0.2, 1.6, 0.3, twoPl), Optional.empty()))
                .containsExactly(CalibrationFlag.EASY, CalibrationFlag.DISCRIMINATES_WELL);
        assertThat(CaseCalibrator.flags(new ItemEstimate("c", 1.5, 0.2, -0.8, 0.3, twoPl), Optional.empty()))
                .as("a negative slope: hard/easy no longer apply").containsExactly(CalibrationFlag.DISCRIMINATES_NEGATIVELY);
        assertThat(CaseCalibrator.flags(new ItemEstimate("c", 0, 0.2, -0.3, 0.3, twoPl), Optional.empty())).isEmpty();
        assertThat(CaseCalibrator.flags(new ItemEstimate("c", 0, 0.2, -0.8, 0.1, CalibrationModel.RASCH), Optional.empty()))
                .as("Rasch has no per-case slope to judge").isEmpty();
        var harder = new AiComparison(0.0, 0.3, 1.0, 0.3, twoPl); // difference 1.0, se 0.42: z 2.36
        var unclear = new AiComparison(0.0, 0.4, 1.0, 0.4, twoPl); // z 1.77
        assertThat(CaseCalibrator.flags(new ItemEstimate("c", 0, 0.2, 1, 0.2, twoPl), Optional.of(harder))).containsExactly(CalibrationFlag.HARDER_WITH_AI);
        assertThat(CaseCalibrator.flags(new ItemEstimate("c", 0, 0.2, 1, 0.2, twoPl), Optional.of(unclear))).isEmpty();
    }

    private static List<String> casesFlagged(CaseCalibration calibration, CalibrationFlag flag) {
        return calibration.cases().stream().filter(c -> c.flags().contains(flag)).map(CaseCalibration.CalibratedCase::caseId).toList();
    }
}
