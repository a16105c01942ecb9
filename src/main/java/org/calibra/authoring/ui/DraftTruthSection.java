package org.calibra.authoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.calibra.authoring.DraftContent;
import org.calibra.authoring.DraftImage;
import org.calibra.authoring.DraftProblem;
import org.calibra.authoring.ManifestEdit;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.content.CaseManifest.TruthFinding;
import org.calibra.viewer.AuthoringEvents;
import org.calibra.viewer.AuthoringLayer;
import org.calibra.viewer.ViewerShape;

/**
 * The case's ground truth: normal or abnormal and, if abnormal, its diagnosis from the case's own list; and its lesions,
 * drawn on the images (the viewer's truth layer) and listed here in words — label from the case's labels, weight,
 * images spanned, an optional code — each editable and deletable. Drawing adds, changes and deletes lesions
 * ({@link DrawnLesions}); editing the list redraws them. Writes only {@code truth.diagnosis} and {@code truth.findings},
 * and only when they changed. Nothing here is trusted: the draft's checks judge it on save (staff-only page).
 */
class DraftTruthSection extends Div implements DraftForm.Drawing {

    static final Pattern LESION_FIELD = Pattern.compile("^truth\\.findings\\[(\\d+)](?:\\.(.*))?$");

    private final RadioButtonGroup<Boolean> abnormal = new RadioButtonGroup<>("The case is");
    private final ComboBox<String> diagnosis = new ComboBox<>("True diagnosis");
    private final Paragraph warning = new Paragraph();
    private final Paragraph sectionProblems = new Paragraph();
    private final Paragraph empty = new Paragraph("No lesions yet: choose \u201cTruth lesions\u201d under \u201cDraw on the images\u201d"
            + " and draw each lesion on the image.");
    private final Div list = new Div();
    private final Button spread = new Button("Spread weights evenly", e -> spreadWeights());
    private final List<TruthFinding> lesions = new ArrayList<>();
    /** The viewer's id of a shape drawn since the last redraw ("truth-3") → the lesion's id ("L3"). */
    private final Map<String, String> shapeIds = new HashMap<>();
    private final List<Registration> bound = new ArrayList<>();
    private final LesionRow.Actions rowActions = new LesionRow.Actions() {
        @Override
        public void edited(int index, TruthFinding f, boolean drawn) {
            lesions.set(index, f);
            warn();
            if (drawn) {
                redraw();
            }
        }

        @Override
        public void delete(int index) {
            lesions.remove(index);
            rows();
            redraw();
        }

        @Override
        public void show(String lesionId) {
            select(lesionId);
            if (stage != null) {
                stage.viewer().selectShape(shapeIdOf(lesionId));
            }
        }
    };
    private CaseManifest shown;
    private List<DraftImage> stack = List.of();
    private CaseStage stage;
    private boolean readOnly;
    private String selected;

    DraftTruthSection() {
        setId("draft-truth-section");
        abnormal.setId("draft-truth-kind");
        abnormal.setItems(false, true);
        abnormal.setItemLabelGenerator(a -> a ? "Abnormal" : "Normal: nothing to find");
        abnormal.addValueChangeListener(e -> {
            diagnosis.setVisible(Boolean.TRUE.equals(e.getValue()));
            warn();
        });
        diagnosis.setId("draft-diagnosis");
        diagnosis.setHelperText("One of the case's diagnoses (listed under Text)");
        diagnosis.setWidthFull();
        warning.setId("draft-truth-warning");
        warning.addClassName("form-warning");
        warning.getElement().setAttribute("role", "status");
        sectionProblems.setId("draft-truth-problems");
        sectionProblems.addClassName("form-error");
        empty.setId("draft-lesions-empty");
        list.setId("draft-lesions");
        list.getElement().setAttribute("role", "list");
        list.getElement().setAttribute("aria-label", "Lesions");
        spread.setId("draft-spread-weights");
        spread.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        spread.setTooltipText("The weights of a case's lesions sum to 1; this gives each the same share");
        add(new H3("Truth"), abnormal, diagnosis, warning, sectionProblems, new H3("Lesions"), empty, list, spread);
    }

    @Override
    public Component component() {
        return this;
    }

    @Override
    public AuthoringLayer layer() {
        return AuthoringLayer.TRUTH;
    }

