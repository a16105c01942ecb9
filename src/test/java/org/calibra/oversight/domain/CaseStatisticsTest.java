package org.calibra.oversight.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.calibra.oversight.domain.CaseStatistics.Read;
import org.junit.jupiter.api.Test;

class CaseStatisticsTest {

    private static final double EPS = 1e-12;

    /** abnormal case "a" (two lesions), read by four attempts. */
    private static List<Read> caseA() {
        return List.of(
                // right call, 2 of 2 lesions, no false mark, AI seen and wrong (called normal): not followed; 30 s
                new Read(1, "a", true, true, 2, 2, 0, true, false, 30_000),
                // wrong call, 0 of 2, one false mark, AI seen and wrong: followed (the trap); 10 s
                new Read(2, "a", true, false, 2, 0, 1, true, false, 10_000),
                // right call, 1 of 2, two false marks, AI not seen; 50 s
                new Read(3, "a", true, true, 2, 1, 2, false, false, 50_000),
                // right call, 2 of 2, AI seen and right (called abnormal): followed; 20 s
                new Read(4, "a", true, true, 2, 2, 0, true, true, 20_000));
    }

    @Test
    void the_figures_of_a_case_are_counted_over_its_reads() {
        var stats = CaseStatistics.compute(List.of("a", "b"), caseA());

        var a = stats.getFirst();
        assertThat(a.caseSlug()).isEqualTo("a");
        assertThat(a.timesRead()).isEqualTo(4);
        assertThat(a.correct().successes()).isEqualTo(3); // attempts 1, 3, 4
        assertThat(a.correct().trials()).isEqualTo(4);
        assertThat(a.lesionsFound().successes()).isEqualTo(5); // 2 + 0 + 1 + 2
        assertThat(a.lesionsFound().trials()).isEqualTo(8); // 4 reads × 2 lesions
        assertThat(a.falseMarksPerRead().getAsDouble()).isCloseTo(0.75, org.assertj.core.data.Offset.offset(EPS)); // (0 + 1 + 2 + 0) / 4
        assertThat(a.followedWrongAi().successes()).isEqualTo(1); // attempt 2 of attempts 1 and 2 (AI seen and wrong)
        assertThat(a.followedWrongAi().trials()).isEqualTo(2);
        assertThat(a.followedRightAi().successes()).isEqualTo(1); // attempt 4, the only read with the AI seen and right
        assertThat(a.followedRightAi().trials()).isEqualTo(1);
        assertThat(a.medianSeconds().getAsDouble()).isEqualTo(25.0); // 10, 20, 30, 50 s: (20 + 30) / 2
    }

    @Test
    void cases_are_named_by_their_title_and_by_their_slug_only_when_no_title_is_known() {
        var reads = new ArrayList<>(caseA());
        reads.add(new Read(1, "retired", false, false, 0, 0, 0, false, false, 5_000));

        var stats = CaseStatistics.compute(List.of("a", "b"), reads, java.util.Map.of("a", "Chest CT: right upper lobe nodule", "b", " ",
                "retired", "Old wrist film"));

        assertThat(stats).extracting(CaseStatistics.CaseStat::caseTitle).containsExactly("Chest CT: right upper lobe nodule", "b", "Old wrist film");
        assertThat(stats).extracting(CaseStatistics.CaseStat::caseSlug).containsExactly("a", "b", "retired");
    }

    @Test
    void a_case_of_the_pool_nobody_read_has_a_row_without_figures_and_a_case_read_outside_the_pool_comes_after() {
        var reads = new ArrayList<>(caseA());
        reads.add(new Read(1, "retired", false, false, 0, 0, 0, false, false, 5_000));

        var stats = CaseStatistics.compute(List.of("a", "b"), reads);

        assertThat(stats).extracting(CaseStatistics.CaseStat::caseSlug).containsExactly("a", "b", "retired");
        var b = stats.get(1);
        assertThat(b.timesRead()).isZero();
        assertThat(b.correct().isDefined()).isFalse();
        assertThat(b.falseMarksPerRead()).isEmpty();
        assertThat(b.medianSeconds()).isEmpty();
        assertThat(b.discrimination().index()).isEmpty();
        assertThat(stats.get(2).lesionsFound().isDefined()).as("a normal case has no lesions to find").isFalse();
    }

