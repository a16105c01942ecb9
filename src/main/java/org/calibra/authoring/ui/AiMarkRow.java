package org.calibra.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.viewer.ViewerShape;

/**
 * One AI mark in words: its number, where it is (image, x, y — moved in the viewer), its label from the case's labels and
 * its probability; and a button to delete it. {@code shapeId}: the viewer's id of its shape.
 */
class AiMarkRow extends Div {

    private final String shapeId;
    private final Span where = new Span();
    private final Span problem = new Span();
    private final Select<String> label = new Select<>();
    private final NumberField probability = new NumberField();
    private final Button delete = new Button("Delete");
    private final int images;
    private int number;
    private int imageIndex;
    private double x;
    private double y;

    AiMarkRow(String shapeId, CaseManifest.AiFinding f, List<String> labels, int images, Runnable changed, Consumer<AiMarkRow> deleted) {
        this.shapeId = shapeId;
        this.images = images;
        this.imageIndex = f.imageIndex();
        this.x = f.x();
        this.y = f.y();
        addClassName("ai-mark-row");
        List<String> items = new ArrayList<>(labels);
        if (f.label() != null && !items.contains(f.label())) {
            items.add(f.label()); // an imported label outside the vocabulary stays visible, and the checks name it
        }
        label.setItems(items);
        label.setValue(f.label());
        label.setHelperText("One of the case's finding labels");
        label.addValueChangeListener(e -> changed.run());
        probability.setMin(0);
        probability.setMax(1);
        probability.setStep(0.01);
        probability.setValue(f.probability());
        probability.setHelperText("0 to 1");
        probability.addValueChangeListener(e -> changed.run());
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> deleted.accept(this));
        problem.addClassName("row-problem");
        problem.getElement().setAttribute("role", "alert");
        add(where, label, probability, delete, problem);
    }

    String shapeId() {
        return shapeId;
    }

    /** Its place in the list, from 1: what labels and problems call it ("AI mark 2"). */
    void number(int n) {
        this.number = n;
        label.setLabel("AI mark " + n + ": label");
        probability.setLabel("AI mark " + n + ": probability");
        where.setId("draft-ai-mark-" + n + "-where");
        label.setId("draft-ai-mark-" + n + "-label");
        probability.setId("draft-ai-mark-" + n + "-probability");
        delete.setId("draft-ai-mark-" + n + "-delete");
        delete.getElement().setAttribute("aria-label", "Delete AI mark " + n);
        describe();
    }

    int number() {
        return number;
    }

    void moveTo(int image, double newX, double newY) {
        this.imageIndex = image;
        this.x = newX;
        this.y = newY;
        describe();
    }

    CaseManifest.AiFinding finding() {
        return new CaseManifest.AiFinding(label.getValue(), imageIndex, x, y, probability.getValue() == null ? 0 : probability.getValue());
    }

    ViewerShape shape() {
        var f = finding();
        return ViewerShape.point(shapeId, f.label() == null ? "" : f.label(), imageIndex, x, y, ManifestShapes.AI_MARK_RADIUS)
                .withProbability(f.probability());
    }

    /** Words for the list of errors: "AI mark 2 (cpa-mass, image 1)". */
    String words() {
        return "AI mark " + number + " (" + (label.getValue() == null ? "no label" : label.getValue()) + ", image " + (imageIndex + 1) + ")";
    }

    void problem(String field, String message) {
        if ("probability".equals(field)) {
            DraftAiSection.mark(probability, message);
        } else if ("label".equals(field)) {
            DraftAiSection.mark(label, message);
        } else if (problem.getText().isEmpty()) {
            problem.setText(message); // its place: image number, x or y
        }
    }

    void clearProblems() {
        label.setInvalid(false);
        probability.setInvalid(false);
        problem.setText("");
    }

    void setReadOnly(boolean readOnly) {
        label.setReadOnly(readOnly);
        probability.setReadOnly(readOnly);
        delete.setVisible(!readOnly);
    }

    private void describe() {
        where.setText("AI mark " + number + " — image " + (imageIndex + 1) + (images > 0 ? " of " + images : "") + ", at x " + x + ", y " + y);
    }
}
