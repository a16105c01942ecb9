package org.calibra.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CaseDrawTest {

    /** c00..c19; the first four are abnormal, the rest normal. */
    private static final List<String> POOL = IntStream.range(0, 20).mapToObj(i -> String.format("c%02d", i)).toList();
    private static final Map<String, Boolean> ABNORMAL = new HashMap<>();

    static {
        POOL.forEach(c -> ABNORMAL.put(c, POOL.indexOf(c) < 4));
    }

    @Test
    void the_same_trainee_module_and_attempt_always_get_the_same_draw() {
        long seed = CaseDraw.seed(7, 3, 1);
        assertThat(CaseDraw.draw(POOL, ABNORMAL, 8, true, 2, 2, seed)).isEqualTo(CaseDraw.draw(POOL, ABNORMAL, 8, true, 2, 2, seed));
    }

    @Test
    void neighbours_and_retakes_get_different_sequences() {
        var draws = new HashSet<List<String>>();
        for (long user = 1; user <= 20; user++) {
            draws.add(CaseDraw.draw(POOL, ABNORMAL, 8, true, 0, 0, CaseDraw.seed(user, 3, 1)));
        }
        draws.add(CaseDraw.draw(POOL, ABNORMAL, 8, true, 0, 0, CaseDraw.seed(1, 3, 2)));
        assertThat(draws).hasSize(21);
    }

    @Test
    void every_draw_holds_the_minimum_abnormal_and_normal_cases_and_no_duplicates() {
        for (long user = 1; user <= 200; user++) {
            var draw = CaseDraw.draw(POOL, ABNORMAL, 6, true, 3, 2, CaseDraw.seed(user, 9, 1));
            assertThat(draw).hasSize(6).doesNotHaveDuplicates();
            assertThat(draw.stream().filter(ABNORMAL::get).count()).isGreaterThanOrEqualTo(3);
            assertThat(draw.stream().filter(c -> !ABNORMAL.get(c)).count()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void the_strata_do_not_always_come_first() {
        long firstIsAbnormal = IntStream.rangeClosed(1, 200).filter(u -> ABNORMAL.get(
                CaseDraw.draw(POOL, ABNORMAL, 6, true, 3, 0, CaseDraw.seed(u, 9, 1)).getFirst())).count();
        assertThat(firstIsAbnormal).as("abnormal first in 200 draws (3 of 6 are abnormal)").isBetween(60L, 140L);
    }

    @Test
    void a_fixed_order_keeps_the_pool_order_and_takes_the_first_cases_that_satisfy_the_strata() {
        assertThat(CaseDraw.draw(POOL, ABNORMAL, 5, false, 0, 0, 1)).containsExactly("c00", "c01", "c02", "c03", "c04");
        assertThat(CaseDraw.draw(POOL, ABNORMAL, 4, false, 1, 2, 1)).containsExactly("c00", "c01", "c04", "c05"); // strata, then c01
        assertThat(CaseDraw.draw(POOL, ABNORMAL, 99, false, 0, 0, 1)).isEqualTo(POOL);
    }

    @Test
    void a_case_whose_truth_the_trainee_has_seen_is_not_drawn_while_unseen_cases_can_fill_the_attempt() {
        var seen = java.util.Set.of("c00", "c01", "c05", "c06", "c07");
        for (long user = 1; user <= 200; user++) {
            var draw = CaseDraw.draw(POOL, ABNORMAL, 8, true, 2, 2, CaseDraw.seed(user, 9, 2), seen);
            assertThat(draw).hasSize(8).doesNotHaveDuplicates().doesNotContainAnyElementsOf(seen);
            assertThat(draw.stream().filter(ABNORMAL::get).count()).as("c02 and c03 are the unseen abnormal cases").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void seen_cases_fill_the_attempt_only_when_the_unseen_ones_run_out() {
        var seen = new HashSet<>(POOL.subList(0, 16)); // four unseen cases left: c16..c19
        var draw = CaseDraw.draw(POOL, ABNORMAL, 6, true, 0, 0, CaseDraw.seed(3, 9, 3), seen);
        assertThat(draw).hasSize(6).doesNotHaveDuplicates().contains("c16", "c17", "c18", "c19");
        assertThat(draw.stream().filter(seen::contains).count()).isEqualTo(2);
        assertThat(CaseDraw.draw(POOL, ABNORMAL, 5, false, 0, 0, 1, java.util.Set.of("c01", "c03")))
                .as("a fixed order stays in pool order").containsExactly("c00", "c02", "c04", "c05", "c06");
    }

    @Test
    void without_seen_cases_the_draw_is_the_one_made_before_exposure_control() {
        for (long user = 1; user <= 50; user++) {
            long seed = CaseDraw.seed(user, 4, 1);
            assertThat(CaseDraw.draw(POOL, ABNORMAL, 7, true, 2, 3, seed, java.util.Set.of())).isEqualTo(CaseDraw.draw(POOL, ABNORMAL, 7, true, 2, 3, seed));
        }
    }
}