    @Override
    public void show(DraftContent content, List<DraftImage> images) {
        shown = content.manifest();
        stack = images == null ? List.of() : images;
        lesions.clear();
        shapeIds.clear();
        selected = null;
        if (shown.truth() != null) {
            lesions.addAll(shown.truth().findings());
        }
        String dx = shown.truth() == null ? null : shown.truth().diagnosis();
        List<String> choices = new ArrayList<>(vocabulary(shown.diagnoses()).stream().filter(d -> !CaseManifest.NORMAL.equals(d)).toList());
        if (dx != null && !CaseManifest.NORMAL.equals(dx) && !choices.contains(dx)) {
            choices.add(dx); // shown as it is; the check says it is not one of the diagnoses
        }
        diagnosis.setItems(choices);
        diagnosis.setValue(dx == null || CaseManifest.NORMAL.equals(dx) ? null : dx);
        abnormal.setValue(dx == null ? null : !CaseManifest.NORMAL.equals(dx));
        diagnosis.setVisible(!Boolean.FALSE.equals(abnormal.getValue()));
        rows();
    }

    @Override
    public void bind(CaseStage s) {
        bound.forEach(Registration::remove);
        bound.clear();
        stage = s;
        var viewer = s.viewer();
        bound.add(viewer.addShapeCreatedListener(e -> ifTruth(e, this::created)));
        bound.add(viewer.addShapeChangedListener(e -> ifTruth(e, this::changed)));
        bound.add(viewer.addShapeDeletedListener(e -> ifTruth(e, this::deleted)));
        bound.add(viewer.addShapeSelectedListener(e -> {
            if (e.layer() == AuthoringLayer.TRUTH) {
                select(e.shapeId().isEmpty() ? null : lesionId(e.shapeId()));
            }
        }));
        redraw();
    }

    @Override
    public CaseManifest apply(CaseManifest m) {
        String before = shown.truth() == null ? null : shown.truth().diagnosis();
        String now = abnormal.getValue() == null ? before : abnormal.getValue() ? diagnosis.getValue() : CaseManifest.NORMAL;
        if (!Objects.equals(now, before)) {
            m = ManifestEdit.with(m, "truth.diagnosis", now);
        }
        if (!lesions.equals(shown.truth() == null ? List.of() : shown.truth().findings())) {
            m = ManifestEdit.with(m, "truth.findings", List.copyOf(lesions));
        }
        return m;
    }

