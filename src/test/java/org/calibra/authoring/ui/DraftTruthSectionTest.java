package org.calibra.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.List;
import java.util.Map;
import org.calibra.authoring.DraftContent;
import org.calibra.authoring.DraftImage;
import org.calibra.authoring.DraftProblem;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.content.CaseManifest.TruthFinding;
import org.calibra.shared.JsonText;
import org.calibra.viewer.AuthoringEvents;
import org.calibra.viewer.AuthoringLayer;
import org.calibra.viewer.CalibraViewer;
import org.calibra.viewer.ViewerShape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The truth section follows the viewer's truth layer (a shape drawn is a lesion in the list, changed and deleted too),
 * edits lesions in words, keeps normal/abnormal and the diagnosis, and writes back only what changed.
 */
class DraftTruthSectionTest {

    private static final List<DraftImage> STACK = List.of(new DraftImage(0, "MR_small.dcm", "a".repeat(64), 0, 64, 64),
            new DraftImage(1, "MR_small.dcm", "a".repeat(64), 1, 64, 64), new DraftImage(2, "MR_small.dcm", "a".repeat(64), 2, 64, 64));

    private DraftForm form;
    private DraftContent loaded;
    private CaseStage stage;

    @BeforeEach
    void showTheDraft() throws Exception {
        form = new DraftForm();
        loaded = DraftFormTest.content();
        form.show(loaded, STACK, List.of());
        stage = new CaseStage(List.of(), loaded.manifest(), Map.of());
        stage.offerDrawing(true);
        form.bind(stage);
    }

    private void viewerSays(String event, ViewerShape shape) {
        CalibraViewer v = stage.viewer();
        String json = JsonText.write(shape);
        ComponentUtil.fireEvent(v, switch (event) {
            case "created" -> new AuthoringEvents.ShapeCreatedEvent(v, true, "truth", json);
            case "changed" -> new AuthoringEvents.ShapeChangedEvent(v, true, "truth", json);
            default -> new AuthoringEvents.ShapeDeletedEvent(v, true, "truth", json);
        });
    }

    private String text(String id) {
        var c = DraftFormTest.find(form, id).orElseThrow(() -> new AssertionError("no " + id));
        return c instanceof Span s ? s.getText() : ((Paragraph) c).getText();
    }

    @Test
    void nothing_changed_writes_nothing_and_the_truth_layer_is_enabled_for_drawing() {
        assertThat(form.edited()).isEqualTo(loaded);
        stage.draw(AuthoringLayer.TRUTH);
        assertThat(stage.drawing()).isEqualTo(AuthoringLayer.TRUTH);
        stage.draw(AuthoringLayer.AI);
        assertThat(stage.drawing()).as("no section registered for the AI layer here").isEqualTo(AuthoringLayer.NONE);
        assertThat(text("lesion-summary-1")).isEqualTo("Lesion 1 (L1): intracanalicular-filling-defect, circle on image 1");
    }

    @Test
    void an_ellipse_drawn_in_the_viewer_becomes_a_lesion_that_can_be_moved_labelled_weighted_and_deleted() {
        viewerSays("created", ViewerShape.ellipse("truth-2", "", 1, 30, 30, 10, 6).withImages(0, 2));

        var drawn = form.edited().manifest().truth().findings().get(1);
        assertThat(drawn.id()).isEqualTo("L2");
        assertThat(drawn.ellipse()).isEqualTo(new CaseManifest.Ellipse(30, 30, 5, 3, null));
        assertThat(drawn.imageRange()).containsExactly(0, 2);
        assertThat(text("lesion-summary-2")).isEqualTo("Lesion 2 (L2): no label yet, ellipse on images 1\u20133");

        DraftFormTest.<String>field(form, "lesion-label-2").setValue("cpa-mass");
        ((Button) DraftFormTest.find(form, "draft-spread-weights").orElseThrow()).click();
        // the label was drawn again: the viewer now knows the lesion by its own id
        viewerSays("changed", ViewerShape.ellipse("L2", "cpa-mass", 1, 40, 30, 10, 6).withImages(0, 2));

        var m = form.edited().manifest();
        assertThat(m.truth().findings()).extracting(TruthFinding::weight).containsExactly(0.5, 0.5);
        assertThat(m.truth().findings().get(1).label()).isEqualTo("cpa-mass");
        assertThat(m.truth().findings().get(1).ellipse().x()).isEqualTo(40);
        assertThat(text("lesion-summary-2")).isEqualTo("Lesion 2 (L2): cpa-mass, ellipse on images 1\u20133, weight 0.5");

        viewerSays("deleted", ViewerShape.ellipse("L2", "cpa-mass", 1, 40, 30, 10, 6));
        assertThat(form.edited().manifest().truth().findings()).extracting(TruthFinding::id).containsExactly("L1");
    }

    @Test
    void the_images_of_a_lesion_are_edited_as_the_viewer_numbers_them() {
        DraftFormTest.<Integer>field(form, "lesion-last-1").setValue(3);
        assertThat(form.edited().manifest().truth().findings().getFirst().imageRange()).containsExactly(0, 2);
        DraftFormTest.<Integer>field(form, "lesion-last-1").setValue(99);
        assertThat(form.edited().manifest().truth().findings().getFirst().lastImage()).as("kept within the stack").isEqualTo(2);
    }

    @Test
    void a_normal_case_with_a_lesion_is_said_at_once_and_the_diagnosis_is_written() {
        @SuppressWarnings("unchecked")
        var kind = (RadioButtonGroup<Boolean>) DraftFormTest.find(form, "draft-truth-kind").orElseThrow();
        kind.setValue(false);

        assertThat(text("draft-truth-warning")).startsWith("A normal case has no lesions");
        assertThat(form.edited().manifest().truth().diagnosis()).isEqualTo("normal");

        kind.setValue(true);
        DraftFormTest.<String>field(form, "draft-diagnosis").setValue("meningioma");
        assertThat(form.edited().manifest().truth().diagnosis()).isEqualTo("meningioma");
        assertThat(((ComboBox<?>) DraftFormTest.find(form, "draft-diagnosis").orElseThrow()).getListDataView().getItems().map(Object::toString))
                .as("normal is the other choice, not a diagnosis to pick").doesNotContain("normal");
    }

    @Test
    void a_problem_of_a_lesion_is_shown_on_its_field_and_others_beside_it() {
        form.show(loaded, STACK, List.of(new DraftProblem("truth.findings[0].label", "Lesion 1 (L1): label", "'x' is not one of labels"),
                new DraftProblem("truth.findings[0].ellipse", "Lesion 1 (L1): ellipse", "reaches outside image 1")));

        var label = (ComboBox<?>) DraftFormTest.find(form, "lesion-label-1").orElseThrow();
        assertThat(label.isInvalid()).isTrue();
        assertThat(label.getErrorMessage()).isEqualTo("'x' is not one of labels");
        assertThat(DraftFormTest.find(form, "lesion-row-1").orElseThrow().getElement().getText()).isEmpty();
    }
}
