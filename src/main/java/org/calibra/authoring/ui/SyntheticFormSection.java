package org.calibra.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.calibra.authoring.AuthoringService;
import org.calibra.authoring.DraftProblem;
import org.calibra.authoring.DraftRefused;
import org.calibra.authoring.SyntheticCaseForm;
import org.calibra.authoring.SyntheticCaseForm.Field;

/**
 * The "from the synthetic generator" part of the new-case page: the recipe's parameters in words, each with its range as
 * help text; Generate makes the draft ({@code created} gets its id) or marks every refused field with its problem and
 * lists them all in an alert.
 */
class SyntheticFormSection extends Div {

    private final AuthoringService authoring;
    private final LongConsumer created;
    private final Map<Field, com.vaadin.flow.component.HasValidation> fields = new EnumMap<>(Field.class);
    private final RadioButtonGroup<String> kind = new RadioButtonGroup<>(Field.KIND.label);
    private final TextField lesions = field(Field.LESIONS, "new-case-lesions");
    private final TextField sizes = field(Field.SIZES, "new-case-sizes");
    private final RadioButtonGroup<String> density = new RadioButtonGroup<>(Field.DENSITY.label);
    private final TextField contrast = field(Field.CONTRAST, "new-case-contrast");
    private final TextField noise = field(Field.NOISE, "new-case-noise");
    private final TextField sensitivity = field(Field.SENSITIVITY, "new-case-sensitivity");
    private final TextField falseMarks = field(Field.FALSE_MARKS, "new-case-false-marks");
    private final TextField calibration = field(Field.CALIBRATION, "new-case-calibration");
    private final Div syntheticResult = new Div();

    SyntheticFormSection(AuthoringService authoring, LongConsumer created) {
        this.authoring = authoring;
        this.created = created;
        var initial = SyntheticCaseForm.defaults();
        kind.setId("new-case-kind");
        kind.setItems("ct", "radiograph");
        kind.setItemLabelGenerator(k -> k.equals("ct") ? "Chest CT (64 axial slices of 256 × 256 pixels)" : "Chest radiograph (PA, 512 × 512 pixels)");
        kind.setHelperText("The phantom: a chest with lungs, vessels and ribs; lesions are placed at random inside the lungs.");
        kind.setValue(initial.kind());
        fields.put(Field.KIND, kind);
        density.setId("new-case-density");
        density.setItems("solid", "part-solid", "ground-glass");
        density.setItemLabelGenerator(d -> switch (d) {
            case "part-solid" -> "Part-solid (ground-glass halo, solid core)";
            case "ground-glass" -> "Ground-glass (hazy)";
            default -> "Solid";
        });
        density.setValue(initial.density());
        fields.put(Field.DENSITY, density);
        lesions.setValue(initial.lesions());
        sizes.setValue(initial.sizes());
        contrast.setValue(initial.contrast());
        noise.setValue(initial.noise());
        sensitivity.setValue(initial.sensitivity());
        falseMarks.setValue(initial.falseMarks());
        calibration.setValue(initial.calibration());
        kind.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                noise.setValue(SyntheticCaseForm.defaultNoise(e.getValue()));
            }
            showKind(e.getValue());
        });
        showKind(initial.kind());
        syntheticResult.setId("new-case-synthetic-result");
        syntheticResult.getElement().setAttribute("role", "alert");
        var generate = new Button("Generate");
        generate.addClickListener(e -> {
            try {
                generate();
            } finally {
                generate.setEnabled(true);
            }
        });
        generate.setId("new-case-generate");
        generate.addThemeVariants(ButtonVariant.PRIMARY);
        generate.setDisableOnClick(true); // generating a CT takes seconds: one click, one case
        var form = new Div(kind, lesions, sizes, density, contrast, noise, new H4("Simulated AI"), sensitivity, falseMarks, calibration);
        form.addClassName("form-column");
        form.getStyle().set("display", "flex").set("flex-direction", "column").set("max-width", "40rem");
        add(new H3("From the synthetic generator"), new Paragraph("A generated case: no patient, and the truth"
                + " is exact — the generator's own lesions. It is tagged synthetic. The images are made from a secret random number that is"
                + " used once and kept nowhere, so nobody can regenerate them without the lesions."), form, generate, syntheticResult);
    }

    private void showKind(String k) {
        boolean ct = !"radiograph".equals(k);
        density.setVisible(ct);
        contrast.setVisible(!ct);
        noise.setLabel(ct ? "Image noise (HU)" : "Image noise (% of the signal range)");
        noise.setHelperText(ct ? "Standard deviation in Hounsfield units, 0 to 60; 18 is a standard dose" : "0 to 5; 1.2 is typical");
        sizes.setHelperText(ct ? "Diameter in mm, 4 to 30 (over 30 mm is a mass); one for every lesion, or one for all, separated by commas"
                : "Diameter in mm, 6 to 40 (over 30 mm is a mass); one for every lesion, or one for all, separated by commas");
    }

    private void generate() {
        syntheticResult.removeAll();
        fields.values().forEach(f -> f.setInvalid(false));
        var form = new SyntheticCaseForm(kind.getValue(), lesions.getValue(), sizes.getValue(), density.getValue(), contrast.getValue(),
                noise.getValue(), sensitivity.getValue(), falseMarks.getValue(), calibration.getValue());
        try {
            var d = authoring.generateSynthetic(form);
            created.accept(d.id());
        } catch (DraftRefused e) {
            showProblems(e.getMessage(), e.problems());
        }
    }

    private void showProblems(String message, List<DraftProblem> problems) {
        var list = new UnorderedList();
        list.setId("new-case-synthetic-problems");
        for (DraftProblem p : problems) {
            list.add(new ListItem(p.toString()));
            try {
                var f = fields.get(Field.valueOf(p.field()));
                if (f != null) {
                    f.setErrorMessage(p.message());
                    f.setInvalid(true);
                }
            } catch (IllegalArgumentException notAField) {
                // a problem of the whole form: the list says it
            }
        }
        syntheticResult.add(new Paragraph(message));
        if (!problems.isEmpty()) {
            syntheticResult.add(list);
        }
    }

    private TextField field(Field f, String id) {
        var t = new TextField(f.label);
        t.setId(id);
        t.setHelperText(f.expected.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + f.expected.substring(1));
        t.getElement().setAttribute("inputmode", "decimal");
        fields.put(f, t);
        return t;
    }

}
