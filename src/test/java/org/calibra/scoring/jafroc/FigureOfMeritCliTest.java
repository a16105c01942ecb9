package org.calibra.scoring.jafroc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FigureOfMeritCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return FigureOfMeritCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_two_reader_study_prints_each_reader_and_modality_with_the_hand_computed_values() {
        int code = run(TestStudies.twoReadersTwoModalities().toString(), "--bootstrap", "200", "--seed", "7");
        assertThat(code).isZero();
        assertThat(err()).isEmpty();
        String s = out();
        assertThat(s).contains("2 reader(s) x 2 modality(ies); 6 cases (K1 = 3 normal, K2 = 3 abnormal), 4 lesions");
        assertThat(s).containsPattern("R1 +unaided +3 +3 +4 +0\\.8611 \\[[0-9.]+, [0-9.]+\\] +0\\.7500 \\[")
                .containsPattern("R2 +aided +3 +3 +4 +0\\.6250 \\[[0-9.]+, [0-9.]+\\] +0\\.6667 \\[")
                .containsPattern("R1 +aided .*1\\.0000 \\[1\\.0000, 1\\.0000\\]");
        // Averages over readers: wAFROC (7.75/9 + 7.5/9)/2, AFROC (0.75 + 0.875)/2, HrAuc (8/9 + 7.5/9)/2 ...
        assertThat(s).containsPattern("unaided +2 +0\\.8472 +0\\.8125 +0\\.8611 +0\\.8611")
                .containsPattern("aided +2 +0\\.8125 +0\\.8333 +0\\.9167 +0\\.9167");
        assertThat(s).contains("200 stratified case-bootstrap replicates, seed 7").contains("DeLong");
    }

    @Test
    void the_nine_case_example_prints_the_published_afroc_and_wafroc() {
        assertThat(run(TestStudies.chakrabortyNineCase().toString(), "--fom", "AFROC,wAFROC", "--bootstrap", "100")).isZero();
        assertThat(out()).containsPattern("1 +1 +4 +5 +9 +0\\.8472 \\[[0-9.]+, [0-9.]+\\] +0\\.7425 \\[");
    }

    @Test
    void the_same_seed_prints_the_same_intervals() {
        String folder = TestStudies.twoReadersTwoModalities().toString();
        run(folder, "--bootstrap", "300", "--seed", "3");
        String first = out();
        out.reset();
        run(folder, "--bootstrap=300", "--seed=3");
        assertThat(out()).isEqualTo(first);
    }

    @Test
    void wilcoxon_gets_a_delong_interval_without_any_bootstrap() {
        assertThat(run(TestStudies.twoReadersTwoModalities().toString(), "--fom", "wilcoxon", "--bootstrap", "0")).isZero();
        // DeLong for R1 / unaided: AUC 8/9, Wald interval clipped at 1.
        assertThat(out()).containsPattern("R1 +unaided +3 +3 +4 +0\\.8889 \\[0\\.[0-9]{4}, 1\\.0000\\]")
                .doesNotContain("bootstrap replicates");
    }

    @Test
    void a_figure_that_needs_normal_cases_is_marked_not_available() throws Exception {
        var dir = java.nio.file.Files.createTempDirectory("jafroc-cli");
        java.nio.file.Files.writeString(dir.resolve("truth.csv"), "CaseID,LesionID,Weight\n1,1,0\n2,1,0\n");
        java.nio.file.Files.writeString(dir.resolve("nl.csv"), "ReaderID,ModalityID,CaseID,NL_Rating\nR,M,1,1\n");
        java.nio.file.Files.writeString(dir.resolve("ll.csv"), "ReaderID,ModalityID,CaseID,LesionID,LL_Rating\nR,M,2,1,2\n");
        assertThat(run(dir.toString(), "--fom", "wAFROC,wAFROC1", "--bootstrap", "50")).isZero();
        assertThat(out()).contains("n/a (needs normal and abnormal cases)").containsPattern("M +1 +n/a");
    }

    @Test
    void bad_input_exits_with_two_and_prints_the_problems_without_a_stack_trace() {
        int code = run(TestStudies.broken("duplicate-ll").toString());
        assertThat(code).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("ll.csv line 4, column LesionID").contains("already rated at line 3")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void a_missing_folder_exits_with_two() {
        assertThat(run("/no/such/folder")).isEqualTo(2);
        assertThat(err()).contains("not a folder");
    }

    @Test
    void bad_arguments_exit_with_two_and_show_the_usage() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("missing the study folder").contains("usage:");
        err.reset();
        assertThat(run("x", "--fom", "ROC")).isEqualTo(2);
        assertThat(err()).contains("unknown figure of merit 'ROC'");
        err.reset();
        assertThat(run("x", "--bootstrap", "many")).isEqualTo(2);
        assertThat(err()).contains("--bootstrap expects a whole number");
    }

    @Test
    void help_prints_the_usage_and_exits_with_zero() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("usage: FigureOfMeritCli");
    }
}
