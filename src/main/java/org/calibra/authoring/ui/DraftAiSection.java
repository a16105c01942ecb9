package org.calibra.authoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.calibra.authoring.AiDiscrepancies;
import org.calibra.authoring.DraftContent;
import org.calibra.authoring.DraftImage;
import org.calibra.authoring.DraftProblem;
import org.calibra.authoring.ManifestEdit;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.viewer.AuthoringLayer;

/**
 * The draft's AI output (issue 13): the model card, the case score, the AI's marks in words (label from the case's labels,
 * probability, delete; drawn and moved in the viewer's AI layer), the errors the AI makes on purpose (ADR 0023), the
 * disagreements between marks and truth nobody labelled yet, and the import of an AI product's result files. Writes only
 * {@code ai.model}, {@code ai.score}, {@code ai.findings} and {@code ai.errors}; heatmaps are kept as they are.
 */
class DraftAiSection extends Div implements DraftForm.Drawing {

    private static final Pattern MARK_FIELD = Pattern.compile("^ai\\.findings\\[(\\d+)](?:\\.(\\w+))?");
    private static final Pattern ERROR_FIELD = Pattern.compile("^ai\\.errors\\[(\\d+)](?:\\.(\\w+))?");

    private final Map<String, TextField> card = new LinkedHashMap<>();
    private final NumberField score = new NumberField("Case score (0 to 1)");
    private final Div marks = new Div();
    private final Div errors = new Div();
    private final UnorderedList unlabelled = new UnorderedList();
    private final Button addError = new Button("Label an AI error", e -> addError(new CaseManifest.AiError(CaseManifest.AiError.FALSE_NEGATIVE,
            null, null, null, null)));
    private final List<AiMarkRow> markRows = new ArrayList<>();
    private final List<AiErrorRow> errorRows = new ArrayList<>();
    private final AiImportPanel importer;
    private final List<Registration> listening = new ArrayList<>();
    private CaseStage stage;
    private CaseManifest shown;
    private int images;
    private boolean readOnly;
    private int drawn;

