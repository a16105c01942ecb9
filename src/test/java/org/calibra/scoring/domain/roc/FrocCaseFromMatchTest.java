package org.calibra.scoring.domain.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.calibra.scoring.domain.roc.Psi.UNMARKED;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.calibra.scoring.domain.AcceptanceRule;
import org.calibra.scoring.domain.AiMark;
import org.calibra.scoring.domain.Lesion;
import org.calibra.scoring.domain.LesionMatcher;
import org.calibra.scoring.domain.Mark;
import org.calibra.scoring.domain.PixelSpacing;
import org.calibra.scoring.domain.ReadSummary;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FrocCaseFromMatchTest {

    private static final IntFunction<Optional<PixelSpacing>> NO_SPACING = i -> Optional.empty();

    /** L1 weighs 3 and L2 weighs 1, so their FROC weights are 3/4 and 1/4. */
    private static final List<Lesion> LESIONS = List.of(
            new Lesion("L1", 0, 100, 100, 10, null, 3.0),
            new Lesion("L2", 0, 300, 300, 10, null, 1.0));

    /** m1 (4) and m2 (2) both on L1, m3 (3) on nothing; L2 missed. */
    private static final List<Mark> MARKS = List.of(
            Mark.of("m1", 0, 101, 100, 4),
            Mark.of("m2", 0, 99, 100, 2),
            Mark.of("m3", 0, 500, 500, 3));

    @Test
    void a_reader_match_becomes_nls_one_ll_per_lesion_and_unmarked_missed_lesions() {
        var read = new ReadSummary("c1", true, true, LESIONS, MARKS);
        var c = FrocCase.fromRead(read, read.match(NO_SPACING, AcceptanceRule.DEFAULT));
        assertThat(c.abnormal()).isTrue();
        assertThat(c.nlRatings()).containsExactly(3.0);
        assertThat(c.lesions()).containsExactly(new FrocLesion("L1", 0.75, 4), new FrocLesion("L2", 0.25, UNMARKED));
    }

    @Test
    void the_lower_rated_duplicate_on_a_lesion_is_neither_ll_nor_nl() {
        var read = new ReadSummary("c1", true, true, LESIONS, MARKS);
        var c = FrocCase.fromRead(read, read.match(NO_SPACING, AcceptanceRule.DEFAULT));
        assertThat(c.nlRatings()).doesNotContain(2.0);
        assertThat(c.llRating("L1")).hasValue(4.0);
        assertThat(c.llRating("L2")).isEmpty();
    }

    @Test
    void a_normal_case_keeps_every_mark_as_an_nl() {
        var read = new ReadSummary("n1", false, true, List.of(), MARKS);
        var c = FrocCase.fromRead(read, read.match(NO_SPACING, AcceptanceRule.DEFAULT));
        assertThat(c.abnormal()).isFalse();
        assertThat(c.nlRatings()).containsExactlyInAnyOrder(4.0, 2.0, 3.0);
        assertThat(c.lesions()).isEmpty();
    }

    @Test
    void ai_marks_are_rated_by_raw_probability_so_no_ordering_is_lost_to_binning() {
        var ai = List.of(new AiMark("a1", 0, 100, 100, 0.83, null), new AiMark("a2", 0, 500, 500, 0.81, null));
        var match = LesionMatcher.matchAi(LESIONS, ai, NO_SPACING, AcceptanceRule.DEFAULT);
        var c = FrocCase.fromAiMatch("c1", true, LESIONS, ai, match);
        assertThat(c.llRating("L1")).hasValue(0.83);
        assertThat(c.nlRatings()).containsExactly(0.81);
    }

    @Test
    void cases_converted_from_matches_feed_the_figures_of_merit() {
        var abnormal = new ReadSummary("a", true, true, LESIONS, MARKS);
        var normal = new ReadSummary("n", false, false, List.of(), List.of(Mark.of("x", 0, 10, 10, 3)));
        var d = FrocDataset.of(List.of(
                FrocCase.fromRead(abnormal, abnormal.match(NO_SPACING, AcceptanceRule.DEFAULT)),
                FrocCase.fromRead(normal, normal.match(NO_SPACING, AcceptanceRule.DEFAULT))));
        // FP = 3; L1 (4) → 1, L2 (−∞) → 0; wAFROC = 0.75·1 + 0.25·0
        assertThat(FrocFom.WAFROC.valueOf(d)).isCloseTo(0.75, within(1e-12));
        // AFROC1 also counts the abnormal case's NL (3) as FP: L1 → (1 + 1)/2, L2 → 0; mean over 2 lesions
        assertThat(FrocFom.AFROC1.valueOf(d)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void an_abnormal_case_without_outlined_lesions_cannot_be_analysed_as_froc() {
        var read = new ReadSummary("diffuse", true, true, List.of(), MARKS);
        var match = read.match(NO_SPACING, AcceptanceRule.DEFAULT);
        assertThatThrownBy(() -> FrocCase.fromRead(read, match))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one lesion");
    }

    @Test
    void a_match_for_other_lesions_is_rejected() {
        var match = LesionMatcher.match(LESIONS.subList(0, 1), MARKS, NO_SPACING, AcceptanceRule.DEFAULT);
        assertThatThrownBy(() -> FrocCase.fromReaderMatch("c1", true, LESIONS, MARKS, match))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
