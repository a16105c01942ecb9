package org.calibra.reading.parts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.calibra.casebank.CaseForReading;
import org.calibra.curriculum.ReadingMode;
import org.calibra.shared.DisplayWords;
import org.calibra.reading.MarkShape;
import org.calibra.reading.ReadPhase;
import org.calibra.reading.ReadSubmission;
import org.calibra.reading.SubmittedRead;
import org.calibra.viewer.CalibraViewer;

/**
 * The reading page's content — viewer, case header, AI section as the reading mode allows, findings, assessment and
 * submit — for one case. Used by the resident's reading view and by the educator's preview (issue 13), so both show
 * exactly the same page; what happens on "ask for the AI" and "submit" is the caller's (stored, or kept in memory).
 * It only ever holds a {@link CaseForReading}: nothing about ground truth.
 */
public final class ReadingDesk {

    /** What the page does with the trainee's actions: record them (a resident) or not (a preview). */
    public interface Actions {
        /** The trainee asked for the AI (on request); false when refused (the caller has said why). */
        boolean aiRequested();

        /** Submit (or commit a first read); false when it did not go through, so the button is enabled again. */
        boolean submit(ReadSubmission submission);

        /** A mark or an answer was given: there is now work to lose by leaving. */
        void workStarted();
    }

    private final CaseForReading kase;
    private final List<CalibraViewer.Image> images;
    private final ReadingMode mode;
    private final ReadPhase phase;
    private final long moduleId;
    private final String crumb;
    private final List<Component> notices;
    private final Actions actions;
    private final DraftRead draft;
    private final boolean aiAvailable;
    private CalibraViewer viewer;
    private FindingsPanel findings;

    /**
     * @param initial in a second-reader revision, the committed first read it starts from
     * @param notices extra paragraphs for the case header (a repeat, a preview)
     */
    public ReadingDesk(CaseForReading kase, List<CalibraViewer.Image> images, ReadingMode mode, ReadPhase phase, long moduleId, String crumb,
                       Optional<SubmittedRead> initial, List<Component> notices, Clock clock, Actions actions) {
        this.kase = kase;
        this.images = images;
        this.mode = mode;
        this.phase = phase;
        this.moduleId = moduleId;
        this.crumb = crumb;
        this.notices = notices;
        this.actions = actions;
        boolean onRequest = mode == ReadingMode.ON_REQUEST;
        aiAvailable = mode == ReadingMode.CONCURRENT || onRequest || (mode == ReadingMode.SECOND_READER && phase == ReadPhase.FINAL);
        draft = new DraftRead(clock, aiAvailable, aiAvailable && !onRequest, onRequest);
        initial.ifPresent(draft::prefill);
    }

    /** The phase a case opens in: a second reader's first read is unaided; its revision and every other read are final. */
    public static ReadPhase phaseFor(ReadingMode mode, boolean firstReadCommitted) {
        return mode == ReadingMode.SECOND_READER && !firstReadCommitted ? ReadPhase.INITIAL : ReadPhase.FINAL;
    }

    /** Whether leaving now would lose a mark or an answer. */
    public boolean dirty() {
        return draft.dirty();
    }

