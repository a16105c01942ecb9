package org.calibra.competency.parts;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Image;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.calibra.casebank.CaseForReading;
import org.calibra.casebank.CaseTruth;
import org.calibra.reading.ReadPhase;
import org.calibra.reading.ReadSubmission;
import org.calibra.curriculum.ReadingMode;
import org.calibra.reading.SubmittedRead;
import org.calibra.scoring.ScoringService;
import org.junit.jupiter.api.Test;

/** The feedback's teaching section shows the key images (ADR 0024) under the teaching points, each captioned, the caption its alt text. */
class KeyImagesFeedbackTest {

    private static final Instant T = Instant.parse("2026-12-05T06:00:00Z");
    private static final CaseForReading KASE = new CaseForReading(7, "c", 1, "A case", "CR", null, "Cough.",
            List.of(new CaseForReading.ImageRef(0, "/files/dicom/x", 0, 100, 100, null, null, null)), List.of("nodule"),
            List.of("normal", "nodule"), new CaseForReading.AiSuggestion(new CaseForReading.ModelCard("m", "1", "", "", "", ""), 0.2,
            List.of(), List.of()), false);

    private static List<Component> sections(List<CaseTruth.KeyImage> keyImages) {
        var truth = new CaseTruth(7, "nodule", true, List.of(new CaseTruth.Lesion("L1", "nodule", 0, 50, 50, 10, 1.0, 0, 0)), 5,
                List.of("Look at the apex."), List.of(), keyImages);
        var read = new SubmittedRead(0, 0, 0, 1, 7, ReadPhase.FINAL, ReadingMode.UNAIDED, true, "nodule", 4,
                List.of(new ReadSubmission.MarkInput("M1", 0, 50, 50, "nodule", 4, T)), ReadSubmission.AiExposure.none(), T, null, T, 0, List.of(), null);
        return FeedbackParts.sections(ScoringService.feedbackInMemory(read, KASE, truth, Optional.empty()));
    }

    private static Stream<Component> all(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(KeyImagesFeedbackTest::all));
    }

    @Test
    void key_images_are_figures_with_their_caption_as_alt_text() {
        var images = sections(List.of(new CaseTruth.KeyImage(0, "The nodule at the right apex", "/files/key-image/" + "d".repeat(64))))
                .stream().flatMap(KeyImagesFeedbackTest::all).filter(Image.class::isInstance).map(Image.class::cast).toList();
        assertThat(images).singleElement().satisfies(i -> {
            assertThat(i.getAlt()).contains("The nodule at the right apex");
            assertThat(i.getSrc()).isEqualTo("/files/key-image/" + "d".repeat(64));
            assertThat(i.getParent().orElseThrow().getElement().getTag()).isEqualTo("figure");
            assertThat(i.getParent().orElseThrow().getElement().getChild(1).getTag()).isEqualTo("figcaption");
        });
    }

    @Test
    void without_key_images_the_section_has_no_pictures() {
        assertThat(sections(List.of()).stream().flatMap(KeyImagesFeedbackTest::all)).noneMatch(Image.class::isInstance)
                .noneMatch(c -> c.getId().filter("key-images"::equals).isPresent());
    }
}
