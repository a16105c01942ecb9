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
import org.calibra.curriculum.builder.CurriculumBuilder;
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

    @SuppressWarnings("unchecked")
    private <T> T find(Component root, String id) {
        return (T) descendants(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no component with id " + id));
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(CurriculumEditorViewIT::descendants));
    }

}
