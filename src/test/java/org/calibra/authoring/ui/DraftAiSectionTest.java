package org.calibra.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import java.util.List;
import org.calibra.authoring.DraftContent;
import org.calibra.authoring.DraftImage;
import org.calibra.authoring.DraftProblem;
import org.calibra.casebank.content.CaseManifest;
import org.junit.jupiter.api.Test;

/** The AI section writes back only what the educator changed, labels errors by reference, and marks problems on the mark. */
class DraftAiSectionTest {

    private static final List<DraftImage> STACK = List.of(new DraftImage(0, "MR_small.dcm", "a".repeat(64), 0, 64, 64));

    private static DraftForm form(DraftContent loaded) {
        var form = new DraftForm();
        form.addSection(new DraftAiSection(new AiImportPanel(null, () -> null, () -> loaded, d -> { })));
        form.show(loaded, STACK, List.of());
        return form;
    }

    @Test
    void an_untouched_section_changes_nothing() throws Exception {
        var loaded = DraftFormTest.content();
        var form = form(loaded);
        assertThat(form.edited()).isEqualTo(loaded);
        assertThat(form.changed()).isFalse();
    }

    @Test
    void probability_score_model_card_and_an_error_label_are_written_back_and_the_rest_kept() throws Exception {
        var loaded = DraftFormTest.content();
        var form = form(loaded);
        DraftFormTest.<Double>field(form, "draft-ai-mark-1-probability").setValue(0.35);
        DraftFormTest.<Double>field(form, "draft-ai-score").setValue(0.4);
        DraftFormTest.<String>field(form, "draft-ai-model-version").setValue("2.2");
        click(form, "draft-ai-add-error");
        var kind = DraftFormTest.<String>field(form, id(form, "-kind"));
        kind.setValue(CaseManifest.AiError.OFF_LABEL);
        DraftFormTest.<String>field(form, id(form, "-reason")).setValue("A T2-only series; the model wants contrast T1");

        var ai = form.edited().manifest().ai();
        assertThat(ai.findings().getFirst().probability()).isEqualTo(0.35);
        assertThat(ai.findings().getFirst().x()).isEqualTo(loaded.manifest().ai().findings().getFirst().x());
        assertThat(ai.score()).isEqualTo(0.4);
        assertThat(ai.model().version()).isEqualTo("2.2");
        assertThat(ai.model().name()).isEqualTo(loaded.manifest().ai().model().name());
        assertThat(ai.errorList()).containsExactly(new CaseManifest.AiError("off-label", null, null,
                "A T2-only series; the model wants contrast T1", null));
        assertThat(form.edited().manifest().truth()).isEqualTo(loaded.manifest().truth());
    }

    @Test
    void a_deleted_mark_leaves_its_lesion_unlabelled_and_a_false_alarm_label_follows_its_mark() throws Exception {
        var loaded = DraftFormTest.content();
        var form = form(loaded);
        assertThat(texts(form, "draft-ai-unlabelled")).containsExactly("Every difference between the AI's marks and the truth is labelled.");

        click(form, "draft-ai-add-error");
        DraftFormTest.<String>field(form, id(form, "-kind")).setValue(CaseManifest.AiError.FALSE_POSITIVE);
        @SuppressWarnings("unchecked")
        var mark = (com.vaadin.flow.component.select.Select<AiMarkRow>) DraftFormTest.find(form, id(form, "-mark")).orElseThrow();
        mark.setValue(mark.getListDataView().getItem(0));
        assertThat(form.edited().manifest().ai().errorList().getFirst().mark()).isEqualTo(1);
        assertThat(texts(form, "draft-ai-unlabelled")).containsExactly("AI mark 1 (intracanalicular-filling-defect, image 1, probability 0.88)"
                + " is labelled a false alarm, but lies on lesion L1");

        click(form, "draft-ai-mark-1-delete");
        var ai = form.edited().manifest().ai();
        assertThat(ai.findings()).isEmpty();
        assertThat(ai.errorList().getFirst().mark()).as("the label loses its deleted mark; the checks then ask for one").isNull();
        assertThat(texts(form, "draft-ai-unlabelled")).containsExactly("Lesion L1 has no AI mark on it, and is not labelled as missed by the AI");
    }

    @Test
    void a_problem_of_a_mark_is_shown_on_that_marks_field() throws Exception {
        var form = form(DraftFormTest.content());
        form.show(DraftFormTest.content(), STACK, List.of(new DraftProblem("ai.findings[0].probability", "AI mark 1: probability",
                "1.5 is more than 1")));
        var p = (HasValidation) DraftFormTest.find(form, "draft-ai-mark-1-probability").orElseThrow();
        assertThat(p.isInvalid()).isTrue();
        assertThat(p.getErrorMessage()).isEqualTo("1.5 is more than 1");
    }

    private static void click(Component root, String id) {
        ((Button) DraftFormTest.find(root, id).orElseThrow()).click();
    }

    /** The id of the first error row's field ending in {@code suffix}. */
    private static String id(Component root, String suffix) {
        return all(root).map(c -> c.getId().orElse("")).filter(i -> i.startsWith("draft-ai-error-") && i.endsWith(suffix)).findFirst().orElseThrow();
    }

    private static java.util.stream.Stream<Component> all(Component root) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.getChildren().flatMap(DraftAiSectionTest::all));
    }

    private static List<String> texts(Component root, String id) {
        return DraftFormTest.find(root, id).orElseThrow().getChildren().map(c -> ((ListItem) c).getText()).toList();
    }
}
