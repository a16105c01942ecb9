package org.calibra.authoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.calibra.authoring.DraftContent;
import org.calibra.authoring.DraftImage;
import org.calibra.authoring.DraftProblem;
import org.calibra.authoring.ManifestEdit;
import org.calibra.casebank.content.CaseManifest;

/**
 * The text of a case: id (while it is a new case), title, clinical history, difficulty, tags, source and licence, the
 * finding labels and diagnoses a reader may choose, and the teaching points (Markdown, one box each). The true diagnosis
 * is the truth section's ({@link DraftTruthSection}).
 * Only fields the educator changed are written back, so a save never rewrites what it did not touch.
 */
class DraftTextSection extends Div implements DraftForm.Section {

    private final TextField id = field("Case id", "draft-id", "Lowercase letters, digits and '-'; fixed once the case is published");
    private final TextField title = field("Title", "draft-title", "Shown to trainees; must not give the answer away");
    private final TextArea history = area("Clinical history", "draft-history", "Shown before reading");
    private final IntegerField difficulty = new IntegerField("Difficulty (1 easy – 5 hard)");
    private final TextField tags = field("Tags", "draft-tags", "Separated by commas; 'imported' joins the modules that pool imported cases");
    private final TextArea source = area("Source", "draft-source", "Where the images come from; whether the truth is real or illustrative");
    private final TextField licence = field("Licence", "draft-licence", "The licence or permission under which the images may be used");
    private final TextField labels = field("Finding labels", "draft-labels", "What a reader may call a mark; separated by commas");
    private final TextField diagnoses = field("Diagnoses", "draft-diagnoses", "What a reader may call the case; must include normal");
    private final VerticalLayout points = new VerticalLayout();
    private final Button addPoint = new Button("Add a teaching point", e -> addPoint(""));
    private final Map<String, HasValidation> byField = new LinkedHashMap<>();
    private CaseManifest shown;
    private boolean readOnly;

    DraftTextSection() {
        difficulty.setId("draft-difficulty");
        difficulty.setMin(1);
        difficulty.setMax(5);
        difficulty.setStepButtonsVisible(true);
        points.setPadding(false);
        points.setId("draft-teaching-points");
        addPoint.setId("draft-add-point");
        addPoint.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var form = new FormLayout(id, title, difficulty, tags, labels, diagnoses, licence);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        byField.putAll(Map.of("id", id, "title", title, "clinicalHistory", history, "difficulty", difficulty, "tags", tags,
                "source.description", source, "source.licence", licence, "labels", labels, "diagnoses", diagnoses));
        var heading = new H3("Text");
        add(heading, form, history, source, new H3("Teaching points (Markdown)"), points, addPoint);
        setId("draft-text-section");
    }

    @Override
    public Component component() {
        return this;
    }

    @Override
    public void show(DraftContent content, List<DraftImage> stack) {
        CaseManifest m = content.manifest();
        shown = m;
        id.setValue(nz(m.id()));
        title.setValue(nz(m.title()));
        history.setValue(nz(m.clinicalHistory()));
        difficulty.setValue(m.difficulty());
        tags.setValue(String.join(", ", m.tags()));
        source.setValue(m.source() == null ? "" : nz(m.source().description()));
        licence.setValue(m.source() == null ? "" : nz(m.source().licence()));
        labels.setValue(m.labels() == null ? "" : String.join(", ", m.labels()));
        diagnoses.setValue(m.diagnoses() == null ? "" : String.join(", ", m.diagnoses()));
        points.removeAll();
        (m.teachingPoints() == null ? List.<String>of() : m.teachingPoints()).forEach(this::addPoint);
    }

