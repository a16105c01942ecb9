package org.calibra.scoring.jafroc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.calibra.scoring.jafroc.CaseMapping.Case;
import org.calibra.scoring.jafroc.JafrocFormatException.Problem;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cases.csv: integer case ids 1..n (as RJafroc needs them) and the case versions they stand for. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CaseMappingTest {

    @TempDir
    Path dir;

    /** The two-reader study's cases: 1-3 normal, 4 one lesion, 5 two lesions, 6 one lesion. */
    private static final List<Case> TWO_READER_CASES = List.of(new Case("cxr-f", 1, true, 1), new Case("cxr-a", 2, false, 0),
            new Case("cxr-b", 1, false, 0), new Case("cxr-c", 1, false, 0), new Case("cxr-d", 1, true, 1), new Case("cxr-e", 3, true, 2));

    @Test
    void cases_are_numbered_one_to_n_by_case_id_and_version_and_written_with_their_truth() {
        var mapping = CaseMapping.number(List.of(new Case("cxr-b", 2, true, 2), new Case("cxr-a", 1, false, 0), new Case("cxr-b", 1, true, 1)));

        assertThat(mapping.toCsv()).isEqualTo("""
                CaseID,Case,Version,Truth,Lesions
                1,cxr-a,1,normal,0
                2,cxr-b,1,abnormal,1
                3,cxr-b,2,abnormal,2
                """);
        assertThat(mapping.idOf("cxr-b", 2)).isEqualTo(3);
        assertThatThrownBy(() -> mapping.idOf("cxr-b", 9)).hasMessageContaining("case cxr-b version 9 is not in the study");
    }

    @Test
    void the_mapping_reads_back_equal_and_is_complete_for_the_study_whose_integer_ids_it_numbers() throws IOException {
        var mapping = CaseMapping.number(TWO_READER_CASES);
        Path csv = Files.writeString(dir.resolve(CaseMapping.FILE), mapping.toCsv());

        var read = CaseMapping.read(csv);

        assertThat(read).isEqualTo(mapping);
        var study = JafrocCsv.read(TestStudies.twoReadersTwoModalities());
        assertThat(read.disagreementsWith(study)).as("ids 1..6 with matching truth and lesion counts").isEmpty();
        assertThat(study.truth().normals()).extracting(c -> c.id()).allMatch(id -> id.matches("\\d+"));
    }

    @Test
    void a_mapping_that_misses_a_case_or_disagrees_with_the_truth_says_which() {
        var study = JafrocCsv.read(TestStudies.twoReadersTwoModalities());
        var five = CaseMapping.number(TWO_READER_CASES.stream().filter(c -> !c.slug().equals("cxr-f")).toList()); // 1..5: no row for 6
        var wrongLesions = CaseMapping.number(List.of(new Case("a", 1, false, 0), new Case("b", 1, false, 0), new Case("c", 1, false, 0),
                new Case("d", 1, true, 1), new Case("e", 1, true, 1), new Case("f", 1, true, 1), new Case("g", 1, false, 0)));

        assertThat(five.disagreementsWith(study)).containsExactly("case 6 of truth.csv has no row in cases.csv");
        assertThat(wrongLesions.disagreementsWith(study)).containsExactly(
                "case 5 is abnormal with 2 lesions in truth.csv but abnormal with 1 lesion in cases.csv",
                "case 7 (g version 1) of cases.csv is not in truth.csv");
    }

    @Test
    void a_broken_mapping_file_lists_every_problem_with_line_and_column() throws IOException {
        Path csv = Files.writeString(dir.resolve(CaseMapping.FILE), """
                CaseID,Case,Version,Truth,Lesions
                1,cxr-a,1,normal,0
                1,cxr-b,1,abnormal,1
                x,cxr-c,1,normal,0
                3,cxr-d,0,sick,1
                4,cxr-e,1,normal,2
                6,cxr-a,1,normal,0
                """);

        var e = catchThrowableOfType(JafrocFormatException.class, () -> CaseMapping.read(csv));

        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "cases.csv line 3, column CaseID: case id 1 is already used at line 2",
                "cases.csv line 4, column CaseID: expected a case id 1, 2, ..., found 'x'",
                "cases.csv line 5, column Version: expected a case version 1, 2, ..., found '0'",
                "cases.csv line 5, column Truth: expected normal or abnormal, found 'sick'",
                "cases.csv line 6, column Lesions: case 4 is normal but has 2 lesions; expected 0 for a normal case and 1 or more for an abnormal one",
                "cases.csv line 7, column Case: case cxr-a version 1 is listed twice");
        assertThat(e.getMessage()).contains("Cannot read the case mapping");
    }

    @Test
    void gaps_in_the_ids_a_missing_column_an_empty_or_missing_file_are_named() throws IOException {
        Path gap = Files.writeString(dir.resolve("gap.csv"), "CaseID,Case,Version,Truth,Lesions\n1,a,1,normal,0\n3,b,1,normal,0\n");
        Path column = Files.writeString(dir.resolve("column.csv"), "CaseID,Case,Truth,Lesions\n1,a,normal,0\n");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "\n");

        assertThatThrownBy(() -> CaseMapping.read(gap)).hasMessageContaining("case ids must run 1..2 without gaps; 2 is missing");
        assertThatThrownBy(() -> CaseMapping.read(column)).hasMessageContaining("cases.csv line 1, column Version: missing column Version");
        assertThatThrownBy(() -> CaseMapping.read(empty)).hasMessageContaining("file is empty; expected a header row CaseID,Case,Version,Truth,Lesions");
        assertThatThrownBy(() -> CaseMapping.read(dir.resolve("none.csv"))).hasMessageContaining("cases.csv: file not found");
    }

    @Test
    void a_mapping_refuses_ids_out_of_order_and_a_truth_that_contradicts_its_lesions() {
        assertThatThrownBy(() -> new CaseMapping(List.of(new CaseMapping.Entry(2, "a", 1, false, 0))))
                .hasMessageContaining("case ids must be 1..1 in order");
        assertThatThrownBy(() -> new CaseMapping.Entry(1, "a", 1, true, 0)).hasMessageContaining("an abnormal case has lesions");
        assertThatThrownBy(() -> new CaseMapping.Entry(1, "a,b", 1, false, 0)).hasMessageContaining("cannot be written to CSV unquoted");
    }
}
