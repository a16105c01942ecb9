package org.calibra.scoring.domain.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calibra.scoring.domain.roc.Psi.UNMARKED;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PsiTest {

    @Test
    void psi_is_one_when_the_signal_is_rated_higher() {
        assertThat(Psi.psi(2, 3)).isEqualTo(1.0);
    }

    @Test
    void psi_is_one_half_on_a_tie() {
        assertThat(Psi.psi(3, 3)).isEqualTo(0.5);
    }

    @Test
    void psi_is_zero_when_the_signal_is_rated_lower() {
        assertThat(Psi.psi(4, 3)).isEqualTo(0.0);
    }

    @Test
    void an_unmarked_signal_loses_to_any_mark_and_ties_with_an_unmarked_noise() {
        assertThat(Psi.psi(-1e300, UNMARKED)).isEqualTo(0.0);
        assertThat(Psi.psi(UNMARKED, UNMARKED)).isEqualTo(0.5);
    }

    @Test
    void any_mark_beats_an_unmarked_noise() {
        assertThat(Psi.psi(UNMARKED, -1e300)).isEqualTo(1.0);
    }

    @Test
    void nan_and_plus_infinity_are_not_ratings() {
        assertThatThrownBy(() -> new FrocLesion("L", 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrocLesion("L", 1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RocRatings(List.of(Double.NaN), List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_nl_mark_must_have_a_finite_rating() {
        assertThatThrownBy(() -> FrocCase.normal("N", UNMARKED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NL rating");
    }
}
