package org.calibra.scoring.jafroc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.calibra.scoring.domain.roc.Psi.UNMARKED;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.calibra.scoring.domain.roc.FrocCase;
import org.calibra.scoring.domain.roc.FrocDataset;
import org.calibra.scoring.domain.roc.FrocFom;
import org.calibra.scoring.domain.roc.FrocLesion;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JafrocCsvReadTest {

    @TempDir
    Path dir;

    @Test
    void the_two_reader_study_has_every_reader_in_every_modality_over_the_same_cases() {
        ReaderStudy s = JafrocCsv.read(TestStudies.twoReadersTwoModalities());
        assertThat(s.readers()).containsExactly("R1", "R2");
        assertThat(s.modalities()).containsExactly("unaided", "aided");
        assertThat(s.datasets()).hasSize(4);
        assertThat(s.normalCount()).isEqualTo(3);
        assertThat(s.abnormalCount()).isEqualTo(3);
        assertThat(s.lesionCount()).isEqualTo(4);
    }

    @Test
    void the_two_reader_study_keeps_weights_nls_and_unmarked_lesions() {
        FrocDataset d = JafrocCsv.read(TestStudies.twoReadersTwoModalities()).dataset("R1", "unaided");
        assertThat(d.normals()).containsExactly(FrocCase.normal("1", 2), FrocCase.normal("2"), FrocCase.normal("3"));
        assertThat(d.abnormals()).extracting(FrocCase::id).containsExactly("4", "5", "6");
        FrocCase five = d.abnormals().get(1);
        assertThat(five.lesions()).containsExactly(new FrocLesion("1", 0.75, 1), new FrocLesion("2", 0.25, UNMARKED));
        assertThat(d.abnormals().getFirst().nlRatings()).containsExactly(1.0);
        assertThat(d.abnormals().get(2).lesions()).containsExactly(new FrocLesion("1", 1.0, 4));
    }

    /**
     * Hand computation, R1 / unaided: FP of the normal cases = 2, −∞, −∞; lesions 4.1 = 3,
     * 5.1 = 1 (weight 0.75), 5.2 unmarked (weight 0.25), 6.1 = 4. ψ summed over the 3 normals:
     * 3, 2, 1 (½ + ½ for the two −∞ ties), 3. AFROC = 9/12; wAFROC = (3 + 0.75·2 + 0.25·1 + 3)/9
     * = 7.75/9; inferred ROC: normals 2, −∞, −∞ vs abnormals 3, 1, 4 → 8/9.
     */
    @Test
    void figures_of_merit_of_reader_one_unaided_match_the_hand_computation() {
        FrocDataset d = JafrocCsv.read(TestStudies.twoReadersTwoModalities()).dataset("R1", "unaided");
        assertThat(FrocFom.AFROC.valueOf(d)).isCloseTo(9.0 / 12, within(1e-12));
        assertThat(FrocFom.WAFROC.valueOf(d)).isCloseTo(7.75 / 9, within(1e-12));
        assertThat(FrocFom.HR_AUC.valueOf(d)).isCloseTo(8.0 / 9, within(1e-12));
    }

    /**
     * R2 / unaided: no NLs, so every FP is −∞; lesions 2, 2, 2 and 6.1 unmarked (½ per normal).
     * AFROC = (3·3 + 1.5)/12; wAFROC = (3 + 3 + 1.5)/9. R1 / aided: every lesion rated above the
     * only normal-case NL (1), so all three are 1. R2 / aided: FP 3, −∞, 1; lesions 4.1 = 3 (2.5),
     * 5.1 unmarked (0.5), 5.2 = 5 (3), 6.1 = 2 (2): AFROC = 8/12, wAFROC = (2.5 + 0.75·0.5 +
     * 0.25·3 + 2)/9 = 5.625/9.
     */
    @Test
    void figures_of_merit_of_the_other_cells_match_the_hand_computation() {
        ReaderStudy s = JafrocCsv.read(TestStudies.twoReadersTwoModalities());
        assertThat(FrocFom.AFROC.valueOf(s.dataset("R2", "unaided"))).isCloseTo(10.5 / 12, within(1e-12));
        assertThat(FrocFom.WAFROC.valueOf(s.dataset("R2", "unaided"))).isCloseTo(7.5 / 9, within(1e-12));
        assertThat(FrocFom.AFROC.valueOf(s.dataset("R1", "aided"))).isEqualTo(1.0);
        assertThat(FrocFom.WAFROC.valueOf(s.dataset("R1", "aided"))).isEqualTo(1.0);
        assertThat(FrocFom.HR_AUC.valueOf(s.dataset("R1", "aided"))).isEqualTo(1.0);
        assertThat(FrocFom.AFROC.valueOf(s.dataset("R2", "aided"))).isCloseTo(8.0 / 12, within(1e-12));
        assertThat(FrocFom.WAFROC.valueOf(s.dataset("R2", "aided"))).isCloseTo(5.625 / 9, within(1e-12));
        assertThat(FrocFom.HR_AUC.valueOf(s.dataset("R2", "aided"))).isCloseTo(7.5 / 9, within(1e-12));
    }

    @Test
    void the_nine_case_example_as_csv_gives_the_published_figures_of_merit() {
        ReaderStudy s = JafrocCsv.read(TestStudies.chakrabortyNineCase());
        FrocDataset d = s.dataset("1", "1");
        assertThat(d.normalCount()).isEqualTo(4);
        assertThat(d.abnormalCount()).isEqualTo(5);
        assertThat(d.lesionCount()).isEqualTo(9);
        assertThat(FrocFom.AFROC.valueOf(d)).isCloseTo(0.8472222, within(5e-8));
        assertThat(FrocFom.WAFROC.valueOf(d)).isCloseTo(0.7425, within(1e-12));
    }

    @Test
    void the_three_file_variant_reads_files_with_any_names() throws IOException {
        Path src = TestStudies.chakrabortyNineCase();
        Path t = Files.copy(src.resolve("truth.csv"), dir.resolve("TRUTH sheet.csv"));
        Path f = Files.copy(src.resolve("nl.csv"), dir.resolve("FP sheet.csv"));
        Path l = Files.copy(src.resolve("ll.csv"), dir.resolve("TP sheet.csv"));
        assertThat(JafrocCsv.read(t, f, l)).isEqualTo(JafrocCsv.read(src));
    }

    @Test
    void old_jafroc_column_names_fp_rating_and_tp_rating_and_extra_columns_are_accepted() throws IOException {
        write("truth.csv", "CaseID,LesionID,Weight,ReaderID,ModalityID,Paradigm\n1,0,0,1,1,FROC\n2,1,0,1,1,crossed\n");
        write("nl.csv", "readerid,modalityid,caseid,FP_Rating\n1,1,1,2\n");
        write("ll.csv", "ReaderID,ModalityID,CaseID,LesionID,TP_Rating\n1,1,2,1,3\n");
        FrocDataset d = JafrocCsv.read(dir).dataset("1", "1");
        assertThat(FrocFom.WAFROC.valueOf(d)).isEqualTo(1.0);
    }

    @Test
    void columns_may_come_in_any_order_with_quotes_blanks_a_byte_order_mark_and_crlf_line_ends() throws IOException {
        write("truth.csv", "\uFEFFWeight,CaseID,LesionID\r\n0,\"n1\",0\r\n\r\n 0.3 , a ,1\r\n0.7,a,2\r\n");
        write("nl.csv", "ReaderID,ModalityID,CaseID,NL_Rating\r\n");
        write("ll.csv", "ReaderID,ModalityID,CaseID,LesionID,LL_Rating\r\n\"r\",m,a,2,1.5e0\r\n");
        FrocDataset d = JafrocCsv.read(dir).dataset("r", "m");
        assertThat(d.normals()).containsExactly(FrocCase.normal("n1"));
        assertThat(d.abnormals().getFirst().lesions())
                .containsExactly(new FrocLesion("1", 0.3, UNMARKED), new FrocLesion("2", 0.7, 1.5));
    }

    @Test
    void weights_within_one_percent_of_one_are_rescaled_as_rjafroc_does() throws IOException {
        write("truth.csv", "CaseID,LesionID,Weight\n1,0,0\n2,1,0.33\n2,2,0.33\n2,3,0.33\n");
        write("nl.csv", "ReaderID,ModalityID,CaseID,NL_Rating\n");
        write("ll.csv", "ReaderID,ModalityID,CaseID,LesionID,LL_Rating\n1,1,2,1,1\n");
        FrocDataset d = JafrocCsv.read(dir).dataset("1", "1");
        assertThat(d.abnormals().getFirst().lesions()).extracting(FrocLesion::weight)
                .allSatisfy(w -> assertThat(w).isCloseTo(1.0 / 3, within(1e-12)));
    }

    @Test
    void a_reader_without_marks_in_one_modality_still_gets_a_dataset_there() throws IOException {
        write("truth.csv", "CaseID,LesionID,Weight\n1,0,0\n2,1,0\n");
        write("nl.csv", "ReaderID,ModalityID,CaseID,NL_Rating\nA,m1,1,1\n");
        write("ll.csv", "ReaderID,ModalityID,CaseID,LesionID,LL_Rating\nB,m2,2,1,1\n");
        ReaderStudy s = JafrocCsv.read(dir);
        assertThat(s.datasets()).hasSize(4);
        FrocDataset empty = s.dataset("A", "m2");
        assertThat(empty.normals()).containsExactly(FrocCase.normal("1"));
        // Nothing marked: the unmarked lesion ties with the mark-free normal case.
        assertThat(FrocFom.WAFROC.valueOf(empty)).isEqualTo(0.5);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
