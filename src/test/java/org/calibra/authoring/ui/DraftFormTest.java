package org.calibra.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Div;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calibra.authoring.DraftContent;
import org.calibra.authoring.DraftProblem;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.content.CaseManifests;
import org.junit.jupiter.api.Test;

/** The draft form writes back only what the educator changed, keeps every other field, and marks problems on their fields. */
class DraftFormTest {

    static DraftContent content() throws Exception {
        var m = CaseManifests.read("t", Files.readAllBytes(Path.of("cases/mr-iac-schwannoma-detected/case.yaml"))).manifest();
        return new DraftContent(m, Map.of("MR_small.dcm", "a".repeat(64)));
    }

    @SuppressWarnings("unchecked")
    static <T> HasValue<?, T> field(Component root, String id) {
        return (HasValue<?, T>) find(root, id).orElseThrow(() -> new AssertionError("no field " + id));
    }

    static Optional<Component> find(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return Optional.of(root);
        }
        return root.getChildren().map(c -> find(c, id)).flatMap(Optional::stream).findFirst();
    }

    @Test
    void unchanged_fields_are_written_back_as_they_were_and_changed_ones_as_typed() throws Exception {
        var form = new DraftForm();
        var loaded = content();
        form.show(loaded, List.of(), List.of());

        assertThat(form.edited()).isEqualTo(loaded);
        assertThat(form.changed()).isFalse();

        DraftFormTest.<String>field(form, "draft-title").setValue("A title that gives nothing away");
        DraftFormTest.<String>field(form, "draft-labels").setValue("cpa-mass, vascular-loop");
        DraftFormTest.<Integer>field(form, "draft-difficulty").setValue(4);
        CaseManifest m = form.edited().manifest();

        assertThat(m.title()).isEqualTo("A title that gives nothing away");
        assertThat(m.labels()).containsExactly("cpa-mass", "vascular-loop");
        assertThat(m.difficulty()).isEqualTo(4);
        assertThat(m.truth()).as("fields the form does not show are kept").isEqualTo(loaded.manifest().truth());
        assertThat(m.ai()).isEqualTo(loaded.manifest().ai());
        assertThat(m.teachingPoints()).isEqualTo(loaded.manifest().teachingPoints());
        assertThat(form.edited().files()).isEqualTo(loaded.files());
    }

    @Test
    void a_problem_is_shown_on_its_field() throws Exception {
        var form = new DraftForm();
        form.show(content(), List.of(), List.of(new DraftProblem("truth.diagnosis", "True diagnosis", "'x' is not one of diagnoses")));

        var diagnosis = (com.vaadin.flow.component.combobox.ComboBox<?>) find(form, "draft-diagnosis").orElseThrow();
        assertThat(diagnosis.isInvalid()).isTrue();
        assertThat(diagnosis.getErrorMessage()).isEqualTo("'x' is not one of diagnoses");
        assertThat(((com.vaadin.flow.component.textfield.TextField) find(form, "draft-title").orElseThrow()).isInvalid()).isFalse();
    }

    @Test
    void a_section_added_later_writes_its_own_fields_too() throws Exception {
        var form = new DraftForm();
        form.addSection(new DraftForm.Section() {
            @Override
            public Component component() {
                return new Div();
            }

            @Override
            public void show(DraftContent content, List<org.calibra.authoring.DraftImage> stack) {
            }

            @Override
            public CaseManifest apply(CaseManifest manifest) {
                return org.calibra.authoring.ManifestEdit.with(manifest, "ai.score", 0.5);
            }

            @Override
            public void showProblems(List<DraftProblem> problems) {
            }

            @Override
            public void setReadOnly(boolean readOnly) {
            }
        });
        form.show(content(), List.of(), List.of());

        assertThat(form.edited().manifest().ai().score()).isEqualTo(0.5);
    }
}
