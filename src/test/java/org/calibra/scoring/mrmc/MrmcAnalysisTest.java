package org.calibra.scoring.mrmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import org.calibra.scoring.domain.roc.EmpiricalRoc;
import org.calibra.scoring.domain.roc.FrocCase;
import org.calibra.scoring.domain.roc.FrocDataset;
import org.calibra.scoring.domain.roc.FrocFom;
import org.calibra.scoring.domain.roc.RocRatings;
import org.calibra.scoring.jafroc.ReaderStudy;
import org.calibra.scoring.jafroc.ReaderStudy.ReaderModality;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MrmcAnalysisTest {

    private static final ReaderStudy FED = PublishedMrmcTest.study("fed");
    private static final ReaderStudy VAN_DYKE = PublishedMrmcTest.study("vandyke");

    @Test
    void the_delong_kernel_averages_to_the_figure_of_merit_for_every_fed_reader_and_modality() {
        for (FrocFom fom : List.of(FrocFom.WAFROC, FrocFom.HR_AUC)) {
            for (var d : FED.datasets().values()) {
                double[][] phi = DeLongCovariance.kernel(fom, d);
                double sum = 0;
                for (double[] row : phi) {
                    for (double v : row) {
                        sum += v;
                    }
                }
                assertThat(sum / (phi.length * phi[0].length)).as(fom.label()).isCloseTo(fom.valueOf(d), within(1e-12));
            }
        }
    }

    @Test
    void delong_variance_of_one_reader_is_the_single_auc_delong_variance() {
        var cov = CovarianceMethod.DELONG.estimate(StudyFoms.of(VAN_DYKE, FrocFom.HR_AUC));
        int readers = VAN_DYKE.readers().size();
        for (int i = 0; i < VAN_DYKE.modalities().size(); i++) {
            for (int j = 0; j < readers; j++) {
                var d = VAN_DYKE.dataset(VAN_DYKE.readers().get(j), VAN_DYKE.modalities().get(i));
                double expected = EmpiricalRoc.analyse(RocRatings.inferredFrom(d)).variance().orElseThrow();
                assertThat(cov[i * readers + j][i * readers + j]).isCloseTo(expected, within(1e-15));
            }
        }
    }

    @Test
    void dbm_and_or_with_jackknife_covariances_give_the_same_random_readers_random_cases_test_for_wafroc() {
        // Hillis et al. 2005: with jackknife covariances OR and DBM (normalised pseudovalues) are the same test.
        var foms = StudyFoms.of(FED, FrocFom.WAFROC);
        var or = ObuchowskiRockette.analyse(foms, CovarianceMethod.JACKKNIFE, 0.05).randomReadersRandomCases();
        var dbm = DorfmanBerbaumMetz.analyse(foms, 0.05).randomReadersRandomCases();
        assertThat(dbm.test().f()).isCloseTo(or.test().f(), within(1e-9));
        assertThat(dbm.test().ddf()).isCloseTo(or.test().ddf(), within(1e-6));
        assertThat(dbm.differences().get(3).ci().lower()).isCloseTo(or.differences().get(3).ci().lower(), within(1e-9));
    }

    @Test
    void a_wider_confidence_level_gives_a_wider_interval_around_the_same_difference() {
        var foms = StudyFoms.of(VAN_DYKE, FrocFom.HR_AUC);
        var d95 = ObuchowskiRockette.analyse(foms, CovarianceMethod.JACKKNIFE, 0.05).randomReadersRandomCases().differences().getFirst();
        var d99 = ObuchowskiRockette.analyse(foms, CovarianceMethod.JACKKNIFE, 0.01).randomReadersRandomCases().differences().getFirst();
        assertThat(d99.estimate()).isEqualTo(d95.estimate());
        assertThat(d99.ci().lower()).isLessThan(d95.ci().lower());
        assertThat(d99.ci().upper()).isGreaterThan(d95.ci().upper());
        assertThat(d99.p()).isEqualTo(d95.p());
    }

    @Test
    void delong_is_refused_for_afroc_with_the_reason() {
        var foms = StudyFoms.of(FED, FrocFom.AFROC);
        assertThatThrownBy(() -> ObuchowskiRockette.analyse(foms, CovarianceMethod.DELONG, 0.05))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DeLong covariances exist only for the Wilcoxon (inferred ROC) AUC and wAFROC, not AFROC");
    }

    @Test
    void one_reader_is_refused_with_the_counts() {
        var one = new LinkedHashMap<ReaderModality, FrocDataset>();
        VAN_DYKE.datasets().forEach((k, d) -> {
            if (k.reader().equals("0")) {
                one.put(k, d);
            }
        });
        var foms = StudyFoms.of(ReaderStudy.of(one), FrocFom.HR_AUC);
        assertThatThrownBy(() -> DorfmanBerbaumMetz.analyse(foms, 0.05)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an MRMC comparison needs at least 2 modalities and 2 readers; the study has 2 modality(ies) and 1 reader(s)");
    }

    @Test
    void the_jackknife_needs_two_cases_of_each_kind() {
        var study = ReaderStudy.of(java.util.Map.of(new ReaderModality("R1", "M1"), FrocDataset.of(List.of(
                FrocCase.normal("n1", 1), FrocCase.normal("n2", 2), FrocCase.abnormalEqualWeights("a1", List.of(), 3)))));
        assertThatThrownBy(() -> StudyFoms.of(study, FrocFom.WAFROC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the jackknife leaves out one case at a time, so wAFROC needs at least 2 abnormal cases and 2 normal cases;"
                        + " the study has 2 normal and 1 abnormal cases");
    }

    @Test
    void identical_modalities_give_no_difference_f_0_and_p_1() {
        var copy = new LinkedHashMap<ReaderModality, FrocDataset>();
        VAN_DYKE.datasets().forEach((k, d) -> {
            if (k.modality().equals("0")) {
                copy.put(k, d);
                copy.put(new ReaderModality(k.reader(), "copy"), d);
            }
        });
        var r = DorfmanBerbaumMetz.analyse(StudyFoms.of(ReaderStudy.of(copy), FrocFom.HR_AUC), 0.05);
        // MS(T) = 0 and the error terms 0 or rounding noise: F = 0 and p = 1 in every analysis, not 0/0.
        assertThat(r.fixedReadersRandomCases().differences().getFirst().estimate()).isZero();
        for (var a : r.analyses()) {
            assertThat(a.test().f()).as(a.generalization().words()).isZero();
            assertThat(a.test().p()).as(a.generalization().words()).isEqualTo(1.0);
        }
    }
}