    @Override
    public CaseManifest apply(CaseManifest m) {
        m = text(m, "id", id, shown.id());
        m = text(m, "title", title, shown.title());
        m = text(m, "clinicalHistory", history, shown.clinicalHistory());
        if (!Objects.equals(difficulty.getValue(), shown.difficulty())) {
            m = ManifestEdit.with(m, "difficulty", difficulty.getValue());
        }
        m = list(m, "tags", tags, shown.tags());
        m = text(m, "source.description", source, shown.source() == null ? null : shown.source().description());
        m = text(m, "source.licence", licence, shown.source() == null ? null : shown.source().licence());
        m = list(m, "labels", labels, shown.labels());
        m = list(m, "diagnoses", diagnoses, shown.diagnoses());
        List<String> written = points.getChildren().map(c -> ((TextArea) c.getChildren().findFirst().orElseThrow()).getValue().strip()) // the box, then its preview
                .filter(s -> !s.isEmpty()).toList();
        if (!written.equals(shown.teachingPoints() == null ? List.of() : shown.teachingPoints())) {
            m = ManifestEdit.with(m, "teachingPoints", written);
        }
        return m;
    }

    @Override
    public void showProblems(List<DraftProblem> problems) {
        byField.values().forEach(f -> f.setInvalid(false));
        for (DraftProblem p : problems) {
            String field = p.field() == null ? "" : p.field().replaceAll("\\[\\d+]$", "");
            HasValidation target = byField.get(field);
            if (target != null && !target.isInvalid()) {
                target.setErrorMessage(p.message());
                target.setInvalid(true);
            }
        }
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        List.of(id, title, tags, licence, labels, diagnoses).forEach(f -> f.setReadOnly(readOnly));
        history.setReadOnly(readOnly);
        source.setReadOnly(readOnly);
        difficulty.setReadOnly(readOnly);
        addPoint.setVisible(!readOnly);
        points.getChildren().forEach(row -> row.getChildren().forEach(c -> {
            if (c instanceof TextArea a) {
                a.setReadOnly(readOnly);
            } else if (c instanceof Button b) {
                b.setVisible(!readOnly);
            }
        }));
    }

    /** The published id never changes: the field is read-only then (the check says so too). */
    void lockId(boolean locked) {
        id.setReadOnly(locked || readOnly);
    }

    private void addPoint(String text) {
        int n = points.getComponentCount() + 1;
        var area = new TextArea("Teaching point " + n);
        area.setValue(text);
        area.setWidthFull();
        area.setId("draft-point-" + n);
        area.setHelperText("Shown after the read is submitted");
        var remove = new Button("Remove", e -> points.remove(e.getSource().getParent().orElseThrow()));
        remove.getElement().setAttribute("aria-label", "Remove teaching point " + n);
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setVisible(!readOnly);
        area.setReadOnly(readOnly);
        var preview = new com.vaadin.flow.component.markdown.Markdown(text);
        preview.addClassName("point-preview");
        preview.getElement().setAttribute("aria-label", "Preview of teaching point " + n);
        area.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        area.addValueChangeListener(e -> preview.setContent(e.getValue()));
        var row = new Div(area, preview, remove);
        row.setWidthFull();
        points.add(row);
    }

    private static CaseManifest text(CaseManifest m, String path, com.vaadin.flow.component.HasValue<?, String> field, String before) {
        String value = field.getValue().strip();
        return value.equals(nz(before).strip()) ? m : ManifestEdit.with(m, path, value.isEmpty() ? null : value);
    }

    private static CaseManifest list(CaseManifest m, String path, TextField field, List<String> before) {
        List<String> value = Arrays.stream(field.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return value.equals(before == null ? List.of() : before) ? m : ManifestEdit.with(m, path, new ArrayList<>(value));
    }

    private static TextField field(String label, String id, String helper) {
        var f = new TextField(label);
        f.setId(id);
        f.setHelperText(helper);
        f.setWidthFull();
        return f;
    }

    private static TextArea area(String label, String id, String helper) {
        var f = new TextArea(label);
        f.setId(id);
        f.setHelperText(helper);
        f.setWidthFull();
        return f;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
