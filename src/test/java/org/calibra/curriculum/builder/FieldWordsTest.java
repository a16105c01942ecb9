package org.calibra.curriculum.builder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.calibra.curriculum.content.CurriculumManifest;
import org.junit.jupiter.api.Test;

class FieldWordsTest {

    private static final CurriculumManifest M = new CurriculumManifest(1, "c", "C", "d", null, List.of(
            new CurriculumManifest.Module("a", "Basics", "d", "unaided", List.of(), null, null, null, null, null, null, 1, null, null, List.of()),
            new CurriculumManifest.Module("b", "", "d", "unaided", List.of(), null, null, null, null, null, null, 1, null, null, List.of())), null);

    @Test
    void reader_paths_become_places_on_the_page() {
        assertThat(FieldWords.where("modules[1].casesPerAttempt", M)).isEqualTo("Module 2 · Cases per attempt");
        assertThat(FieldWords.where("modules[0].thresholds[1].min", M)).isEqualTo("Module 1 (Basics) · Threshold 2 · Limit");
        assertThat(FieldWords.where("modules[0].cases[3]", M)).isEqualTo("Module 1 (Basics) · Picked case 4");
        assertThat(FieldWords.where("modules[0].caseTags[0]", M)).isEqualTo("Module 1 (Basics) · Tag rule 1");
        assertThat(FieldWords.where("modules[0].retake.cooldownHours", M)).isEqualTo("Module 1 (Basics) · Cool-down (hours)");
        assertThat(FieldWords.where("certificate.competencies[1]", M)).isEqualTo("Certificate · Competency 2");
        assertThat(FieldWords.where("certificate.creditHours", M)).isEqualTo("Certificate · CPD/CME credit hours");
        assertThat(FieldWords.where("title", M)).isEqualTo("Curriculum title");
        assertThat(FieldWords.where("", M)).isEqualTo("The curriculum");
    }

    @Test
    void the_schemas_terse_messages_become_plain_words() {
        assertThat(FieldWords.message("must be at least 1 characters long")).isEqualTo("must not be empty");
        assertThat(FieldWords.message("must have a minimum value of 1")).isEqualTo("must be at least 1");
        assertThat(FieldWords.message("required property 'title' not found")).isEqualTo("is missing");
        assertThat(FieldWords.message("'x' is listed twice")).isEqualTo("'x' is listed twice");
    }
}