    /**
     * Seven attempts read case "q" and two others. Rest scores (right calls on the other two): attempts 1–3 right on both
     * (1.0) but wrong on q; attempt 4 right on one (0.5) and on q; attempts 5–7 wrong on both (0.0) and right on q. Median of
     * 1, 1, 1, 0.5, 0, 0, 0 is 0.5: upper group 1–3 (0 of 3 right on q), lower group 5–7 (3 of 3). Index 0 − 1 = −1 with
     * three readers in each group: flagged.
     */
    @Test
    void a_case_strong_readers_get_wrong_and_weak_ones_right_is_flagged() {
        var stats = CaseStatistics.compute(List.of("q", "o1", "o2"), discriminationReads(List.of(1, 2, 3, 4, 5, 6, 7)));

        var q = stats.getFirst().discrimination();
        assertThat(q.upperReaders()).isEqualTo(3);
        assertThat(q.lowerReaders()).isEqualTo(3);
        assertThat(q.upperCorrect()).hasValue(0.0);
        assertThat(q.lowerCorrect()).hasValue(1.0);
        assertThat(q.index()).hasValue(-1.0);
        assertThat(q.flagged()).isTrue();
        // o1: every reader's rest score (o2 and q) is 1 of 2 = 0.5: all at the median, no groups, no index
        var o1 = stats.get(1).discrimination();
        assertThat(o1.upperReaders()).isZero();
        assertThat(o1.index()).isEmpty();
        assertThat(o1.flagged()).isFalse();
    }

    /** Without attempts 3 and 7 the groups hold two readers each: the index is still −1, but too few readers to flag. */
    @Test
    void a_negative_index_on_too_few_readers_is_not_flagged() {
        var q = CaseStatistics.compute(List.of("q"), discriminationReads(List.of(1, 2, 4, 5, 6))).getFirst().discrimination();

        assertThat(q.index()).hasValue(-1.0);
        assertThat(q.upperReaders()).isEqualTo(2);
        assertThat(q.lowerReaders()).isEqualTo(2);
        assertThat(q.flagged()).isFalse();
    }

    /** The same seven attempts with q's calls flipped: strong readers right, weak wrong — index +1, not flagged. */
    @Test
    void a_case_strong_readers_get_right_is_not_flagged() {
        var flipped = discriminationReads(List.of(1, 2, 3, 4, 5, 6, 7)).stream()
                .map(r -> r.caseSlug().equals("q") && r.attemptId() != 4 ? new Read(r.attemptId(), "q", true, !r.calledAbnormal(), 0, 0, 0, false, false, 1000) : r)
                .toList();

        var q = CaseStatistics.compute(List.of("q"), flipped).getFirst().discrimination();

        assertThat(q.index()).hasValue(1.0);
        assertThat(q.flagged()).isFalse();
    }

    @Test
    void an_impossible_read_is_refused_in_words() {
        assertThatThrownBy(() -> new Read(1, "a", true, true, 1, 2, 0, false, false, 0))
                .hasMessageContaining("Read of a").hasMessageContaining("lesions found must be between 0 and 1");
    }

    @Test
    void the_median_of_an_odd_count_is_the_middle_value() {
        assertThat(CaseStatistics.median(List.of(3.0, 1.0, 2.0))).hasValue(2.0);
        assertThat(CaseStatistics.median(List.of())).isEmpty();
    }

    private static List<Read> discriminationReads(List<Integer> attempts) {
        var reads = new ArrayList<Read>();
        for (int a : attempts) {
            boolean strong = a <= 3;
            boolean weak = a >= 5;
            // all three cases abnormal; a right call is "abnormal"
            reads.add(new Read(a, "o1", true, !weak, 0, 0, 0, false, false, 1000));
            reads.add(new Read(a, "o2", true, strong, 0, 0, 0, false, false, 1000));
            reads.add(new Read(a, "q", true, !strong, 0, 0, 0, false, false, 1000));
        }
        return reads;
    }
}
