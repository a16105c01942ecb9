package org.calibra.scoring.domain.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.calibra.scoring.domain.roc.Psi.UNMARKED;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EmpiricalRocTest {

    private static final double EXACT = 1e-12;

    /**
     * Normals x = 1, 2, 3; abnormals y = 2, 3, 4.
     * <pre>
     *        y=2  y=3  y=4 | V01(x)
     * x=1     1    1    1  | 1
     * x=2     ½    1    1  | 5/6
     * x=3     0    ½    1  | 1/2
     * V10(y) 1/2  5/6   1
     * </pre>
     * AUC = 7/9. Deviations of V10 and V01 from 7/9 are −5/18, 1/18, 4/18 (in some order), so
     * S10 = S01 = (25 + 1 + 16)/324 / 2 = 7/108 and var = 7/108/3 + 7/108/3 = 7/162.
     */
    private static final RocRatings SMALL = new RocRatings(List.of(1.0, 2.0, 3.0), List.of(2.0, 3.0, 4.0));

    @Test
    void auc_counts_ties_as_one_half() {
        assertThat(EmpiricalRoc.auc(SMALL)).isCloseTo(7.0 / 9, within(EXACT));
    }

    @Test
    void delong_variance_matches_the_hand_computation() {
        var estimate = EmpiricalRoc.analyse(SMALL);
        assertThat(estimate.auc()).isCloseTo(7.0 / 9, within(EXACT));
        assertThat(estimate.variance()).hasValueCloseTo(7.0 / 162, within(EXACT));
        assertThat(estimate.standardError()).hasValueCloseTo(Math.sqrt(7.0 / 162), within(EXACT));
    }

    /** 7/9 ± 1.96·0.20787 = [0.370, 1.185], so the upper end is clipped to 1. */
    @Test
    void the_wald_interval_is_clipped_to_the_unit_interval() {
        var ci = EmpiricalRoc.analyse(SMALL).ci95().orElseThrow();
        double half = AucEstimate.Z_95 * Math.sqrt(7.0 / 162);
        assertThat(ci.lower()).isCloseTo(7.0 / 9 - half, within(EXACT)).isCloseTo(0.3703, within(1e-4));
        assertThat(ci.upper()).isEqualTo(1.0);
    }

    /** logit(7/9) = ln 3.5; half-width z·SE/(A(1 − A)) = 1.96·0.20787/(14/81) = 2.3572. */
    @Test
    void the_logit_interval_stays_inside_zero_and_one_and_is_asymmetric() {
        var ci = EmpiricalRoc.analyse(SMALL).logitCi95().orElseThrow();
        double half = AucEstimate.Z_95 * Math.sqrt(7.0 / 162) / (7.0 / 9 * 2.0 / 9);
        assertThat(ci.lower()).isCloseTo(1 / (1 + Math.exp(-(Math.log(3.5) - half))), within(EXACT))
                .isCloseTo(0.2490, within(1e-4));
        assertThat(ci.upper()).isCloseTo(1 / (1 + Math.exp(-(Math.log(3.5) + half))), within(EXACT))
                .isCloseTo(0.9736, within(1e-4));
        assertThat(ci.contains(7.0 / 9)).isTrue();
    }

    /**
     * RJafroc's dataset02 (Van Dyke): {@code UtilFigureOfMerit(dataset02, FOM = "Wilcoxon")} as
     * printed in the OR-analysis chapters of Chakraborty's RJafrocBook (github.com/dpc10ster/RJafrocBook,
     * e.g. {@code docs/10C-OR-AnalysisApplications.md} and its earlier versions): trt0 0.9196457
     * 0.8587762 0.9038647 0.9731079 0.8297907; trt1 0.9478261 0.9053140 0.9217391 0.9993559
     * 0.9299517 (readers 0..4).
     */
    @Test
    void auc_matches_rjafroc_wilcoxon_values_for_the_van_dyke_dataset() {
        double[][] published = {
            {0.9196457, 0.8587762, 0.9038647, 0.9731079, 0.8297907},
            {0.9478261, 0.9053140, 0.9217391, 0.9993559, 0.9299517}};
        for (int modality = 0; modality < 2; modality++) {
            for (int reader = 0; reader < 5; reader++) {
                RocRatings r = VanDykeDataset.ratings(modality, reader);
                assertThat(r.normal()).hasSize(69);
                assertThat(r.abnormal()).hasSize(45);
                assertThat(EmpiricalRoc.auc(r)).as("trt%d rdr%d", modality, reader)
                        .isCloseTo(published[modality][reader], within(5e-8));
            }
        }
    }

    /**
     * Hanley &amp; McNeil (1982), Radiology 143:29–36, Table 1: 58 normal and 51 abnormal CT images
     * rated 1..5 with counts 33/6/6/11/2 and 3/2/2/11/33. They report the trapezoidal area 0.893.
     * (Their SE 0.032 comes from their exponential approximation, not DeLong, so it is not
     * compared here; the DeLong variance is checked against a direct evaluation of its definition.)
     */
    @Test
    void auc_matches_hanley_and_mcneils_worked_example_and_delong_matches_its_definition() {
        var normal = counts(33, 6, 6, 11, 2);
        var abnormal = counts(3, 2, 2, 11, 33);
        var estimate = EmpiricalRoc.analyse(new RocRatings(normal, abnormal));
        assertThat(estimate.auc()).isCloseTo(0.893, within(5e-4));
        assertThat(estimate.variance()).hasValueCloseTo(delongByDefinition(normal, abnormal), within(1e-15));
        assertThat(estimate.standardError()).hasValueCloseTo(0.0307, within(1e-4));
    }

    private static List<Double> counts(int... perRating) {
        var ratings = new ArrayList<Double>();
        for (int r = 0; r < perRating.length; r++) {
            for (int i = 0; i < perRating[r]; i++) {
                ratings.add(r + 1.0);
            }
        }
        return ratings;
    }

    /** DeLong et al. (1988) eqs. for one modality, written out plainly as an independent check. */
    private static double delongByDefinition(List<Double> x, List<Double> y) {
        int m = y.size();
        int n = x.size();
        double a = 0;
        for (double xi : x) {
            for (double yj : y) {
                a += Psi.psi(xi, yj);
            }
        }
        a /= m * n;
        double s10 = 0;
        for (double yj : y) {
            double v = 0;
            for (double xi : x) {
                v += Psi.psi(xi, yj) / n;
            }
            s10 += (v - a) * (v - a) / (m - 1);
        }
        double s01 = 0;
        for (double xi : x) {
            double v = 0;
            for (double yj : y) {
                v += Psi.psi(xi, yj) / m;
            }
            s01 += (v - a) * (v - a) / (n - 1);
        }
        return s10 / m + s01 / n;
    }

    @Test
    void a_perfect_reader_has_auc_one_zero_delong_variance_and_no_logit_interval() {
        var estimate = EmpiricalRoc.analyse(new RocRatings(List.of(1.0, 2.0), List.of(3.0, 4.0)));
        assertThat(estimate.auc()).isEqualTo(1.0);
        assertThat(estimate.variance()).hasValue(0.0);
        assertThat(estimate.ci95()).contains(new ConfidenceInterval(1.0, 1.0));
        assertThat(estimate.logitCi95()).isEmpty();
    }

    @Test
    void a_reader_who_rates_every_case_alike_has_auc_one_half() {
        assertThat(EmpiricalRoc.auc(new RocRatings(List.of(3.0, 3.0), List.of(3.0, 3.0, 3.0)))).isEqualTo(0.5);
    }

    @Test
    void unmarked_cases_rank_below_every_mark_and_tie_with_each_other() {
        // ψ: (−∞, −∞) ½, (−∞, 1) 1, (2, −∞) 0, (2, 1) 0 → 1.5 / 4
        var r = new RocRatings(List.of(UNMARKED, 2.0), List.of(UNMARKED, 1.0));
        assertThat(EmpiricalRoc.auc(r)).isCloseTo(0.375, within(EXACT));
    }

    @Test
    void the_variance_is_empty_with_fewer_than_two_cases_in_a_group() {
        var estimate = EmpiricalRoc.analyse(new RocRatings(List.of(1.0), List.of(2.0, 3.0)));
        assertThat(estimate.auc()).isEqualTo(1.0);
        assertThat(estimate.variance()).isEmpty();
        assertThat(estimate.ci95()).isEmpty();
        assertThat(estimate.logitCi95()).isEmpty();
    }

    @Test
    void auc_needs_both_normal_and_abnormal_cases() {
        assertThatThrownBy(() -> EmpiricalRoc.auc(new RocRatings(List.of(), List.of(1.0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one normal and one abnormal");
    }
}
