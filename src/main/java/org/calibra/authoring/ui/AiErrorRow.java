package org.calibra.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.content.CaseManifest.AiError;

/**
 * One error the AI makes on purpose (ADR 0023): what kind, in words; the lesion it missed or the mark that points at
 * nothing, chosen from the case's own; or why the images are outside the model's intended use; and a note for the
 * feedback. A false alarm holds its mark itself, so deleting or reordering marks never points it at another one.
 */
class AiErrorRow extends Div {

    static final Map<String, String> KINDS = Map.of(
            AiError.FALSE_NEGATIVE, "The AI missed a lesion (false negative)",
            AiError.FALSE_POSITIVE, "The AI marks something that is not a lesion (false positive)",
            AiError.OFF_LABEL, "The images are outside the model's intended use");

    private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

    private final Select<String> kind = new Select<>();
    private final Select<String> lesion = new Select<>();
    private final Select<AiMarkRow> mark = new Select<>();
    private final TextField reason = new TextField("Why outside the intended use");
    private final TextArea note = new TextArea("Note for the feedback");
    private final Button delete = new Button("Delete");

    AiErrorRow(AiError e, List<String> lesionIds, List<AiMarkRow> marks, Runnable changed, Consumer<AiErrorRow> deleted) {
        int n = NEXT.incrementAndGet(); // ids unique on the page, whatever rows come and go
        addClassName("ai-error-row");
        kind.setLabel("Kind of error");
        kind.setItems(AiError.KINDS);
        kind.setItemLabelGenerator(KINDS::get);
        kind.setValue(AiError.KINDS.contains(e.kind()) ? e.kind() : AiError.FALSE_NEGATIVE);
        kind.setId("draft-ai-error-" + n + "-kind");
        lesion.setLabel("Lesion the AI missed");
        lesion.setItems(lesionIds);
        lesion.setItemLabelGenerator(id -> "Lesion " + id);
        lesion.setId("draft-ai-error-" + n + "-lesion");
        if (e.lesion() != null && lesionIds.contains(e.lesion())) {
            lesion.setValue(e.lesion());
        }
        mark.setLabel("The AI's mark on no lesion");
        mark.setItemLabelGenerator(AiMarkRow::words);
        mark.setId("draft-ai-error-" + n + "-mark");
        marksChanged(marks);
        if (e.mark() != null && e.mark() >= 1 && e.mark() <= marks.size()) {
            mark.setValue(marks.get(e.mark() - 1));
        }
        reason.setValue(e.reason() == null ? "" : e.reason());
        reason.setId("draft-ai-error-" + n + "-reason");
        reason.setWidthFull();
        note.setValue(e.note() == null ? "" : e.note());
        note.setHelperText("Optional: what the trainee should learn from it, shown with the feedback");
        note.setId("draft-ai-error-" + n + "-note");
        note.setWidthFull();
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.setId("draft-ai-error-" + n + "-delete");
        delete.getElement().setAttribute("aria-label", "Delete this AI error label");
        delete.addClickListener(ev -> deleted.accept(this));
        kind.addValueChangeListener(ev -> {
            showFor(ev.getValue());
            changed.run();
        });
        lesion.addValueChangeListener(ev -> changed.run());
        mark.addValueChangeListener(ev -> changed.run());
        reason.addValueChangeListener(ev -> changed.run());
        note.addValueChangeListener(ev -> changed.run());
        showFor(kind.getValue());
        add(kind, lesion, mark, reason, note, delete);
    }

    /** The marks to choose from changed (one added, deleted or renumbered); a deleted chosen mark leaves the choice empty. */
    void marksChanged(List<AiMarkRow> marks) {
        AiMarkRow chosen = mark.getValue();
        mark.setItems(List.copyOf(marks));
        if (chosen != null && marks.contains(chosen)) {
            mark.setValue(chosen);
        }
    }

    AiError error(List<AiMarkRow> marks) {
        String k = kind.getValue();
        String n = note.getValue().isBlank() ? null : note.getValue().strip();
        return switch (k) {
            case AiError.FALSE_NEGATIVE -> new AiError(k, lesion.getValue(), null, null, n);
            case AiError.FALSE_POSITIVE -> new AiError(k, null, mark.getValue() == null || !marks.contains(mark.getValue()) ? null
                    : marks.indexOf(mark.getValue()) + 1, null, n);
            default -> new AiError(k, null, null, reason.getValue().isBlank() ? null : reason.getValue().strip(), n);
        };
    }

    void problem(String field, String message) {
        switch (field == null ? "" : field) {
            case "lesion" -> DraftAiSection.mark(lesion, message);
            case "mark" -> DraftAiSection.mark(mark, message);
            case "reason" -> DraftAiSection.mark(reason, message);
            case "note" -> DraftAiSection.mark(note, message);
            default -> DraftAiSection.mark(kind, message);
        }
    }

    void clearProblems() {
        kind.setInvalid(false);
        lesion.setInvalid(false);
        mark.setInvalid(false);
        reason.setInvalid(false);
        note.setInvalid(false);
    }

    void setReadOnly(boolean readOnly) {
        kind.setReadOnly(readOnly);
        lesion.setReadOnly(readOnly);
        mark.setReadOnly(readOnly);
        reason.setReadOnly(readOnly);
        note.setReadOnly(readOnly);
        delete.setVisible(!readOnly);
    }

    private void showFor(String k) {
        lesion.setVisible(AiError.FALSE_NEGATIVE.equals(k));
        mark.setVisible(AiError.FALSE_POSITIVE.equals(k));
        reason.setVisible(AiError.OFF_LABEL.equals(k));
    }

    static String words(CaseManifest.AiError e) {
        return KINDS.getOrDefault(e.kind(), e.kind());
    }
}
