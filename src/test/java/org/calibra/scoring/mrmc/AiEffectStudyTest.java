package org.calibra.scoring.mrmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.calibra.scoring.domain.roc.FrocCase;
import org.calibra.scoring.domain.roc.FrocDataset;
import org.calibra.scoring.domain.roc.FrocFom;
import org.calibra.scoring.jafroc.ReaderStudy;
import org.calibra.scoring.jafroc.ReaderStudy.ReaderModality;
import org.calibra.scoring.mrmc.AiEffectStudy.PairedCase;
import org.calibra.scoring.mrmc.AiEffectStudy.Reader;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AiEffectStudyTest {

    private static final int NORMALS = 20;
    private static final int ABNORMALS = 20;

    /**
     * A planted cohort: each case has a latent suspicion (abnormal cases shifted by {@code unaidedShift}), each reader a
     * bias, each read its own noise; with the AI the abnormal shift is {@code withAiShift}.
     */
    private static List<Reader> cohort(int readers, double unaidedShift, double withAiShift, long seed) {
        var random = new Random(seed);
        double[] caseEffect = new double[NORMALS + ABNORMALS];
        for (int k = 0; k < caseEffect.length; k++) {
            caseEffect[k] = random.nextGaussian() * 0.7;
        }
        var out = new ArrayList<Reader>();
        for (int j = 0; j < readers; j++) {
            double bias = random.nextGaussian() * 0.3;
            var cases = new ArrayList<PairedCase>();
            for (int k = 0; k < caseEffect.length; k++) {
                boolean abnormal = k >= NORMALS;
                double unaided = caseEffect[k] + bias + random.nextGaussian() * 0.7 + (abnormal ? unaidedShift : 0);
                double withAi = caseEffect[k] + bias + random.nextGaussian() * 0.7 + (abnormal ? withAiShift : 0);
                cases.add(new PairedCase(CaseRatings.rocCase("c" + k, abnormal, unaided), CaseRatings.rocCase("c" + k, abnormal, withAi)));
            }
            out.add(new Reader("R" + j, cases));
        }
        return out;
    }

    @Test
    void a_cohort_the_ai_helps_shows_a_significant_rise_in_auc_with_its_interval_above_zero() {
        var result = AiEffectStudy.analyse("ROC AUC", FrocFom.HR_AUC, cohort(8, 1.0, 2.2, 17));

        var f = result.finding().orElseThrow();
        assertThat(result.missing()).isEmpty();
        assertThat(f.readers()).isEqualTo(8);
        assertThat(f.cases()).isEqualTo(40);
        assertThat(f.difference().estimate()).isGreaterThan(0.1);
        assertThat(f.difference().ci().lower()).isGreaterThan(0);
        assertThat(f.difference().p()).isLessThan(0.01);
        assertThat(f.test().p()).as("F test of 2 modalities = the t test of their difference").isCloseTo(f.difference().p(), within(1e-9));
        assertThat(f.withAi().fom() - f.unaided().fom()).isCloseTo(f.difference().estimate(), within(1e-12));
        assertThat(f.inWords()).startsWith("With the AI, this cohort's ROC AUC rose by ").contains("95% CI ").contains("8 residents, 40 cases")
                .contains("The AI helped");
    }

    @Test
    void a_cohort_the_ai_does_not_change_shows_a_large_p_and_an_interval_around_zero() {
        var result = AiEffectStudy.analyse("ROC AUC", FrocFom.HR_AUC, cohort(8, 1.5, 1.5, 5));

        var f = result.finding().orElseThrow();
        assertThat(f.difference().p()).isGreaterThan(0.2);
        assertThat(f.difference().ci().contains(0)).isTrue();
        assertThat(f.inWords()).contains("not a clear change");
    }

    @Test
    void the_finding_is_the_or_analysis_of_the_same_reads_with_hillis_ddf() {
        var readers = cohort(5, 1.0, 1.6, 3);
        var f = AiEffectStudy.analyse("ROC AUC", FrocFom.HR_AUC, readers).finding().orElseThrow();

        var datasets = new LinkedHashMap<ReaderModality, FrocDataset>();
        for (Reader r : readers) {
            datasets.put(new ReaderModality(r.id(), "with-ai"), FrocDataset.of(r.cases().stream().map(PairedCase::withAi).toList()));
            datasets.put(new ReaderModality(r.id(), "unaided"), FrocDataset.of(r.cases().stream().map(PairedCase::unaided).toList()));
        }
        var direct = ObuchowskiRockette.analyse(StudyFoms.of(ReaderStudy.of(datasets), FrocFom.HR_AUC), CovarianceMethod.JACKKNIFE, 0.05)
                .randomReadersRandomCases();
        assertThat(f.test().f()).isCloseTo(direct.test().f(), within(1e-12));
        assertThat(f.test().ddf()).isCloseTo(direct.test().ddf(), within(1e-9));
        assertThat(f.difference().ci().lower()).isCloseTo(direct.differences().getFirst().ci().lower(), within(1e-12));
        assertThat(f.unaided().ci().upper()).isCloseTo(direct.modalities().get(1).ci().upper(), within(1e-12));
    }

    @Test
    void one_resident_is_not_a_cohort_and_the_sentence_says_so() {
        var result = AiEffectStudy.analyse("ROC AUC", FrocFom.HR_AUC, cohort(1, 1.0, 2.0, 1));
        assertThat(result.finding()).isEmpty();
        assertThat(result.missing().orElseThrow()).contains("at least 2 residents").contains("only 1 resident");
    }

    @Test
    void no_reads_at_all_and_too_few_normal_cases_are_each_said_in_words() {
        assertThat(AiEffectStudy.analyse("ROC AUC", FrocFom.HR_AUC, List.of()).missing().orElseThrow()).startsWith("No resident has read");

        var abnormalOnly = new ArrayList<Reader>();
        for (int j = 0; j < 3; j++) {
            abnormalOnly.add(new Reader("R" + j, List.of(pair("a1", true, 2, 3), pair("a2", true, 4, 5), pair("n1", false, 1, 1))));
        }
        var result = AiEffectStudy.analyse("ROC AUC", FrocFom.HR_AUC, abnormalOnly);
        assertThat(result.finding()).isEmpty();
        assertThat(result.missing().orElseThrow()).contains("at least 2 normal and 2 abnormal cases").contains("1 normal and 2 abnormal");
    }

    @Test
    void readers_who_are_right_every_time_both_ways_leave_no_spread_and_no_fake_p() {
        var perfect = new ArrayList<Reader>();
        for (int j = 0; j < 3; j++) {
            perfect.add(new Reader("R" + j, List.of(pair("n1", false, 1, 1), pair("n2", false, 2, 2), pair("a1", true, 8, 9),
                    pair("a2", true, 9, 9))));
        }
        var result = AiEffectStudy.analyse("ROC AUC", FrocFom.HR_AUC, perfect);
        assertThat(result.finding()).isEmpty();
        assertThat(result.missing().orElseThrow()).contains("does not vary").contains("with the AI 1.00, unaided 1.00");
    }

    @Test
    void a_resident_who_shares_too_few_cases_with_the_others_is_left_out() {
        var readers = new ArrayList<>(cohort(4, 1.0, 2.0, 9));
        // read only 4 of the 40 cases: keeping them would shrink the crossed study from 4 × 40 reads to 5 × 4
        readers.add(new Reader("R9", readers.getFirst().cases().subList(18, 22)));
        var result = AiEffectStudy.analyse("ROC AUC", FrocFom.HR_AUC, readers);
        assertThat(result.readersWithReads()).isEqualTo(5);
        assertThat(result.readersIncluded()).hasSize(4).doesNotContain("R9");
        assertThat(result.cases()).isEqualTo(40);
    }

    private static PairedCase pair(String id, boolean abnormal, double unaided, double withAi) {
        FrocCase u = CaseRatings.rocCase(id, abnormal, unaided);
        return new PairedCase(u, CaseRatings.rocCase(id, abnormal, withAi));
    }
}
