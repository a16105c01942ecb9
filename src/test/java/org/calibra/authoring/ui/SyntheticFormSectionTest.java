package org.calibra.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.calibra.authoring.AuthoringService;
import org.calibra.authoring.DraftProblem;
import org.calibra.authoring.DraftRefused;
import org.calibra.authoring.SyntheticCaseForm;
import org.junit.jupiter.api.Test;

/** The synthetic form sends what was typed, as typed, and shows each refused field's problem on the field and in a list. */
class SyntheticFormSectionTest {

    @Test
    void refused_fields_are_marked_with_their_problem_and_listed() {
        var authoring = mock(AuthoringService.class);
        when(authoring.maxUploadBytes()).thenReturn(1L << 20);
        var sent = new AtomicReference<SyntheticCaseForm>();
        when(authoring.generateSynthetic(any())).thenAnswer(inv -> {
            SyntheticCaseForm form = inv.getArgument(0);
            sent.set(form);
            var checked = form.check();
            throw new DraftRefused("The form has " + checked.problems().size() + " problem(s); nothing was generated.", checked.problems().stream()
                    .map(p -> new DraftProblem(p.field().name(), p.field().label, p.message())).toList());
        });
        var view = new SyntheticFormSection(authoring, id -> { });
        TextField lesions = (TextField) DraftFormTest.find(view, "new-case-lesions").orElseThrow();
        TextField noise = (TextField) DraftFormTest.find(view, "new-case-noise").orElseThrow();
        lesions.setValue("9");
        noise.setValue("loud");
        ((Button) DraftFormTest.find(view, "new-case-generate").orElseThrow()).click();

        assertThat(sent.get().lesions()).isEqualTo("9");
        assertThat(sent.get().noise()).isEqualTo("loud");
        assertThat(sent.get().kind()).isEqualTo("ct");
        assertThat(lesions.isInvalid()).isTrue();
        assertThat(lesions.getErrorMessage()).isEqualTo("'9' is outside the allowed range; write a whole number from 0 to 3");
        assertThat(noise.isInvalid()).isTrue();
        assertThat(noise.getErrorMessage()).isEqualTo("'loud' is not a number; write a number from 0 to 60");
        var sizes = (TextField) DraftFormTest.find(view, "new-case-sizes").orElseThrow();
        assertThat(sizes.isInvalid()).isFalse();
        Div result = (Div) DraftFormTest.find(view, "new-case-synthetic-result").orElseThrow();
        assertThat(result.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(DraftFormTest.find(result, "new-case-synthetic-problems").orElseThrow().getElement().getTextRecursively())
                .contains("Number of lesions: '9' is outside the allowed range", "Image noise: 'loud' is not a number");
        assertThat(((Button) DraftFormTest.find(view, "new-case-generate").orElseThrow()).isEnabled()).as("ready for another try").isTrue();
    }

    @Test
    void every_field_has_a_label_and_help_in_words() {
        var authoring = mock(AuthoringService.class);
        when(authoring.maxUploadBytes()).thenReturn(1L << 20);
        var view = new SyntheticFormSection(authoring, id -> { });
        for (String id : List.of("new-case-lesions", "new-case-sizes", "new-case-contrast", "new-case-noise", "new-case-sensitivity",
                "new-case-false-marks", "new-case-calibration")) {
            var f = (TextField) DraftFormTest.find(view, id).orElseThrow();
            assertThat(f.getLabel()).as(id).isNotBlank();
            assertThat(f.getHelperText()).as(id).isNotBlank();
        }
    }
}