    @Override
    public void showProblems(List<DraftProblem> problems) {
        diagnosis.setInvalid(false);
        List<String> whole = new ArrayList<>();
        Map<Integer, List<DraftProblem>> byLesion = new HashMap<>();
        for (DraftProblem p : problems) {
            String field = p.field() == null ? "" : p.field();
            Matcher m = LESION_FIELD.matcher(field);
            if (field.equals("truth.diagnosis")) {
                diagnosis.setErrorMessage(p.message());
                diagnosis.setInvalid(true);
            } else if (m.matches()) {
                byLesion.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>()).add(p);
            } else if (field.equals("truth.findings") || field.equals("truth")) {
                whole.add(p.toString());
            }
        }
        sectionProblems.setText(String.join(" ", whole));
        sectionProblems.setVisible(!whole.isEmpty());
        list.getChildren().filter(LesionRow.class::isInstance).map(LesionRow.class::cast)
                .forEach(r -> r.problems(byLesion.getOrDefault(r.index(), List.of())));
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        abnormal.setReadOnly(readOnly);
        diagnosis.setReadOnly(readOnly);
        spread.setVisible(!readOnly);
        rows();
    }

    // ---- the viewer's truth layer ------------------------------------------------------------------------------------

    private void ifTruth(AuthoringEvents.ShapeEvent e, java.util.function.Consumer<ViewerShape> step) {
        if (e.layer() == AuthoringLayer.TRUTH && !readOnly) {
            step.accept(e.shape());
        }
    }

    private void created(ViewerShape s) {
        String id = DrawnLesions.nextId(lesions.stream().map(TruthFinding::id).toList());
        shapeIds.put(s.id(), id);
        var f = DrawnLesions.finding(s, id, null);
        List<String> labels = vocabulary(shown.labels());
        if (f.label().isEmpty() && labels.size() == 1) {
            f = DrawnLesions.with(f, labels.getFirst(), null, f.firstImage(), f.lastImage(), null);
        }
        lesions.add(f);
        selected = id;
        changedByViewer();
    }

    private void changed(ViewerShape s) {
        int i = indexOf(lesionId(s.id()));
        if (i >= 0) {
            lesions.set(i, DrawnLesions.finding(s, lesions.get(i).id(), lesions.get(i)));
            changedByViewer();
        }
    }

    private void deleted(ViewerShape s) {
        int i = indexOf(lesionId(s.id()));
        if (i >= 0) {
            lesions.remove(i);
            changedByViewer();
        }
    }

    /** The viewer already draws what it reported: only the list and the stage's copy follow (its undo history stays). */
    private void changedByViewer() {
        rows();
        if (stage != null) {
            stage.keepShapes(AuthoringLayer.TRUTH, ManifestShapes.truth(lesions));
        }
    }

    /** The list changed a lesion: the viewer draws the lesions again, under their own ids. */
    private void redraw() {
        shapeIds.clear();
        if (stage != null) {
            stage.setShapes(AuthoringLayer.TRUTH, ManifestShapes.truth(lesions));
        }
    }

    /** The id the viewer knows a lesion by: its own, or the viewer's if it was drawn since the layer was last sent. */
    private String shapeIdOf(String lesionId) {
        return shapeIds.entrySet().stream().filter(e -> e.getValue().equals(lesionId)).map(Map.Entry::getKey).findFirst().orElse(lesionId);
    }

    private String lesionId(String shapeId) {
        return shapeIds.getOrDefault(shapeId, shapeId);
    }

    private int indexOf(String id) {
        for (int i = 0; i < lesions.size(); i++) {
            if (lesions.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private void select(String id) {
        selected = id;
        list.getChildren().filter(LesionRow.class::isInstance).map(LesionRow.class::cast).forEach(r -> {
            boolean on = r.lesionId().equals(id);
            r.setClassName("selected", on);
            if (on) {
                r.scrollIntoView();
            }
        });
    }

    // ---- the list ----------------------------------------------------------------------------------------------------

    private void rows() {
        list.removeAll();
        for (int i = 0; i < lesions.size(); i++) {
            list.add(new LesionRow(i, lesions.get(i), vocabulary(shown.labels()), Math.max(stack.size(), 1), readOnly,
                    lesions.get(i).id().equals(selected), rowActions));
        }
        empty.setVisible(lesions.isEmpty());
        spread.setEnabled(!lesions.isEmpty());
        warn();
    }

    /** Said at once, before any save: a normal case with lesions, or weights that do not sum to 1. */
    private void warn() {
        List<String> words = new ArrayList<>();
        if (Boolean.FALSE.equals(abnormal.getValue()) && !lesions.isEmpty()) {
            words.add("A normal case has no lesions: mark the case abnormal and choose its diagnosis, or delete the "
                    + (lesions.size() == 1 ? "lesion." : lesions.size() + " lesions."));
        }
        if (Boolean.TRUE.equals(abnormal.getValue()) && lesions.isEmpty()) {
            words.add("An abnormal case needs at least one lesion: draw it on the images.");
        }
        long weighted = lesions.stream().filter(f -> f.weight() != null).count();
        double sum = lesions.stream().filter(f -> f.weight() != null).mapToDouble(TruthFinding::weight).sum();
        if (weighted > 0 && weighted < lesions.size()) {
            words.add("Give every lesion a weight or none (" + weighted + " of " + lesions.size() + " have one), or spread them evenly.");
        } else if (weighted > 0 && Math.abs(sum - 1) > 1e-6) {
            words.add("The weights sum to " + Words.number(sum) + "; they must sum to 1.");
        }
        warning.setText(String.join(" ", words));
        warning.setVisible(!words.isEmpty());
    }

    private void spreadWeights() {
        List<Double> weights = DrawnLesions.evenWeights(lesions.size());
        for (int i = 0; i < lesions.size(); i++) {
            var f = lesions.get(i);
            lesions.set(i, DrawnLesions.with(f, f.label(), weights.get(i), f.firstImage(), f.lastImage(), f.code()));
        }
        rows();
    }

    private static List<String> vocabulary(List<String> words) {
        return words == null ? List.of() : words;
    }
}
