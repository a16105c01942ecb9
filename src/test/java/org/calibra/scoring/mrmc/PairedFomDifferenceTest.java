package org.calibra.scoring.mrmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import org.calibra.scoring.domain.roc.FrocDataset;
import org.calibra.scoring.domain.roc.FrocFom;
import org.calibra.scoring.jafroc.ReaderStudy;
import org.calibra.scoring.jafroc.ReaderStudy.ReaderModality;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PairedFomDifferenceTest {

    @Test
    void a_hand_worked_pair_of_readings_gives_the_delong_difference_its_interval_and_p() {
        // unaided: normals 1, 2; abnormals 2, 3 → AUC (1 + 1 + 0.5 + 1) / 4 = 0.875; with the AI every pair is ordered → 1
        var unaided = FrocDataset.of(List.of(CaseRatings.rocCase("n1", false, 1), CaseRatings.rocCase("n2", false, 2),
                CaseRatings.rocCase("a1", true, 2), CaseRatings.rocCase("a2", true, 3)));
        var withAi = FrocDataset.of(List.of(CaseRatings.rocCase("n1", false, 1), CaseRatings.rocCase("n2", false, 1),
                CaseRatings.rocCase("a1", true, 3), CaseRatings.rocCase("a2", true, 3)));

        var d = PairedFomDifference.of("ROC AUC", unaided, withAi, FrocFom.HR_AUC).orElseThrow();

        assertThat(d.first()).isEqualTo(0.875);
        assertThat(d.second()).isEqualTo(1.0);
        assertThat(d.difference()).isEqualTo(0.125);
        // components of the difference: V10 = (0.25, 0), V01 = (0, 0.25); S10 = S01 = 0.03125; var = S10/2 + S01/2
        assertThat(d.stdErr().getAsDouble()).isCloseTo(Math.sqrt(0.03125), within(1e-15));
        assertThat(d.ci95().orElseThrow().lower()).isCloseTo(0.125 - 1.959963984540054 * Math.sqrt(0.03125), within(1e-12));
        assertThat(d.ci95().orElseThrow().upper()).isCloseTo(0.125 + 1.959963984540054 * Math.sqrt(0.03125), within(1e-12));
        assertThat(d.p().getAsDouble()).as("2(1 − Φ(0.7071))").isCloseTo(0.4795001, within(1e-6));
    }

    @Test
    void on_the_van_dyke_data_the_variance_is_var_plus_var_minus_twice_the_covariance_of_the_delong_matrix() {
        ReaderStudy vanDyke = PublishedMrmcTest.study("vandyke");
        for (String reader : vanDyke.readers()) {
            String m1 = vanDyke.modalities().get(0);
            String m2 = vanDyke.modalities().get(1);
            var one = new LinkedHashMap<ReaderModality, FrocDataset>();
            one.put(new ReaderModality(reader, m1), vanDyke.dataset(reader, m1));
            one.put(new ReaderModality(reader, m2), vanDyke.dataset(reader, m2));
            double[][] cov = DeLongCovariance.estimate(StudyFoms.of(ReaderStudy.of(one), FrocFom.HR_AUC));

            var d = PairedFomDifference.of("AUC", vanDyke.dataset(reader, m1), vanDyke.dataset(reader, m2), FrocFom.HR_AUC).orElseThrow();

            assertThat(d.difference()).isCloseTo(FrocFom.HR_AUC.valueOf(vanDyke.dataset(reader, m2))
                    - FrocFom.HR_AUC.valueOf(vanDyke.dataset(reader, m1)), within(1e-12));
            assertThat(d.stdErr().getAsDouble() * d.stdErr().getAsDouble()).as("reader " + reader)
                    .isCloseTo(cov[0][0] + cov[1][1] - 2 * cov[0][1], within(1e-12));
        }
    }

    @Test
    void with_one_normal_case_there_is_a_difference_but_no_interval_and_without_normals_nothing() {
        var unaided = FrocDataset.of(List.of(CaseRatings.rocCase("n1", false, 3), CaseRatings.rocCase("a1", true, 2),
                CaseRatings.rocCase("a2", true, 4)));
        var withAi = FrocDataset.of(List.of(CaseRatings.rocCase("n1", false, 1), CaseRatings.rocCase("a1", true, 2),
                CaseRatings.rocCase("a2", true, 4)));
        var d = PairedFomDifference.of("ROC AUC", unaided, withAi, FrocFom.HR_AUC).orElseThrow();
        assertThat(d.difference()).isEqualTo(0.5);
        assertThat(d.stdErr()).isEmpty();
        assertThat(d.ci95()).isEmpty();

        var abnormalOnly = FrocDataset.of(List.of(CaseRatings.rocCase("a1", true, 2), CaseRatings.rocCase("a2", true, 4)));
        assertThat(PairedFomDifference.of("ROC AUC", abnormalOnly, abnormalOnly, FrocFom.HR_AUC)).isEmpty();
    }

    @Test
    void unchanged_reads_give_zero_with_a_zero_width_interval_and_p_one() {
        var same = FrocDataset.of(List.of(CaseRatings.rocCase("n1", false, 1), CaseRatings.rocCase("n2", false, 3),
                CaseRatings.rocCase("a1", true, 2), CaseRatings.rocCase("a2", true, 4)));
        var d = PairedFomDifference.of("ROC AUC", same, same, FrocFom.HR_AUC).orElseThrow();
        assertThat(d.difference()).isZero();
        assertThat(d.ci95().orElseThrow().lower()).isZero();
        assertThat(d.ci95().orElseThrow().upper()).isZero();
        assertThat(d.p().getAsDouble()).isEqualTo(1.0);
    }
}
