package org.calibra.scoring.jafroc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.calibra.scoring.jafroc.JafrocFormatException.Problem;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each folder under {@code src/test/resources/jafroc/broken} is the two-reader study with one
 * defect; the error must name the file, line and column, and say what was expected.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JafrocCsvBrokenInputTest {

    @TempDir
    Path dir;

    private static Problem onlyProblem(String folder) {
        var e = catchThrowableOfType(JafrocFormatException.class, () -> JafrocCsv.read(TestStudies.broken(folder)));
        assertThat(e).as(folder).isNotNull();
        assertThat(e.problems()).as(e.getMessage()).hasSize(1);
        assertThat(e.getMessage()).contains(e.problems().getFirst().toString());
        return e.problems().getFirst();
    }

    private static void assertProblem(Problem p, String file, int line, String column, String... words) {
        assertThat(p.file()).isEqualTo(file);
        assertThat(p.line()).isEqualTo(line);
        assertThat(p.column()).isEqualTo(column);
        assertThat(p.message()).contains(words);
    }

    @Test
    void a_missing_header_column_is_named_with_the_columns_expected() {
        assertProblem(onlyProblem("missing-header-column"), "nl.csv", 1, "NL_Rating",
                "missing column NL_Rating", "FP_Rating", "Rating]", "expected columns ReaderID,ModalityID,CaseID,NL_Rating");
    }

    @Test
    void a_non_numeric_rating_is_quoted_and_a_number_is_expected() {
        assertProblem(onlyProblem("non-numeric-rating"), "ll.csv", 3, "LL_Rating", "expected a rating", "'high'",
                "'.' as the decimal point");
    }

    @Test
    void a_nan_rating_is_rejected_as_not_finite() {
        assertProblem(onlyProblem("nan-rating"), "nl.csv", 2, "NL_Rating", "expected a finite number", "'NaN'");
    }

    @Test
    void an_infinite_rating_is_rejected_with_the_hint_that_unmarked_lesions_have_no_row() {
        assertProblem(onlyProblem("infinite-rating"), "ll.csv", 4, "LL_Rating", "expected a finite number", "'-Inf'",
                "an unmarked lesion has no LL row");
    }

    @Test
    void a_case_missing_from_truth_is_reported_where_it_is_used() {
        assertProblem(onlyProblem("unknown-case"), "nl.csv", 5, "CaseID", "case 7 is not in truth.csv");
    }

    @Test
    void a_lesion_missing_from_truth_is_reported_with_the_lesions_the_case_has() {
        assertProblem(onlyProblem("unknown-lesion"), "ll.csv", 2, "LesionID", "case 4 has no lesion 2 in truth.csv",
                "its lesions: 1");
    }

    @Test
    void a_second_ll_row_for_a_lesion_points_at_the_first() {
        assertProblem(onlyProblem("duplicate-ll"), "ll.csv", 4, "LesionID",
                "reader R1, modality unaided, case 5, lesion 1 is already rated at line 3", "one LL row per lesion");
    }

    @Test
    void weights_not_summing_to_one_give_the_sum_and_the_rule() {
        assertProblem(onlyProblem("weights-not-summing"), "truth.csv", 6, "Weight", "weights of case 5 sum to 1.25",
                "expected weights summing to 1, or 0 on every lesion");
    }

    @Test
    void a_case_both_normal_and_abnormal_names_both_lines() {
        assertProblem(onlyProblem("normal-and-abnormal"), "truth.csv", 5, "LesionID",
                "case 3 is declared normal (LesionID 0) at line 4 and has lesion 1 here", "either normal or abnormal");
    }

    @Test
    void an_empty_file_asks_for_the_header_row() {
        assertProblem(onlyProblem("empty-file"), "ll.csv", 0, null, "file is empty",
                "expected a header row ReaderID,ModalityID,CaseID,LesionID,LL_Rating");
    }

    @Test
    void a_decimal_comma_shows_up_as_an_extra_field_with_a_hint() {
        assertProblem(onlyProblem("decimal-comma"), "nl.csv", 3, null, "expected 4 fields", "found 5", "decimal comma");
    }

    @Test
    void an_ll_row_on_a_normal_case_is_rejected() {
        assertProblem(onlyProblem("ll-on-normal-case"), "ll.csv", 3, "CaseID", "case 2 is normal");
    }

    @Test
    void a_missing_file_is_named_with_the_table_expected() {
        assertProblem(onlyProblem("missing-file"), "truth.csv", 0, null, "file not found", "CaseID,LesionID,Weight");
    }

    @Test
    void problems_in_all_three_files_are_reported_together_in_file_order() {
        var e = catchThrowableOfType(JafrocFormatException.class,
                () -> JafrocCsv.read(TestStudies.broken("several-problems")));
        assertThat(e.problems()).extracting(Problem::file).containsExactly("truth.csv", "nl.csv", "ll.csv");
        assertThat(e.problems()).extracting(Problem::line).containsExactly(4, 2, 1);
        assertThat(e.problems()).extracting(Problem::column).containsExactly("LesionID", "NL_Rating", "LesionID");
        assertThat(e.getMessage()).startsWith("Cannot read JAFROC study in ").contains("3 problems");
    }

    @Test
    void at_most_fifty_problems_are_listed_and_the_message_says_it_stopped() throws IOException {
        var nl = new StringBuilder("ReaderID,ModalityID,CaseID,NL_Rating\n");
        for (int i = 0; i < 80; i++) {
            nl.append("R,M,1,bad").append(i).append('\n');
        }
        Files.writeString(dir.resolve("truth.csv"), "CaseID,LesionID,Weight\n1,0,0\n2,1,0\n");
        Files.writeString(dir.resolve("nl.csv"), nl);
        Files.writeString(dir.resolve("ll.csv"), "ReaderID,ModalityID,CaseID,LesionID,LL_Rating\n");
        var e = catchThrowableOfType(JafrocFormatException.class, () -> JafrocCsv.read(dir));
        assertThat(e.problems()).hasSize(JafrocFormatException.MAX_PROBLEMS);
        assertThat(e.truncated()).isTrue();
        assertThat(e.getMessage()).contains("stopped after 50 problems");
    }

    @Test
    void weights_mixing_zero_and_non_zero_are_rejected() throws IOException {
        Files.writeString(dir.resolve("truth.csv"), "CaseID,LesionID,Weight\n1,0,0\n2,1,0\n2,2,1\n");
        Files.writeString(dir.resolve("nl.csv"), "ReaderID,ModalityID,CaseID,NL_Rating\nR,M,1,1\n");
        Files.writeString(dir.resolve("ll.csv"), "ReaderID,ModalityID,CaseID,LesionID,LL_Rating\n");
        var e = catchThrowableOfType(JafrocFormatException.class, () -> JafrocCsv.read(dir));
        assertProblem(e.problems().getFirst(), "truth.csv", 3, "Weight", "mixes weight 0 with non-zero weights");
    }

    @Test
    void a_study_without_any_mark_has_no_readers_and_is_rejected() throws IOException {
        Files.writeString(dir.resolve("truth.csv"), "CaseID,LesionID,Weight\n1,0,0\n");
        Files.writeString(dir.resolve("nl.csv"), "ReaderID,ModalityID,CaseID,NL_Rating\n");
        Files.writeString(dir.resolve("ll.csv"), "ReaderID,ModalityID,CaseID,LesionID,LL_Rating\n");
        assertThatThrownBy(() -> JafrocCsv.read(dir)).isInstanceOf(JafrocFormatException.class)
                .hasMessageContaining("no reader or modality");
    }

    @Test
    void a_path_that_is_not_a_folder_is_rejected() {
        assertThatThrownBy(() -> JafrocCsv.read(dir.resolve("nowhere"))).isInstanceOf(JafrocFormatException.class)
                .hasMessageContaining("not a folder");
    }

    @Test
    void in_memory_tables_report_problems_by_table_name_and_row_line() {
        var tables = new JafrocTables.Tables(
                java.util.List.of(new JafrocTables.TruthRow("1", 0, 0), new JafrocTables.TruthRow("2", 1, 0)),
                java.util.List.of(new JafrocTables.NlRow("R", "M", "9", 1)),
                java.util.List.of(new JafrocTables.LlRow("R", "M", "2", 1, Double.NaN)));
        var e = catchThrowableOfType(JafrocFormatException.class, () -> JafrocTables.toStudy(tables));
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "NL line 2, column CaseID: case 9 is not in TRUTH",
                "LL line 2, column LL_Rating: expected a finite rating, found NaN"
                        + " (an unmarked lesion has no LL row; a case without NLs has no NL row)");
    }
}
