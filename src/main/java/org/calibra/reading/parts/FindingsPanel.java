package org.calibra.reading.parts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;

/** The trainee's findings beside the viewer: label and confidence per mark, delete, select. */
class FindingsPanel extends Div {

    private final DraftRead draft;
    private final List<String> labels;
    private final Runnable changed;
    private final Div rows = new Div();

    FindingsPanel(DraftRead draft, List<String> labels, Runnable changed) {
        this.draft = draft;
        this.labels = labels;
        this.changed = changed;
        setId("findings");
        addClassName("panel-section");
        add(new H3("Findings"), rows);
        refresh();
    }

    void refresh() {
        rows.removeAll();
        if (draft.marks().isEmpty()) {
            var empty = new Paragraph("No findings marked. Choose the Mark tool (M), then click on the image where you see an abnormality (or drag, with the ellipse or box shape). "
                    + "By keyboard: Shift+arrows move the cross on the image, Enter marks there.");
            empty.addClassName("empty-state");
            empty.setId("findings-empty");
            rows.add(empty);
            return;
        }
        int n = 1;
        for (var m : draft.marks()) {
            rows.add(row(n++, m));
        }
    }

    /** Highlights the row of {@code key} (a mark selected here or in the viewer). */
    void markSelected(String key) {
        rows.getChildren().forEach(c -> c.getElement().getClassList().set("selected", key != null && key.equals(c.getElement().getAttribute("data-mark"))));
    }

    private Div row(int number, DraftRead.DraftMark m) {
        var name = new Span("#" + number + (m.shape == org.calibra.reading.MarkShape.POINT ? "" : " · " + m.shape.code())
                + " · image " + (m.imageIndex + 1));
        name.addClassName("finding-name");
        name.getElement().setAttribute("title", "Select this finding");
        var label = new Select<String>();
        label.setItems(labels);
        label.setItemLabelGenerator(org.calibra.shared.DisplayWords::term); // shown as words; the slug is what is submitted
        label.addClassName("wide-select");
        label.setValue(m.label());
        label.setId("mark-label-" + m.key);
        label.setAriaLabel("Label of finding " + number);
        label.addValueChangeListener(e -> {
            draft.setLabel(m.key, e.getValue());
            changed.run();
        });
        var confidence = new Select<Integer>();
        confidence.setItems(1, 2, 3, 4, 5);
        confidence.setValue(m.confidence());
        confidence.setId("mark-confidence-" + m.key);
        confidence.setAriaLabel("Confidence of finding " + number + ", 1 to 5");
        confidence.setItemLabelGenerator(c -> c + (c == 1 ? " – unsure" : c == 5 ? " – certain" : ""));
        confidence.addValueChangeListener(e -> {
            draft.setConfidence(m.key, e.getValue());
            changed.run();
        });
        var delete = new Button(VaadinIcon.TRASH.create(), e -> {
            draft.remove(m.key);
            refresh();
            changed.run();
        });
        delete.setId("mark-delete-" + m.key);
        delete.setAriaLabel("Delete finding " + number);
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        var note = new TextField();
        note.setPlaceholder("Note (optional)");
        note.setValue(m.note() == null ? "" : m.note());
        note.setMaxLength(org.calibra.reading.ReadSubmission.MAX_NOTE_LENGTH);
        note.setId("mark-note-" + m.key);
        note.setAriaLabel("Note on finding " + number);
        note.setValueChangeMode(ValueChangeMode.ON_BLUR);
        note.addValueChangeListener(e -> draft.setNote(m.key, e.getValue()));
        note.addClassName("finding-note");
        var row = new Div(name, label, confidence, delete, note);
        row.getElement().setAttribute("data-mark", m.key);
        row.setId("mark-row-" + m.key);
        row.addClassName("finding-row");
        if (m.key.equals(draft.selected())) {
            row.addClassName("selected");
        }
        // Selecting a finding only restyles the rows: rebuilding them would close an open drop-down.
        name.addClickListener(e -> {
            draft.select(m.key);
            markSelected(m.key);
            changed.run();
        });
        return row;
    }
}
