package org.calibra.casebank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerOrderTest {

    @Test
    void diagnoses_come_normal_first_then_alphabetically_whatever_order_the_author_wrote() {
        assertThat(AnswerOrder.diagnoses(List.of("normal", "vestibular-schwannoma", "meningioma", "epidermoid-cyst")))
                .containsExactly("normal", "epidermoid-cyst", "meningioma", "vestibular-schwannoma");
        assertThat(AnswerOrder.diagnoses(List.of("meningioma", "epidermoid-cyst", "normal", "vestibular-schwannoma")))
                .containsExactly("normal", "epidermoid-cyst", "meningioma", "vestibular-schwannoma");
        assertThat(AnswerOrder.diagnoses(List.of("b", "a"))).as("no normal option invented").containsExactly("a", "b");
    }

    @Test
    void the_order_depends_only_on_the_options_so_it_cannot_tell_which_one_is_true() {
        var options = List.of("normal", "lung-nodule", "lung-mass", "Atelectasis");
        var shuffled = new java.util.ArrayList<>(options);
        for (int i = 0; i < 20; i++) {
            java.util.Collections.shuffle(shuffled, new java.util.Random(i));
            assertThat(AnswerOrder.diagnoses(shuffled)).containsExactly("normal", "Atelectasis", "lung-mass", "lung-nodule");
        }
    }

    @Test
    void labels_are_alphabetical_so_a_new_mark_does_not_start_with_the_authors_first_label() {
        assertThat(AnswerOrder.labels(List.of("cpa-mass", "intracanalicular-filling-defect", "vascular-loop", "motion-artefact")))
                .containsExactly("cpa-mass", "intracanalicular-filling-defect", "motion-artefact", "vascular-loop");
    }
}
