package org.calibra.scoring.domain.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StratifiedBootstrapTest {

    private static final long SEED = 42L;

    @Test
    void the_same_seed_gives_the_same_interval() {
        var d = ChakrabortyNineCaseExample.dataset();
        var first = StratifiedBootstrap.froc(d, FrocFom.WAFROC, 1000, SEED);
        var second = StratifiedBootstrap.froc(d, FrocFom.WAFROC, 1000, SEED);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void a_different_seed_gives_a_different_interval() {
        var r = VanDykeDataset.ratings(0, 1);
        assertThat(StratifiedBootstrap.roc(r, 500, 1L).interval())
                .isNotEqualTo(StratifiedBootstrap.roc(r, 500, 2L).interval());
    }

    @Test
    void the_interval_contains_the_point_estimate_for_every_froc_figure() {
        var d = ChakrabortyNineCaseExample.dataset();
        for (FrocFom fom : FrocFom.values()) {
            var b = StratifiedBootstrap.froc(d, fom, 2000, SEED);
            assertThat(b.estimate()).as(fom.label()).isEqualTo(fom.valueOf(d));
            assertThat(b.interval().contains(b.estimate())).as(fom.label() + " " + b).isTrue();
        }
    }

    /**
     * With 69 + 45 cases the bootstrap and DeLong standard errors should agree roughly; the
     * percentile interval's width is compared with the DeLong Wald width (2·1.96·SE), loosely.
     */
    @Test
    void the_roc_bootstrap_interval_is_about_as_wide_as_the_delong_interval_on_the_van_dyke_data() {
        var r = VanDykeDataset.ratings(0, 1);
        var b = StratifiedBootstrap.roc(r, 2000, SEED);
        var delong = EmpiricalRoc.analyse(r);
        assertThat(b.estimate()).isCloseTo(0.8587762, within(5e-8));
        assertThat(b.interval().contains(b.estimate())).isTrue();
        double bootWidth = b.interval().upper() - b.interval().lower();
        double delongWidth = 2 * AucEstimate.Z_95 * delong.standardError().orElseThrow();
        assertThat(bootWidth / delongWidth).isBetween(0.8, 1.25);
    }

    @Test
    void resampling_keeps_the_number_of_normal_and_abnormal_cases() {
        var normals = List.of(1, 2, 3);
        var abnormals = List.of(10, 20);
        StratifiedBootstrap.<Integer>percentile(normals, abnormals, (n, a) -> {
            assertThat(n).hasSize(3).allMatch(normals::contains);
            assertThat(a).hasSize(2).allMatch(abnormals::contains);
            return 0.5;
        }, 50, SEED);
    }

    @Test
    void quantiles_interpolate_between_order_statistics_like_r_type_7() {
        double[] sorted = {0.0, 0.1, 0.2, 0.3, 0.4};
        // h = 4 · 0.025 = 0.1 → 0 + 0.1 · 0.1; h = 4 · 0.975 = 3.9 → 0.3 + 0.9 · 0.1
        assertThat(StratifiedBootstrap.quantile(sorted, 0.025)).isCloseTo(0.01, within(1e-12));
        assertThat(StratifiedBootstrap.quantile(sorted, 0.975)).isCloseTo(0.39, within(1e-12));
    }

    @Test
    void an_undefined_figure_cannot_be_bootstrapped() {
        var d = FrocDataset.of(List.of(FrocCase.abnormalEqualWeights("A", List.of(), 1)));
        assertThatThrownBy(() -> StratifiedBootstrap.froc(d, FrocFom.WAFROC, 10, SEED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
