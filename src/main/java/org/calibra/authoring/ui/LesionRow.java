package org.calibra.authoring.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.calibra.authoring.DraftProblem;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.content.CaseManifest.TruthFinding;

/**
 * One truth lesion of {@link DraftTruthSection} in words ("Lesion 2 (L2): cpa-mass, ellipse on images 3–5, weight 0.5")
 * with its fields: label from the case's labels, weight, first and last image (numbered from 1, as the viewer shows
 * them), an optional code; "Show on the image" and "Delete". Each edit is handed to the section at once.
 */
final class LesionRow extends Div {

    /** What the section does with the row's edits. */
    interface Actions {
        /** {@code drawn}: the change shows on the image (label, images), so the layer is drawn again. */
        void edited(int index, TruthFinding changed, boolean drawn);

        void delete(int index);

        void show(String lesionId);
    }

    private final int index;
    private final int imageCount;
    private final Actions actions;
    private TruthFinding lesion;
    private final Span summary = new Span();
    private final ComboBox<String> label = new ComboBox<>("Label");
    private final NumberField weight = new NumberField("Weight");
    private final IntegerField first = new IntegerField("First image");
    private final IntegerField last = new IntegerField("Last image");
    private final Select<String> scheme = new Select<>();
    private final TextField code = new TextField("Code");
    private final TextField meaning = new TextField("Code meaning");
    private final Paragraph problems = new Paragraph();

    LesionRow(int index, TruthFinding f, List<String> labels, int imageCount, boolean readOnly, boolean selected, Actions actions) {
        this.index = index;
        this.lesion = f;
        this.imageCount = imageCount;
        this.actions = actions;
        int n = index + 1;
        addClassName("lesion-row");
        setClassName("selected", selected);
        setId("lesion-row-" + n);
        getElement().setAttribute("role", "listitem");
        getElement().setAttribute("data-lesion-id", f.id());
        summary.setId("lesion-summary-" + n);
        summary.addClassName("lesion-summary");
        var choices = new LinkedHashSet<>(labels);
        if (!f.label().isEmpty()) {
            choices.add(f.label()); // shown as it is; the check says it is not one of the labels
        }
        label.setItems(choices);
        label.setValue(f.label().isEmpty() ? null : f.label());
        label.setHelperText("One of the case's finding labels");
        weight.setValue(f.weight());
        weight.setMin(0);
        weight.setMax(1);
        weight.setStep(0.05);
        weight.setHelperText("Share of the case's score, 0 to 1; empty for all equal");
        first.setValue(f.firstImage() + 1);
        last.setValue(f.lastImage() + 1);
        for (IntegerField field : List.of(first, last)) {
            field.setMin(1);
            field.setMax(imageCount);
            field.setStepButtonsVisible(true);
        }
        first.setHelperText("As the viewer numbers them, 1 to " + imageCount);
        codeFields(f);
        label.setId("lesion-label-" + n);
        weight.setId("lesion-weight-" + n);
        first.setId("lesion-first-" + n);
        last.setId("lesion-last-" + n);
        scheme.setId("lesion-scheme-" + n);
        code.setId("lesion-code-" + n);
        meaning.setId("lesion-meaning-" + n);
        var codeBox = new Details("Code (optional)" + (f.code() == null ? "" : ": " + f.code().meaning()), new Div(scheme, code, meaning));
        codeBox.setId("lesion-code-box-" + n);
        var show = new Button("Show on the image", e -> actions.show(lesion.id()));
        show.setId("lesion-show-" + n);
        show.getElement().setAttribute("aria-label", "Show lesion " + n + " on the image");
        show.setTooltipText("Selects it in the viewer while drawing truth lesions, and shows its image");
        show.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var delete = new Button("Delete", e -> actions.delete(index));
        delete.setId("lesion-delete-" + n);
        delete.getElement().setAttribute("aria-label", "Delete lesion " + n);
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.setVisible(!readOnly);
        problems.addClassName("form-error");
        problems.setVisible(false);
        List<HasValue<?, ?>> fields = List.of(label, weight, first, last, scheme, code, meaning);
        fields.forEach(field -> field.setReadOnly(readOnly));
        label.addValueChangeListener(e -> edit(true));
        first.addValueChangeListener(e -> edit(true));
        last.addValueChangeListener(e -> edit(true));
        weight.addValueChangeListener(e -> edit(false));
        scheme.addValueChangeListener(e -> edit(false));
        code.addValueChangeListener(e -> edit(false));
        meaning.addValueChangeListener(e -> edit(false));
        var images = new Div(first, last);
        images.addClassName("lesion-images");
        var buttons = new Div(show, delete);
        buttons.addClassName("lesion-buttons");
        add(summary, label, weight, images, codeBox, buttons, problems);
        summarise();
    }

