package org.calibra.scoring.domain.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.calibra.scoring.domain.roc.Psi.UNMARKED;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FrocFomTest {

    private static final double EXACT = 1e-12;

    /**
     * Chakraborty's 9-case example ({@link ChakrabortyNineCaseExample}). FP ratings (highest NL on
     * each normal case): −∞, 0.5, 0.7, −0.3. Lesion ratings (weight): D1 0.9 (1); D2 −0.2 (1);
     * D3 1.6 (0.1), −∞ (0.9); D4 3 (0.9), 2 (0.1); D5 1 (0.3), 2.5 (0.4), 1 (0.3).
     */
    @Nested
    class Chakraborty_nine_case_example {

        private final FrocDataset d = ChakrabortyNineCaseExample.dataset();

        /**
         * Mean ψ of each lesion over the 4 FPs: 0.9 → 1; −0.2 beats −∞ and −0.3 → 2/4; 1.6 → 1;
         * −∞ ties −∞ → 0.5/4 = 0.125; 3, 2, 1, 2.5, 1 → 1 each. Sum 7.625 over 9 lesions = 0.8472222.
         */
        @Test
        void afroc_matches_the_value_rjafroc_prints_in_chakrabortys_book() {
            assertThat(FrocFom.AFROC.valueOf(d)).isCloseTo(7.625 / 9, within(EXACT)).isCloseTo(0.8472222, within(5e-8));
        }

        /**
         * Weighted per abnormal case: D1 1; D2 0.5; D3 0.1·1 + 0.9·0.125 = 0.2125; D4 1; D5 1.
         * Sum 3.7125 over K2 = 5 gives 0.7425.
         */
        @Test
        void wafroc_matches_the_value_rjafroc_prints_in_chakrabortys_book() {
            assertThat(FrocFom.WAFROC.valueOf(d)).isCloseTo(0.7425, within(EXACT));
        }

        /**
         * FP ratings from all 9 cases: −∞ ×5 (N1, D2..D5), −0.3, 0.5, 0.7, 1.5 (D1's NL). ψ sums per
         * lesion: 0.9 → 8 (loses to 1.5); −0.2 → 6; 1.6 → 9; −∞ → 2.5; 3 → 9; 2 → 9; 1 → 8; 2.5 → 9;
         * 1 → 8. Total 68.5 / (9 cases · 9 lesions) = 0.845679.
         */
        @Test
        void afroc1_uses_the_highest_nl_of_every_case_as_a_false_positive() {
            assertThat(FrocFom.AFROC1.valueOf(d)).isCloseTo(68.5 / 81, within(EXACT));
        }

        /**
         * Per abnormal case, weighted sums of ψ/9: D1 8; D2 6; D3 0.1·9 + 0.9·2.5 = 3.15; D4 9;
         * D5 0.3·8 + 0.4·9 + 0.3·8 = 8.4. Total 34.55/9 over K2 = 5: 34.55/45 = 0.767778.
         */
        @Test
        void wafroc1_weights_lesions_and_uses_all_cases_for_false_positives() {
            assertThat(FrocFom.WAFROC1.valueOf(d)).isCloseTo(34.55 / 45, within(EXACT));
        }

        /**
         * Highest rating per case. Normals −∞, 0.5, 0.7, −0.3. Abnormals: D1 max(NL 1.5, LL 0.9) =
         * 1.5; D2 −0.2; D3 1.6; D4 3; D5 2.5. Mean ψ per abnormal: 1, 2/4, 1, 1, 1; AUC 4.5/5 = 0.9.
         */
        @Test
        void inferred_roc_auc_uses_the_highest_rating_on_each_case_nl_or_ll() {
            assertThat(FrocFom.HR_AUC.valueOf(d)).isCloseTo(0.9, within(EXACT));
        }
    }

    /**
     * Normal N1 has an NL rated 2, normal N2 no marks. Abnormal A has lesion 1 rated 2 (ties N1's
     * FP) and lesion 2 unmarked.
     * <pre>
     * lesion 1 (2):  ψ(2, 2) = ½, ψ(−∞, 2) = 1   → mean 0.75
     * lesion 2 (−∞): ψ(2, −∞) = 0, ψ(−∞, −∞) = ½ → mean 0.25
     * </pre>
     */
    @Nested
    class Ties_unmarked_lesions_and_weights {

        private FrocDataset withWeights(double w1, double w2) {
            return FrocDataset.of(List.of(FrocCase.normal("N1", 2), FrocCase.normal("N2"),
                    new FrocCase("A", true, List.of(), List.of(new FrocLesion("1", w1, 2), new FrocLesion("2", w2, UNMARKED)))));
        }

        @Test
        void afroc_counts_a_tie_as_one_half_and_an_unmarked_lesion_against_a_mark_free_normal_as_one_half() {
            // (0.75 + 0.25) / 2 lesions
            assertThat(FrocFom.AFROC.valueOf(withWeights(0.5, 0.5))).isCloseTo(0.5, within(EXACT));
        }

        @Test
        void wafroc_with_equal_weights_equals_afroc_on_one_abnormal_case() {
            assertThat(FrocFom.WAFROC.valueOf(withWeights(0.5, 0.5))).isCloseTo(0.5, within(EXACT));
        }

        @Test
        void wafroc_rewards_finding_the_heavier_lesion_while_afroc_ignores_weights() {
            // 0.8 · 0.75 + 0.2 · 0.25 = 0.65; AFROC stays (0.75 + 0.25) / 2
            assertThat(FrocFom.WAFROC.valueOf(withWeights(0.8, 0.2))).isCloseTo(0.65, within(EXACT));
            assertThat(FrocFom.AFROC.valueOf(withWeights(0.8, 0.2))).isCloseTo(0.5, within(EXACT));
            // 0.2 · 0.75 + 0.8 · 0.25 = 0.35
            assertThat(FrocFom.WAFROC.valueOf(withWeights(0.2, 0.8))).isCloseTo(0.35, within(EXACT));
        }

        @Test
        void inferred_roc_auc_compares_case_maxima() {
            // normals: 2, −∞; abnormal max = 2: ψ(2,2) = ½, ψ(−∞,2) = 1 → 0.75
            assertThat(FrocFom.HR_AUC.valueOf(withWeights(0.5, 0.5))).isCloseTo(0.75, within(EXACT));
        }
    }

    /**
     * The AFROC case gives more influence to a case with more lesions, the wAFROC does not. Two
     * abnormal cases: A1 has one lesion, found (beats the normal's FP); A2 has three lesions, all
     * missed. One normal case with an NL rated 1.
     * AFROC = (1 + 0 + 0 + 0) / 4 lesions = 0.25; wAFROC = (1 + 0) / 2 cases = 0.5.
     */
    @Test
    void wafroc_gives_each_abnormal_case_equal_say_whatever_its_lesion_count() {
        var d = FrocDataset.of(List.of(FrocCase.normal("N", 1),
                FrocCase.abnormalEqualWeights("A1", List.of(), 3),
                FrocCase.abnormalEqualWeights("A2", List.of(), UNMARKED, UNMARKED, UNMARKED)));
        assertThat(FrocFom.AFROC.valueOf(d)).isCloseTo(0.25, within(EXACT));
        assertThat(FrocFom.WAFROC.valueOf(d)).isCloseTo(0.5, within(EXACT));
    }

    /** Chakraborty: an observer who marks nothing sits at (0,0); the extension to (1,1) gives ½. */
    @Test
    void a_reader_who_marks_nothing_scores_one_half_on_every_afroc_figure_and_on_inferred_roc() {
        var d = FrocDataset.of(List.of(FrocCase.normal("N1"), FrocCase.normal("N2"),
                FrocCase.abnormalEqualWeights("A1", List.of(), UNMARKED),
                FrocCase.abnormalEqualWeights("A2", List.of(), UNMARKED, UNMARKED)));
        for (FrocFom fom : FrocFom.values()) {
            assertThat(fom.valueOf(d)).as(fom.label()).isCloseTo(0.5, within(EXACT));
        }
    }

    @Test
    void a_perfect_reader_who_marks_every_lesion_and_nothing_else_scores_one() {
        var d = FrocDataset.of(List.of(FrocCase.normal("N1"), FrocCase.normal("N2"),
                FrocCase.abnormalEqualWeights("A1", List.of(), 1),
                FrocCase.abnormalEqualWeights("A2", List.of(), 1, 5)));
        for (FrocFom fom : FrocFom.values()) {
            assertThat(fom.valueOf(d)).as(fom.label()).isCloseTo(1.0, within(EXACT));
        }
    }

    /**
     * Chakraborty: the chance-level AFROC is a "flat-liner" ending at (1,0), so A_AFROC = 0, not ½.
     * Here every normal case has an NL and no lesion is found.
     */
    @Test
    void a_reader_who_finds_no_lesion_but_marks_every_normal_case_scores_zero_on_afroc() {
        var d = FrocDataset.of(List.of(FrocCase.normal("N1", 1), FrocCase.normal("N2", 3),
                FrocCase.abnormalEqualWeights("A1", List.of(), UNMARKED),
                FrocCase.abnormalEqualWeights("A2", List.of(), UNMARKED, UNMARKED)));
        assertThat(FrocFom.AFROC.valueOf(d)).isZero();
        assertThat(FrocFom.WAFROC.valueOf(d)).isZero();
    }

    /**
     * A chance-level reader: lesion and normal-case ratings come from the same set, so every
     * lesion rating is matched by an equal FP rating. FPs 1, 2, 3; lesions 1, 2, 3.
     * ψ row sums: lesion 1 → ½ + 0 + 0; 2 → 1 + ½ + 0; 3 → 1 + 1 + ½; total 4.5 / 9 = 0.5.
     */
    @Test
    void a_reader_whose_lesion_and_normal_ratings_are_interchangeable_scores_one_half() {
        var d = FrocDataset.of(List.of(FrocCase.normal("N1", 1), FrocCase.normal("N2", 2), FrocCase.normal("N3", 3),
                FrocCase.abnormalEqualWeights("A1", List.of(), 1), FrocCase.abnormalEqualWeights("A2", List.of(), 2),
                FrocCase.abnormalEqualWeights("A3", List.of(), 3)));
        assertThat(FrocFom.AFROC.valueOf(d)).isCloseTo(0.5, within(EXACT));
        assertThat(FrocFom.WAFROC.valueOf(d)).isCloseTo(0.5, within(EXACT));
    }

    /** An NL on an abnormal case lowers AFROC1 but not AFROC, which only looks at normal cases. */
    @Test
    void nls_on_abnormal_cases_count_for_the_1_variants_only() {
        var clean = FrocDataset.of(List.of(FrocCase.normal("N"), FrocCase.abnormalEqualWeights("A", List.of(), 2)));
        var withNl = FrocDataset.of(List.of(FrocCase.normal("N"), FrocCase.abnormalEqualWeights("A", List.of(4.0), 2)));
        assertThat(FrocFom.AFROC.valueOf(withNl)).isEqualTo(FrocFom.AFROC.valueOf(clean)).isEqualTo(1.0);
        // FPs: N −∞ → ψ = 1; A's own NL 4 → ψ(4, 2) = 0; (1 + 0) / 2 cases
        assertThat(FrocFom.AFROC1.valueOf(withNl)).isCloseTo(0.5, within(EXACT));
        assertThat(FrocFom.WAFROC1.valueOf(withNl)).isCloseTo(0.5, within(EXACT));
    }

    @Test
    void afroc_wafroc_and_inferred_roc_are_undefined_without_normal_cases_but_the_1_variants_are_not() {
        var d = FrocDataset.of(List.of(FrocCase.abnormalEqualWeights("A", List.of(1.0), 2)));
        assertThat(FrocFom.AFROC.evaluate(d)).isEmpty();
        assertThat(FrocFom.WAFROC.evaluate(d)).isEmpty();
        assertThat(FrocFom.HR_AUC.evaluate(d)).isEmpty();
        // the only FP rating is A's own NL (1) < lesion (2)
        assertThat(FrocFom.WAFROC1.evaluate(d)).hasValue(1.0);
        assertThatThrownBy(() -> FrocFom.WAFROC.valueOf(d)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("normal case");
    }

    @Test
    void every_figure_is_undefined_without_abnormal_cases() {
        var d = FrocDataset.of(List.of(FrocCase.normal("N", 1)));
        for (FrocFom fom : FrocFom.values()) {
            assertThat(fom.evaluate(d)).as(fom.label()).isEmpty();
        }
    }

    @Test
    void labels_are_the_names_rjafroc_uses() {
        assertThat(List.of(FrocFom.values())).extracting(FrocFom::label)
                .containsExactly("AFROC", "wAFROC", "AFROC1", "wAFROC1", "HrAuc");
    }
}
