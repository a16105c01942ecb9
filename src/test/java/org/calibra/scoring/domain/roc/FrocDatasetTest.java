package org.calibra.scoring.domain.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calibra.scoring.domain.roc.Psi.UNMARKED;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FrocDatasetTest {

    @Test
    void cases_are_split_into_normals_and_abnormals_in_input_order() {
        var d = ChakrabortyNineCaseExample.dataset();
        assertThat(d.normals()).extracting(FrocCase::id).containsExactly("N1", "N2", "N3", "N4");
        assertThat(d.abnormals()).extracting(FrocCase::id).containsExactly("D1", "D2", "D3", "D4", "D5");
        assertThat(d.caseCount()).isEqualTo(9);
        assertThat(d.lesionCount()).isEqualTo(9);
    }

    @Test
    void case_ids_must_be_unique() {
        assertThatThrownBy(() -> FrocDataset.of(List.of(FrocCase.normal("x"), FrocCase.normal("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("appears twice");
    }

    @Test
    void a_normal_case_cannot_have_lesions_and_an_abnormal_case_needs_one() {
        assertThatThrownBy(() -> new FrocCase("n", false, List.of(), List.of(new FrocLesion("1", 1, 2))))
                .hasMessageContaining("normal but has");
        assertThatThrownBy(() -> new FrocCase("a", true, List.of(), List.of()))
                .hasMessageContaining("at least one lesion");
    }

    @Test
    void relative_weights_are_divided_by_their_sum() {
        var c = FrocCase.abnormalRelativeWeights("a", List.of(),
                List.of(new FrocLesion("1", 2, 3), new FrocLesion("2", 1, UNMARKED)));
        assertThat(c.lesions()).extracting(FrocLesion::weight).containsExactly(2.0 / 3, 1.0 / 3);
    }

    @Test
    void the_inferred_rating_of_a_case_is_its_highest_mark_or_unmarked() {
        assertThat(FrocCase.normal("n").highestRating()).isEqualTo(UNMARKED);
        assertThat(FrocCase.abnormalEqualWeights("a", List.of(2.0), 1, UNMARKED).highestRating()).isEqualTo(2.0);
        assertThat(FrocCase.abnormalEqualWeights("a", List.of(), UNMARKED, 4).highestRating()).isEqualTo(4.0);
    }
}