    int index() {
        return index;
    }

    String lesionId() {
        return lesion.id();
    }

    private void codeFields(TruthFinding f) {
        scheme.setLabel("Code system");
        List<String> schemes = new ArrayList<>(List.of("", CaseManifest.Code.RADLEX, CaseManifest.Code.RADELEMENT));
        if (f.code() != null && f.code().scheme() != null && !schemes.contains(f.code().scheme())) {
            schemes.add(f.code().scheme());
        }
        scheme.setItems(schemes);
        scheme.setItemLabelGenerator(LesionRow::schemeWords);
        scheme.setValue(f.code() == null || f.code().scheme() == null ? "" : f.code().scheme());
        code.setValue(f.code() == null || f.code().value() == null ? "" : f.code().value());
        code.setHelperText("e.g. RID5014 (RadLex) or RDE1301 (RadElement)");
        meaning.setValue(f.code() == null || f.code().meaning() == null ? "" : f.code().meaning());
        meaning.setHelperText("The concept in words, e.g. pulmonary nodule");
    }

    /** The lesion as the fields now say; images outside the stack are brought back within it. */
    private void edit(boolean drawn) {
        int a = Math.clamp(first.getValue() == null ? lesion.firstImage() + 1 : first.getValue(), 1, imageCount) - 1;
        int b = Math.clamp(last.getValue() == null ? lesion.lastImage() + 1 : last.getValue(), 1, imageCount) - 1;
        CaseManifest.Code c = scheme.getValue() == null || scheme.getValue().isEmpty() ? null
                : new CaseManifest.Code(scheme.getValue(), code.getValue().strip(), meaning.getValue().strip());
        lesion = DrawnLesions.with(lesion, label.getValue() == null ? "" : label.getValue(), weight.getValue(), Math.min(a, b), Math.max(a, b), c);
        summarise();
        actions.edited(index, lesion, drawn);
    }

    private void summarise() {
        var f = lesion;
        String span = f.firstImage() == f.lastImage() ? "on image " + (f.firstImage() + 1)
                : "on images " + (f.firstImage() + 1) + "\u2013" + (f.lastImage() + 1);
        summary.setText("Lesion " + (index + 1) + " (" + f.id() + "): " + (f.label().isEmpty() ? "no label yet" : f.label()) + ", "
                + DrawnLesions.kind(f) + " " + span + (f.weight() == null ? "" : ", weight " + Words.number(f.weight())));
    }

    /** The problems of this lesion: on the field they name, the others in words below it. */
    void problems(List<DraftProblem> found) {
        label.setInvalid(false);
        weight.setInvalid(false);
        first.setInvalid(false);
        List<String> other = new ArrayList<>();
        for (DraftProblem p : found) {
            String leaf = DraftTruthSection.LESION_FIELD.matcher(p.field()).replaceFirst("$2");
            switch (leaf) {
                case "label" -> mark(label, p);
                case "weight" -> mark(weight, p);
                case "imageRange" -> mark(first, p);
                default -> other.add(p.toString());
            }
        }
        problems.setText(String.join(" ", other));
        problems.setVisible(!other.isEmpty());
    }

    private static void mark(HasValidation field, DraftProblem p) {
        field.setErrorMessage(p.message());
        field.setInvalid(true);
    }

    private static String schemeWords(String scheme) {
        return switch (scheme == null ? "" : scheme) {
            case "" -> "No code";
            case CaseManifest.Code.RADLEX -> "RadLex";
            case CaseManifest.Code.RADELEMENT -> "RadElement";
            default -> scheme;
        };
    }
}