    /** Adds the viewer stage and the side panel to {@code page} (whose layout places them). */
    public void addTo(HasComponents page) {
        viewer = new CalibraViewer();
        viewer.setImages(images);
        viewer.setMarkingEnabled(true);
        viewer.setModality(kase.modality());
        if (aiAvailable && draft.aiUnlocked()) {
            sendAiToViewer();
        }
        viewer.setAiVisible(draft.aiVisible());
        viewer.addMarkPlacedListener(e -> {
            var shape = MarkShape.fromCode(e.shape()).orElse(MarkShape.POINT);
            draft.addMark(e.imageIndex(), e.x(), e.y(), shape, e.width(), e.height(), kase.labels().getFirst());
            marksChanged();
            findings.refresh();
            actions.workStarted();
        });
        viewer.addMarkDeleteRequestedListener(e -> {
            draft.remove(e.markId());
            marksChanged();
            findings.refresh();
        });
        viewer.addMarkSelectedListener(e -> {
            draft.select(e.markId());
            marksChanged();
            findings.markSelected(e.markId());
        });
        viewer.addViewerErrorListener(e -> Notification.show(e.message(), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR));
        var stage = new Div(viewer);
        stage.addClassName("viewer-stage");

        var panel = new Div();
        panel.addClassName("side-panel");
        panel.getElement().setAttribute("role", "complementary");
        panel.getElement().setAttribute("aria-label", "Case and your read");
        panel.add(header());
        if (aiAvailable) {
            panel.add(aiSection());
        }
        if (mode == ReadingMode.SECOND_READER) {
            panel.add(secondReaderNote());
        }
        findings = new FindingsPanel(draft, kase.labels(), this::marksChanged);
        panel.add(findings, assessment());
        page.add(stage, panel);
        marksChanged();
    }

    private Div header() {
        var crumbText = new Span(crumb + " · " + mode.displayName());
        crumbText.addClassName("crumb");
        var title = new H1(kase.title());
        title.setId("case-title");
        var history = new Paragraph(kase.clinicalHistory());
        history.setId("clinical-history");
        var meta = new Span(DisplayWords.modality(kase.modality()) + (kase.bodyPart() != null ? " · " + DisplayWords.bodyPart(kase.bodyPart()) : "")
                + " · " + DisplayWords.count(kase.images().size(), "image", "images"));
        meta.addClassName("meta");
        var d = new Div(crumbText, title, meta, history);
        if (kase.synthetic()) {
            d.addComponentAtIndex(3, syntheticBadge());
        }
        notices.forEach(d::add);
        d.addClassName("panel-section");
        return d;
    }

    static Span syntheticBadge() {
        var badge = new Span("Synthetic case: generated images with exact ground truth, not a patient");
        badge.setId("synthetic-badge");
        badge.getElement().getThemeList().add("badge contrast");
        return badge;
    }

    /**
     * The AI's output goes to the browser only when the trainee may see it: from the start in concurrent
     * and second-reader revisions, and in on-request modules only once they have asked.
     */
    private void sendAiToViewer() {
        viewer.setAiMarks(kase.ai().marks().stream().map(a -> new CalibraViewer.ViewerAiMark(a.id(), a.imageIndex(), a.x(), a.y(),
                a.label(), a.probability(), null)).toList());
        viewer.setHeatmaps(kase.ai().heatmaps().stream().map(h -> new CalibraViewer.Heatmap(h.imageIndex(), h.url())).toList());
    }

    private Div aiSection() {
        var d = new Div(new H3("AI"));
        d.setId("ai-section");
        d.addClassName("panel-section");
        if (draft.aiUnlocked()) {
            fillAiSection(d);
            return d;
        }
        var offer = new Paragraph("An AI suggestion is available for this case. It stays hidden until you ask for it; "
                + "whether and when you ask is recorded. Consider reading the image yourself first.");
        offer.setId("ai-offer");
        var ask = new Button("Show the AI suggestion", e -> {
            if (!actions.aiRequested()) {
                return;
            }
            draft.requestAi();
            sendAiToViewer();
            viewer.setAiVisible(draft.aiVisible());
            d.removeAll();
            d.add(new H3("AI"));
            fillAiSection(d);
        });
        ask.setId("ai-request");
        d.add(offer, ask);
        return d;
    }

