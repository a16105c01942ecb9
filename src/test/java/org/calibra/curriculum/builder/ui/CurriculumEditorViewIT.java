package org.calibra.curriculum.builder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import java.util.stream.Stream;
import com.vaadin.flow.component.grid.Grid;
import org.calibra.curriculum.ThresholdTrial;
import org.calibra.curriculum.builder.CurriculumBuilder;
import org.calibra.reading.AttemptInfo;
import org.calibra.reading.ReadingService;
import org.calibra.security.UserService;
import org.calibra.support.ReadingScenario;
import org.calibra.security.CurrentUser;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.IntegrationTest;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A smoke check of the editor page without a browser: inputs by id, the live pool summary, problems placed on their fields. */
@IntegrationTest
class CurriculumEditorViewIT {

    @Autowired ApplicationContext context;
    @Autowired CurriculumBuilder builder;
    @Autowired CurrentUser currentUser;
    @Autowired ReadingService reading;
    @Autowired UserService users;

    @AfterEach
    void tearDown() {
        SignedIn.clear();
        UI.setCurrent(null);
    }

    @Test
    void the_new_curriculum_page_shows_the_pool_live_and_places_each_problem_on_its_field() {
        TestAccounts.create(context, "builder-view-edu", Role.EDUCATOR);
        SignedIn.as("builder-view-edu", "EDUCATOR");
        UI.setCurrent(new UI());
        var view = new NewCurriculumView(builder, currentUser);

        this.<TextField>find(view, "curriculum-title").setValue("View smoke curriculum");
        this.<MultiSelectComboBox<String>>find(view, "module-0-cases").setValue(Set.of("mr-iac-schwannoma-detected", "mr-brain-0417"));
        assertThat(this.<Component>find(view, "module-0-pool-summary").getElement().getText()).startsWith("Pool: 2 cases: 1 abnormal, 1 normal");
        this.<IntegerField>find(view, "module-0-minimum-cases").setValue(5);
        this.<NumberField>find(view, "module-0-threshold-0-limit").setValue(0.7);
        this.<Button>find(view, "check-curriculum").click();

        assertThat(this.<Component>find(view, "curriculum-problems").getElement().getTextRecursively()).contains("Module 1 · Minimum cases: 5 is more than")
                .contains("Certificate · Title: must not be empty");
        HasValidation minimum = find(view, "module-0-minimum-cases");
        assertThat(minimum.isInvalid()).isTrue();
        assertThat(minimum.getErrorMessage()).isEqualTo("5 is more than the 2 case(s) an attempt reads");
        assertThat(this.<HasValidation>find(view, "certificate-title").isInvalid()).isTrue();
        assertThat(this.<HasValidation>find(view, "curriculum-title").isInvalid()).isFalse();
        Stream.of("add-module", "publish-curriculum", "module-0-title", "module-0-reading-mode", "module-0-tag-rules", "module-0-prerequisites",
                "module-0-threshold-0-metric", "module-0-threshold-0-direction", "module-0-threshold-0-bound", "module-0-simulation",
                "certificate-credit-hours", "certificate-competencies", "certificate-validity").forEach(id -> this.<Component>find(view, id));
    }

    /**
     * The demo module first-reads (7 cases; minimum 6; sensitivity and specificity ≥ 60%): a resident reads it right until
     * it is decided (passed after 6 reads); the editor then simulates the newest attempts under its published rules and
     * under stricter minimums, shows problems instead for a threshold without a limit, and says a new module has none.
     */
    @Test
    void the_module_editor_simulates_recent_attempts_under_the_thresholds_in_the_editor() {
        TestAccounts.create(context, "editor-sim-resident", Role.RESIDENT);
        SignedIn.as("editor-sim-resident", "RESIDENT");
        // the demo curriculum's first-reads (another curriculum may have a module of that id too)
        var module = context.getBean(org.calibra.curriculum.CurriculumService.class).listCurricula().stream()
                .filter(c -> c.slug().equals("ai-reading-foundations")).flatMap(c -> c.modules().stream())
                .filter(m -> m.slug().equals("first-reads")).findFirst().orElseThrow();
        var scenario = new ReadingScenario(context, module);
        reading.startOrResume(scenario.module().id());
        for (var entry : scenario.cases()) {
            if (reading.currentAttempt(scenario.module().id()).orElseThrow().status() != AttemptInfo.Status.IN_PROGRESS) {
                break;
            }
            scenario.readCorrectly(entry);
        }
        SignedIn.as("admin", "ADMIN");
        String reader = "R" + users.findByUsername("editor-sim-resident").orElseThrow().id();

        SignedIn.as("educator", "EDUCATOR");
        UI.setCurrent(new UI());
        var view = new CurriculumEditView(builder, currentUser);
        var draft = builder.open("ai-reading-foundations", currentUser.require()).orElseThrow();
        int i = draft.modules.indexOf(draft.modules.stream().filter(m -> "first-reads".equals(m.id)).findFirst().orElseThrow());
        view.edit(draft);
        String id = "module-" + i;

        this.<Button>find(view, id + "-simulate").click();
        String shown = this.<Component>find(view, id + "-simulation-result").getElement().getTextRecursively();
        assertThat(shown).contains("Under the published rules").contains("Under the thresholds in this editor").contains("sensitivity ≥ 60%")
                .contains("As many attempts would pass as do now.");
        var newest = this.<Grid<ThresholdTrial.TrialAttempt>>find(view, id + "-simulation-table").getGenericDataView().getItems().findFirst()
                .orElseThrow();
        assertThat(newest).isEqualTo(new ThresholdTrial.TrialAttempt(reader, true, true, java.util.List.of()));

        // stricter: seven cases before a decision; the attempt decided after six would not pass
        this.<IntegerField>find(view, id + "-minimum-cases").setValue(7);
        this.<IntegerField>find(view, id + "-simulate-count").setValue(1);
        this.<Button>find(view, id + "-simulate").click();
        assertThat(this.<Component>find(view, id + "-simulation-proposed").getElement().getTextRecursively())
                .contains("0 of 1 attempt would pass (0%)").contains("at least 7 cases read");
        var strict = this.<Grid<ThresholdTrial.TrialAttempt>>find(view, id + "-simulation-table").getGenericDataView().getItems().toList();
        assertThat(strict).hasSize(1);
        assertThat(strict.getFirst().reader()).isEqualTo(reader);
        assertThat(strict.getFirst().passedUnderCurrent()).isTrue();
        assertThat(strict.getFirst().failedProposed()).containsExactly("at least 7 cases read (6 read)");

        // a threshold without a limit: its problem instead of a result
        this.<NumberField>find(view, id + "-threshold-0-limit").clear();
        this.<Button>find(view, id + "-simulate").click();
        assertThat(this.<Component>find(view, id + "-simulation-result").getElement().getTextRecursively()).startsWith("Not simulated")
                .contains("Threshold 1");
        assertThat(descendants(view).anyMatch(c -> c.getId().filter((id + "-simulation-table")::equals).isPresent())).isFalse();

        // a module added in the editor has no attempts, and says so
        this.<Button>find(view, "add-module").click();
        String added = "module-" + (draft.modules.size() - 1);
        assertThat(this.<Component>find(view, added + "-simulation").getElement().getTextRecursively()).contains("This module is new");
        assertThat(descendants(view).anyMatch(c -> c.getId().filter((added + "-simulate")::equals).isPresent())).isFalse();
    }

    @SuppressWarnings("unchecked")
    private <T> T find(Component root, String id) {
        return (T) descendants(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no component with id " + id));
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(CurriculumEditorViewIT::descendants));
    }

}
