package org.calibra.scoring.jafroc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** {@code fom --mrmc} on Van Dyke prints the published Iowa / MRMCaov numbers in words and tables. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MrmcCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return FigureOfMeritCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String vanDyke() {
        try {
            return Path.of(MrmcCommandTest.class.getResource("/mrmc/vandyke/truth.csv").toURI()).getParent().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void van_dyke_prints_the_three_or_analyses_and_the_dbm_ones_with_the_published_figures() {
        assertThat(run(vanDyke(), "--mrmc", "--fom", "Wilcoxon")).isZero();
        String s = out.toString(StandardCharsets.UTF_8);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(s).contains("2 modalities x 5 readers; 114 cases (69 normal, 45 abnormal)")
                .contains("Wilcoxon — Obuchowski–Rockette, jackknife covariances")
                .contains("Wilcoxon — Dorfman–Berbaum–Metz, jackknife pseudovalues");
        // Iowa OR-DBM (inst/IowaResults/VanDyke.txt): F(1, 15.26) = 4.46, p = .0517; X2(1) = 5.48, p = .0193; F(1,4) = 8.70, p = .0420
        assertThat(s).contains("F(1, 15.26) = 4.46, p = 0.0517 — no significant difference between the modalities (p ≥ 0.05)")
                .contains("χ² = 5.48 on 1 df (F = 5.48, ddf = ∞), p = 0.0193 — the modalities differ (p < 0.05)")
                .contains("F(1, 4) = 8.70, p = 0.0420 — the modalities differ")
                .contains("F(1, 113) = 5.48, p = 0.0210");
        assertThat(s).containsPattern("0 +0\\.8970 +0\\.0332 +12\\.74 +\\[0\\.8252, 0\\.9689\\]")
                .containsPattern("0 − 1 +-0\\.0438 +0\\.0207 +15\\.26 +-2\\.11 +0\\.0517 +\\[-0\\.0880, 0\\.0004\\]");
        assertThat(s).contains("Random readers, random cases (conclusions apply to readers and cases like these)")
                .contains("Fixed readers, random cases").contains("Random readers, fixed cases");
    }

    @Test
    void delong_covariances_give_mrmcaovs_test() {
        assertThat(run(vanDyke(), "--mrmc", "--fom", "Wilcoxon", "--cov", "DeLong")).isZero();
        // MRMCaov (docs/jss/MRMCaov.tex): F = 4.484854, df2 = 15.06611, p = 0.05123303
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Wilcoxon — Obuchowski–Rockette, DeLong covariances")
                .contains("F(1, 15.07) = 4.48, p = 0.0512");
    }

    @Test
    void delong_for_afroc_is_a_clear_error() {
        assertThat(run(vanDyke(), "--mrmc", "--fom", "AFROC", "--cov", "delong")).isEqualTo(FigureOfMeritCli.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("error: AFROC: DeLong covariances exist only for the Wilcoxon (inferred ROC) AUC and wAFROC, not AFROC; use the jackknife");
    }

    @Test
    void an_unknown_covariance_method_or_cov_without_mrmc_is_a_usage_error() {
        assertThat(run(vanDyke(), "--mrmc", "--cov", "bootstrap")).isEqualTo(FigureOfMeritCli.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--cov: unknown covariance method 'bootstrap'; expected jackknife or DeLong");
        err.reset();
        assertThat(run(vanDyke(), "--cov", "DeLong")).isEqualTo(FigureOfMeritCli.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--cov applies only with --mrmc");
    }
}
