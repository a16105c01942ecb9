package org.calibra.scoring.jafroc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calibra.scoring.domain.roc.Psi.UNMARKED;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.calibra.scoring.domain.roc.FrocCase;
import org.calibra.scoring.domain.roc.FrocDataset;
import org.calibra.scoring.domain.roc.FrocLesion;
import org.calibra.scoring.jafroc.ReaderStudy.ReaderModality;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JafrocCsvRoundTripTest {

    private static final long SEED = 20240611L;
    private static final int STUDIES = 300;

    @TempDir
    Path dir;

    @Test
    void reading_what_was_written_gives_the_same_study_for_random_studies() throws IOException {
        var random = new SplittableRandom(SEED);
        for (int i = 0; i < STUDIES; i++) {
            ReaderStudy study = randomStudy(random);
            Path folder = dir.resolve("study-" + i);
            JafrocCsv.write(study, folder);
            assertThat(JafrocCsv.read(folder)).as("study %d (seed %d)", i, SEED).isEqualTo(study);
        }
    }

    @Test
    void writing_a_study_read_from_csv_reproduces_the_files_byte_for_byte() throws IOException {
        Path src = TestStudies.twoReadersTwoModalities();
        JafrocCsv.write(JafrocCsv.read(src), dir);
        for (String f : List.of("truth.csv", "nl.csv", "ll.csv")) {
            assertThat(Files.readString(dir.resolve(f))).as(f).isEqualTo(Files.readString(src.resolve(f)));
        }
    }

    @Test
    void the_nine_case_example_round_trips_and_keeps_its_unequal_weights() throws IOException {
        ReaderStudy s = JafrocCsv.read(TestStudies.chakrabortyNineCase());
        JafrocCsv.write(s, dir);
        assertThat(JafrocCsv.read(dir)).isEqualTo(s);
        assertThat(Files.readString(dir.resolve("truth.csv"))).contains("7,1,0.1\n7,2,0.9\n").contains("5,1,0\n");
    }

    @Test
    void numbers_are_written_in_plain_decimal_without_trailing_zeros() {
        assertThat(JafrocCsv.number(3.0)).isEqualTo("3");
        assertThat(JafrocCsv.number(0.1)).isEqualTo("0.1");
        assertThat(JafrocCsv.number(1e-4)).isEqualTo("0.0001");
        assertThat(JafrocCsv.number(1e21)).isEqualTo("1000000000000000000000");
        assertThat(JafrocCsv.number(-2.5)).isEqualTo("-2.5");
        assertThat(JafrocCsv.number(-0.0)).isEqualTo("-0");
        assertThat(JafrocCsv.number(1.0 / 3)).isEqualTo("0.3333333333333333");
    }

    @Test
    void a_study_that_is_not_fully_crossed_is_rejected() {
        var d = FrocDataset.of(List.of(FrocCase.normal("1"), FrocCase.abnormalEqualWeights("2", List.of(), 1)));
        var datasets = new LinkedHashMap<ReaderModality, FrocDataset>();
        datasets.put(new ReaderModality("A", "x"), d);
        datasets.put(new ReaderModality("B", "y"), d);
        assertThatThrownBy(() -> ReaderStudy.of(datasets)).hasMessageContaining("fully crossed");
    }

    @Test
    void datasets_over_different_cases_cannot_form_a_study() {
        var one = FrocDataset.of(List.of(FrocCase.normal("1"), FrocCase.abnormalEqualWeights("2", List.of(), 1)));
        var other = FrocDataset.of(List.of(FrocCase.normal("1"), FrocCase.abnormalEqualWeights("3", List.of(), 1)));
        assertThatThrownBy(() -> ReaderStudy.of(Map.of(new ReaderModality("A", "x"), one, new ReaderModality("A", "y"), other)))
                .hasMessageContaining("other cases or truth");
    }

    @Test
    void ids_that_a_csv_cell_cannot_hold_and_non_numeric_lesion_ids_are_rejected() {
        assertThatThrownBy(() -> new ReaderModality("A,B", "x")).hasMessageContaining("without commas");
        var d = FrocDataset.of(List.of(new FrocCase("2", true, List.of(), List.of(new FrocLesion("L1", 1, 1)))));
        assertThatThrownBy(() -> ReaderStudy.of(Map.of(new ReaderModality("A", "x"), d)))
                .hasMessageContaining("not a JAFROC lesion id");
    }

    /**
     * 1-3 readers and modalities, 0-4 normal and 1-4 abnormal cases with 1-3 lesions, equal or
     * random weights, ratings from integers, wide-ranging doubles and −0, some lesions unmarked.
     * Every reader and modality gets at least one mark, because the tables name readers and
     * modalities only through their marks.
     */
    private static ReaderStudy randomStudy(SplittableRandom r) {
        int readers = 1 + r.nextInt(3);
        int modalities = 1 + r.nextInt(3);
        int k1 = r.nextInt(5);
        int k2 = 1 + r.nextInt(4);
        var lesionWeights = new ArrayList<double[]>();
        for (int k = 0; k < k2; k++) {
            int n = 1 + r.nextInt(3);
            double[] w = new double[n];
            if (r.nextBoolean()) {
                java.util.Arrays.fill(w, 1.0 / n);
            } else {
                double sum = 0;
                for (int l = 0; l < n; l++) {
                    w[l] = 0.05 + r.nextDouble();
                    sum += w[l];
                }
                for (int l = 0; l < n; l++) {
                    w[l] /= sum;
                }
            }
            lesionWeights.add(w);
        }
        var caseIds = new ArrayList<String>();
        for (int k = 0; k < k1 + k2; k++) {
            caseIds.add(r.nextBoolean() ? Integer.toString(k + 1) : "case-" + (k + 1));
        }
        var datasets = new LinkedHashMap<ReaderModality, FrocDataset>();
        for (int i = 0; i < readers; i++) {
            for (int m = 0; m < modalities; m++) {
                var cases = new ArrayList<FrocCase>();
                for (int k = 0; k < k1; k++) {
                    cases.add(new FrocCase(caseIds.get(k), false, nls(r), List.of()));
                }
                for (int k = 0; k < k2; k++) {
                    double[] w = lesionWeights.get(k);
                    var lesions = new ArrayList<FrocLesion>();
                    for (int l = 0; l < w.length; l++) {
                        boolean forced = k == 0 && l == 0; // guarantees a mark for this reader and modality
                        lesions.add(new FrocLesion(Integer.toString(l + 1), w[l],
                                forced || r.nextInt(3) > 0 ? rating(r) : UNMARKED));
                    }
                    cases.add(new FrocCase(caseIds.get(k1 + k), true, nls(r), lesions));
                }
                datasets.put(new ReaderModality("reader " + (i + 1), "mod" + (m + 1)), FrocDataset.of(cases));
            }
        }
        return ReaderStudy.of(datasets);
    }

    private static List<Double> nls(SplittableRandom r) {
        var nls = new ArrayList<Double>();
        int n = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0;
        for (int i = 0; i < n; i++) {
            nls.add(rating(r));
        }
        return nls;
    }

    private static double rating(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0, 1 -> 1 + r.nextInt(5);
            case 2 -> r.nextDouble(-10, 10);
            case 3 -> r.nextDouble() * Math.pow(10, r.nextInt(-12, 12));
            case 4 -> -r.nextDouble() * 1e-7;
            default -> r.nextBoolean() ? -0.0 : 0.0;
        };
    }
}
