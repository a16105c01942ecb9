package org.calibra.oversight.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.calibra.oversight.domain.ResponseMatrix.Response;
import org.calibra.scoring.irt.ItemResponses;
import org.junit.jupiter.api.Test;

class ResponseMatrixTest {

    @Test
    void one_row_per_reader_first_response_kept_unlisted_cases_after_the_listed_ones() {
        var matrix = ResponseMatrix.of(List.of("b", "a"), List.of(new Response(7, "a", true), new Response(7, "a", false),
                new Response(8, "b", false), new Response(8, "z", true), new Response(9, "c", true)));

        assertThat(matrix.cases()).containsExactly("b", "a", "c", "z");
        assertThat(matrix.readers()).isEqualTo(3);
        assertThat(matrix.cell(7, "a")).as("the first of two responses counts").isEqualTo(1);
        assertThat(matrix.cell(7, "b")).isEqualTo(ItemResponses.MISSING);
        assertThat(matrix.cell(8, "b")).isZero();
        assertThat(matrix.reads("a")).isEqualTo(1);
        assertThat(matrix.right("a")).isEqualTo(1);
        assertThat(matrix.readersOf(List.of("a", "b"))).isEqualTo(2);
        var responses = matrix.responses(List.of("a", "b"));
        assertThat(responses.persons()).as("reader 9 read neither").isEqualTo(2);
        assertThat(responses.items()).containsExactly("a", "b");
    }
}