    DraftAiSection(AiImportPanel importer) {
        this.importer = importer;
        setId("draft-ai-section");
        cardField("name", "Model name", "The product's name, as its maker gives it");
        cardField("version", "Model version", "Results differ between versions: the one that gave these results");
        cardField("intendedUse", "Intended use", "Who, which images and which question it is made for; the trainee checks the case against it");
        cardField("trainingData", "Training data", "What it learned from (population, scanners, sequences)");
        cardField("knownFailureModes", "Known failure modes", "Where it is known to go wrong");
        cardField("reportedPerformance", "Reported performance", "Sensitivity, specificity and where they were measured");
        score.setId("draft-ai-score");
        score.setMin(0);
        score.setMax(1);
        score.setStep(0.01);
        score.setHelperText("The AI's overall probability that the case is abnormal");
        score.addValueChangeListener(e -> refresh());
        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        card.values().forEach(form::add);
        form.add(score);
        marks.setId("draft-ai-marks");
        errors.setId("draft-ai-errors");
        unlabelled.setId("draft-ai-unlabelled");
        addError.setId("draft-ai-add-error");
        addError.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new H3("AI output"), form, new H4("The AI's marks"), new Paragraph("Draw and move them with \"AI marks\" under \"Draw on the images\"."), marks,
                new H4("Errors the AI makes on purpose"),
                new Paragraph("Say which mistakes of the AI are the lesson: a lesion it missed, a mark on nothing, or images outside its intended use."),
                errors, addError, new H4("Not labelled yet"), unlabelled, importer);
    }

    @Override
    public AuthoringLayer layer() {
        return AuthoringLayer.AI;
    }

    /** The stage of the draft as now shown (a new one per revision): the section listens to its viewer's AI layer. */
    @Override
    public void bind(CaseStage newStage) {
        listening.forEach(Registration::remove);
        listening.clear();
        this.stage = newStage;
        var v = newStage.viewer();
        listening.add(v.addShapeCreatedListener(e -> {
            if (e.layer() == AuthoringLayer.AI && !readOnly) {
                var s = e.shape();
                String label = shown.labels() == null || shown.labels().isEmpty() ? "" : shown.labels().getFirst();
                addMark(s.id(), new CaseManifest.AiFinding(label, s.imageIndex(), round(s.x()), round(s.y()),
                        s.probability() == null ? 0.5 : s.probability()));
                refresh();
            }
        }));
        listening.add(v.addShapeChangedListener(e -> {
            if (e.layer() == AuthoringLayer.AI && !readOnly) {
                markRows.stream().filter(r -> r.shapeId().equals(e.shape().id())).findFirst().ifPresent(r -> {
                    r.moveTo(e.shape().imageIndex(), round(e.shape().x()), round(e.shape().y()));
                    refresh();
                });
            }
        }));
        listening.add(v.addShapeDeletedListener(e -> {
            if (e.layer() == AuthoringLayer.AI && !readOnly) {
                markRows.stream().filter(r -> r.shapeId().equals(e.shape().id())).findFirst().ifPresent(this::removeMark);
            }
        }));
        pushShapes();
    }

    @Override
    public Component component() {
        return this;
    }

    @Override
    public void show(DraftContent content, List<DraftImage> stack) {
        shown = content.manifest();
        images = stack.size();
        var ai = shown.ai();
        var model = ai == null ? null : ai.model();
        card.forEach((key, f) -> f.setValue(nz(model == null ? null : cardValue(model, key))));
        score.setValue(ai == null ? null : ai.score());
        marks.removeAll();
        markRows.clear();
        errors.removeAll();
        errorRows.clear();
        drawn = 0;
        if (ai != null) {
            ai.findings().forEach(f -> addMark("A" + (++drawn), f));
            ai.errorList().forEach(this::addError);
        }
        setReadOnly(readOnly);
        refresh();
    }

    @Override
    public CaseManifest apply(CaseManifest m) {
        var before = shown.ai();
        var model = model();
        boolean empty = model == null && score.getValue() == null && markRows.isEmpty() && errorRows.isEmpty();
        if (before == null && empty) {
            return m;
        }
        if (before == null || !Objects.equals(model, before.model())) {
            m = ManifestEdit.with(m, "ai.model", model);
        }
        if (before == null || (score.getValue() != null && score.getValue() != before.score())) {
            m = ManifestEdit.with(m, "ai.score", score.getValue() == null ? 0 : score.getValue()); // a cleared score keeps the saved one
        }
        List<CaseManifest.AiFinding> findings = markRows.stream().map(AiMarkRow::finding).toList();
        if (before == null || !findings.equals(before.findings())) {
            m = ManifestEdit.with(m, "ai.findings", findings);
        }
        List<CaseManifest.AiError> labelled = errorRows.stream().map(r -> r.error(markRows)).toList();
        if (!labelled.equals(before == null ? List.of() : before.errorList())) {
            m = ManifestEdit.with(m, "ai.errors", labelled.isEmpty() ? null : labelled);
        }
        return m;
    }

    @Override
    public void showProblems(List<DraftProblem> problems) {
        card.values().forEach(f -> f.setInvalid(false));
        score.setInvalid(false);
        markRows.forEach(AiMarkRow::clearProblems);
        errorRows.forEach(AiErrorRow::clearProblems);
        for (DraftProblem p : problems) {
            String field = p.field() == null ? "" : p.field();
            if (field.equals("ai.score")) {
                mark(score, p.message());
            } else if (field.startsWith("ai.model.") && card.containsKey(field.substring("ai.model.".length()))) {
                mark(card.get(field.substring("ai.model.".length())), p.message());
            }
            Matcher mk = MARK_FIELD.matcher(field);
            if (mk.find() && Integer.parseInt(mk.group(1)) < markRows.size()) {
                markRows.get(Integer.parseInt(mk.group(1))).problem(mk.group(2), p.message());
            }
            Matcher er = ERROR_FIELD.matcher(field);
            if (er.find() && Integer.parseInt(er.group(1)) < errorRows.size()) {
                errorRows.get(Integer.parseInt(er.group(1))).problem(er.group(2), p.message());
            }
        }
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        card.values().forEach(f -> f.setReadOnly(readOnly));
        score.setReadOnly(readOnly);
        markRows.forEach(r -> r.setReadOnly(readOnly));
        errorRows.forEach(r -> r.setReadOnly(readOnly));
        addError.setVisible(!readOnly);
        importer.setReadOnly(readOnly);
    }

    // ----- rows -----

    private void addMark(String shapeId, CaseManifest.AiFinding f) {
        var row = new AiMarkRow(shapeId, f, shown.labels() == null ? List.of() : shown.labels(), images, this::refresh, this::removeMark);
        row.setReadOnly(readOnly);
        markRows.add(row);
        marks.add(row);
        renumber();
    }

    private void removeMark(AiMarkRow row) {
        markRows.remove(row);
        marks.remove(row);
        renumber();
        refresh();
    }

    private void addError(CaseManifest.AiError e) {
        var row = new AiErrorRow(e, lesionIds(), markRows, this::refresh, r -> {
            errorRows.remove(r);
            errors.remove(r);
            refresh();
        });
        row.setReadOnly(readOnly);
        errorRows.add(row);
        errors.add(row);
        refresh();
    }

    private void renumber() {
        for (int i = 0; i < markRows.size(); i++) {
            markRows.get(i).number(i + 1);
        }
        errorRows.forEach(r -> r.marksChanged(markRows));
    }

    /** After any change: the viewer's AI layer and the list of disagreements nobody labelled. */
    private void refresh() {
        pushShapes();
        if (shown == null) {
            return;
        }
        unlabelled.removeAll();
        var words = AiDiscrepancies.of(apply(shown));
        if (words.isEmpty()) {
            unlabelled.add(new ListItem("Every difference between the AI's marks and the truth is labelled."));
        }
        words.forEach(w -> unlabelled.add(new ListItem(w)));
    }

    private void pushShapes() {
        if (stage != null) {
            stage.setShapes(AuthoringLayer.AI, markRows.stream().map(AiMarkRow::shape).toList());
        }
    }

    private List<String> lesionIds() {
        return shown.truth() == null ? List.of() : shown.truth().findings().stream().map(CaseManifest.TruthFinding::id).toList();
    }

    private CaseManifest.ModelCard model() {
        Map<String, String> v = new LinkedHashMap<>();
        card.forEach((k, f) -> v.put(k, f.getValue().isBlank() ? null : f.getValue().strip()));
        if (v.values().stream().allMatch(Objects::isNull)) {
            return null;
        }
        return new CaseManifest.ModelCard(v.get("name"), v.get("version"), v.get("intendedUse"), v.get("trainingData"),
                v.get("knownFailureModes"), v.get("reportedPerformance"));
    }

    private static String cardValue(CaseManifest.ModelCard m, String key) {
        return switch (key) {
            case "name" -> m.name();
            case "version" -> m.version();
            case "intendedUse" -> m.intendedUse();
            case "trainingData" -> m.trainingData();
            case "knownFailureModes" -> m.knownFailureModes();
            default -> m.reportedPerformance();
        };
    }

    private void cardField(String key, String label, String help) {
        var f = new TextField(label);
        f.setId("draft-ai-model-" + key);
        f.setHelperText(help);
        f.setWidthFull();
        f.addValueChangeListener(e -> refresh());
        card.put(key, f);
    }

    static void mark(HasValidation field, String message) {
        if (!field.isInvalid()) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
