package org.calibra.scoring.domain.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.calibra.scoring.domain.roc.Psi.UNMARKED;

import java.util.List;
import org.calibra.scoring.domain.roc.FrocTables.LlRow;
import org.calibra.scoring.domain.roc.FrocTables.NlRow;
import org.calibra.scoring.domain.roc.FrocTables.TruthRow;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FrocTablesTest {

    /** Chakraborty's 9-case example written as JAFROC TRUTH / NL / LL tables. */
    private static final List<TruthRow> TRUTH = List.of(
            new TruthRow("1", 0, 0), new TruthRow("2", 0, 0), new TruthRow("3", 0, 0), new TruthRow("4", 0, 0),
            new TruthRow("5", 1, 0),
            new TruthRow("6", 1, 0),
            new TruthRow("7", 1, 0.1), new TruthRow("7", 2, 0.9),
            new TruthRow("8", 1, 0.9), new TruthRow("8", 2, 0.1),
            new TruthRow("9", 1, 0.3), new TruthRow("9", 2, 0.4), new TruthRow("9", 3, 0.3));
    private static final List<NlRow> NL = List.of(
            new NlRow("2", 0.5), new NlRow("3", 0.7), new NlRow("3", 0.6), new NlRow("4", -0.3), new NlRow("5", 1.5));
    private static final List<LlRow> LL = List.of(
            new LlRow("5", 1, 0.9), new LlRow("6", 1, -0.2), new LlRow("7", 1, 1.6),
            new LlRow("8", 1, 3), new LlRow("8", 2, 2),
            new LlRow("9", 1, 1), new LlRow("9", 2, 2.5), new LlRow("9", 3, 1));

    @Test
    void tables_give_the_same_figures_of_merit_as_the_published_example() {
        var d = FrocTables.toDataset(TRUTH, NL, LL);
        assertThat(d.normalCount()).isEqualTo(4);
        assertThat(d.abnormalCount()).isEqualTo(5);
        assertThat(d.lesionCount()).isEqualTo(9);
        assertThat(FrocFom.AFROC.valueOf(d)).isCloseTo(0.8472222, within(5e-8));
        assertThat(FrocFom.WAFROC.valueOf(d)).isCloseTo(0.7425, within(1e-12));
    }

    @Test
    void a_lesion_without_an_ll_row_is_unmarked() {
        var d = FrocTables.toDataset(TRUTH, NL, LL);
        var case7 = d.abnormals().stream().filter(c -> c.id().equals("7")).findFirst().orElseThrow();
        assertThat(case7.lesions()).containsExactly(new FrocLesion("1", 0.1, 1.6), new FrocLesion("2", 0.9, UNMARKED));
    }

    @Test
    void zero_weights_on_every_lesion_of_a_case_mean_equal_weights() {
        var d = FrocTables.toDataset(List.of(new TruthRow("a", 1, 0), new TruthRow("a", 2, 0), new TruthRow("a", 3, 0)),
                List.of(), List.of());
        assertThat(d.abnormals().getFirst().lesions()).extracting(FrocLesion::weight)
                .containsOnly(1.0 / 3);
    }

    @Test
    void weights_that_do_not_sum_to_one_are_rejected() {
        assertThatThrownBy(() -> FrocTables.toDataset(List.of(new TruthRow("a", 1, 0.5), new TruthRow("a", 2, 0.4)),
                List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sum to 1");
    }

    @Test
    void a_second_ll_row_for_one_lesion_is_rejected_because_only_the_highest_rating_counts() {
        assertThatThrownBy(() -> FrocTables.toDataset(List.of(new TruthRow("a", 1, 0)), List.of(),
                List.of(new LlRow("a", 1, 3), new LlRow("a", 1, 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rated twice");
    }

    @Test
    void rows_for_unknown_cases_or_lesions_are_rejected() {
        var truth = List.of(new TruthRow("n", 0, 0), new TruthRow("a", 1, 0));
        assertThatThrownBy(() -> FrocTables.toDataset(truth, List.of(new NlRow("x", 1)), List.of()))
                .hasMessageContaining("not in TRUTH");
        assertThatThrownBy(() -> FrocTables.toDataset(truth, List.of(), List.of(new LlRow("a", 2, 1))))
                .hasMessageContaining("no lesion 2");
        assertThatThrownBy(() -> FrocTables.toDataset(truth, List.of(), List.of(new LlRow("n", 0, 1))))
                .hasMessageContaining("no lesion 0");
    }

    @Test
    void a_case_declared_both_normal_and_abnormal_is_rejected() {
        assertThatThrownBy(() -> FrocTables.toDataset(List.of(new TruthRow("a", 0, 0), new TruthRow("a", 1, 0)),
                List.of(), List.of()))
                .hasMessageContaining("lesion id 0");
    }
}