    private void fillAiSection(Div d) {
        var ai = kase.ai();
        var score = new Span("AI suggestion: " + Math.round(ai.score() * 100) + "% likely abnormal · "
                + DisplayWords.count(ai.marks().size(), "mark", "marks"));
        score.setId("ai-score");
        var toggle = new Button(draft.aiVisible() ? "Hide AI marks" : "Show AI marks");
        toggle.setId("ai-toggle");
        toggle.addClickListener(e -> {
            draft.toggleAi();
            viewer.setAiVisible(draft.aiVisible());
            toggle.setText(draft.aiVisible() ? "Hide AI marks" : "Show AI marks");
        });
        var card = new Button("Model card", e -> new ModelCardDialog(ai.model()).open());
        card.setId("model-card-button");
        card.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var note = new Paragraph("The AI can be wrong. Read the image yourself; use the AI as a second opinion.");
        note.addClassName("hint");
        d.add(score);
        DisplayWords.aiNumbers(ai.score(), ai.marks().stream().map(CaseForReading.AiMark::probability).toList()).ifPresent(text -> {
            var why = new Paragraph(text);
            why.setId("ai-numbers");
            why.addClassName("hint");
            d.add(why);
        });
        d.add(new Div(toggle, card), note);
    }

    private Div secondReaderNote() {
        var text = new Paragraph(phase == ReadPhase.INITIAL
                ? "AI as second reader: make and commit your own read first. Then the AI's suggestion is shown and you may revise it; both reads are kept."
                : "Your first read is committed. The AI's suggestion is now shown: keep or revise your marks and assessment, then submit the final read.");
        text.setId("second-reader-note");
        var d = new Div(text);
        d.addClassName("panel-section");
        return d;
    }

    private Div assessment() {
        var normalAbnormal = new RadioButtonGroup<String>("Overall assessment");
        normalAbnormal.setItems("Normal", "Abnormal");
        normalAbnormal.setId("assessment");
        var diagnosis = new Select<String>();
        diagnosis.setLabel("Diagnosis");
        diagnosis.setItems(kase.diagnoses().stream().filter(x -> !x.equals("normal")).toList());
        diagnosis.setItemLabelGenerator(DisplayWords::term); // the slug stays the value that is submitted and checked
        diagnosis.addClassName("wide-select");
        diagnosis.setId("diagnosis");
        diagnosis.setEnabled(false);
        normalAbnormal.addValueChangeListener(e -> {
            actions.workStarted();
            draft.setAbnormal("Abnormal".equals(e.getValue()));
            diagnosis.setEnabled(draft.abnormal());
        });
        diagnosis.addValueChangeListener(e -> draft.setDiagnosis(e.getValue()));
        var confidence = new RadioButtonGroup<Integer>("Confidence in your assessment (1 = unsure, 5 = certain)");
        confidence.setItems(1, 2, 3, 4, 5);
        confidence.setId("overall-confidence");
        confidence.addValueChangeListener(e -> draft.setOverallConfidence(e.getValue()));
        if (draft.abnormal() != null) { // a second reader's revision starts from the committed first read
            normalAbnormal.setValue(draft.abnormal() ? "Abnormal" : "Normal");
            diagnosis.setValue(draft.abnormal() ? draft.diagnosis() : null);
            confidence.setValue(draft.overallConfidence());
        }
        String submitText = phase == ReadPhase.INITIAL ? "Commit first read"
                : mode == ReadingMode.SECOND_READER ? "Submit final read" : "Submit read";
        var submit = new Button(submitText, e -> submit(e.getSource()));
        submit.setDisableOnClick(true);
        submit.setId("submit-read");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var note = new Paragraph("A submitted read cannot be changed.");
        note.addClassName("hint");
        var d = new Div(new H3("Your assessment"), normalAbnormal, diagnosis, confidence, submit, note);
        d.addClassName("panel-section");
        return d;
    }

    private void marksChanged() {
        viewer.setMarks(draft.marks().stream().map(m -> new CalibraViewer.ViewerMark(m.key, m.imageIndex, m.x, m.y, m.shape.code(), m.width,
                m.height, m.label(), m.confidence(), m.key.equals(draft.selected()), null)).toList());
    }

    private void submit(Button button) {
        var missing = draft.missing();
        if (missing.isPresent()) {
            Notification.show(missing.get(), 4000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_WARNING);
            button.setEnabled(true);
            return;
        }
        if (!actions.submit(draft.toSubmission(moduleId, kase.versionId(), phase))) {
            button.setEnabled(true);
        }
    }
}
