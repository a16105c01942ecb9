package org.calibra.scoring.domain.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CaseCallTest {

    @Test
    void a_confident_normal_call_is_the_lowest_rating_and_a_confident_abnormal_call_the_highest() {
        assertThat(CaseCall.rocRating(false, 5)).isEqualTo(1);
        assertThat(CaseCall.rocRating(false, 1)).isEqualTo(5);
        assertThat(CaseCall.rocRating(true, 1)).isEqualTo(6);
        assertThat(CaseCall.rocRating(true, 5)).isEqualTo(10);
    }

    @Test
    void the_scale_is_strictly_increasing_in_suspicion() {
        int[] ratings = {
            CaseCall.rocRating(false, 5), CaseCall.rocRating(false, 4), CaseCall.rocRating(false, 3),
            CaseCall.rocRating(false, 2), CaseCall.rocRating(false, 1), CaseCall.rocRating(true, 1),
            CaseCall.rocRating(true, 2), CaseCall.rocRating(true, 3), CaseCall.rocRating(true, 4),
            CaseCall.rocRating(true, 5)};
        assertThat(ratings).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void confidence_outside_one_to_five_is_rejected() {
        assertThatThrownBy(() -> new CaseCall("c", true, true, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaseCall("c", true, true, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Two normals: normal/5 (1) and abnormal/2 (7); two abnormals: abnormal/4 (9) and normal/1 (5).
     * ψ over (normal, abnormal) pairs: (1,9) 1, (1,5) 1, (7,9) 1, (7,5) 0 → AUC 3/4.
     */
    @Test
    void case_calls_become_roc_ratings_grouped_by_truth() {
        var ratings = RocRatings.fromCaseCalls(List.of(new CaseCall("n1", false, false, 5),
                new CaseCall("n2", false, true, 2), new CaseCall("a1", true, true, 4), new CaseCall("a2", true, false, 1)));
        assertThat(ratings.normal()).containsExactly(1.0, 7.0);
        assertThat(ratings.abnormal()).containsExactly(9.0, 5.0);
        assertThat(EmpiricalRoc.auc(ratings)).isCloseTo(0.75, within(1e-12));
    }
}
