package org.calibra.reading.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import org.calibra.casebank.CaseForReading;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.curriculum.ReadingMode;
import org.calibra.reading.AttemptInfo;
import org.calibra.reading.ReadPhase;
import org.calibra.reading.ReadRejectedException;
import org.calibra.reading.SubmittedRead;
import org.calibra.reading.ReadingService;
import org.calibra.security.Role;
import org.calibra.shared.Routes;
import org.calibra.viewer.CalibraViewer;

/**
 * Reading one case: the viewer fills the page, the side panel holds the case, the AI suggestion
 * (as the module's mode allows), the findings and the overall assessment. Nothing about ground truth
 * is on this page: it only ever receives a {@link CaseForReading}.
 */
@Route(Routes.READ + "/:moduleId/:caseVersionId")
@PageTitle("Reading — Calibra")
@RolesAllowed(Role.RESIDENT_NAME)
class ReadingView extends Div implements BeforeEnterObserver, BeforeLeaveObserver {

    private static final Logger log = LoggerFactory.getLogger(ReadingView.class);

    private final ReadingService reading;
    private final Clock clock;
    private CalibraViewer viewer;
    private ModuleInfo module;
    private CaseForReading kase;
    private DraftRead draft;
    private FindingsPanel findings;
    private boolean submitted;
    private ReadPhase phase = ReadPhase.FINAL;

    private final org.calibra.dicomweb.DicomWebLinks dicomWeb;

    ReadingView(ReadingService reading, Clock clock, org.calibra.dicomweb.DicomWebLinks dicomWeb) {
        this.dicomWeb = dicomWeb;
        this.reading = reading;
        this.clock = clock;
        setId("reading-view");
        addClassName("reading-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long moduleId = event.getRouteParameters().getLong("moduleId").orElse(-1L);
        long versionId = event.getRouteParameters().getLong("caseVersionId").orElse(-1L);
        var existing = reading.readOf(moduleId, versionId);
        if (existing.isPresent()) {
            event.forwardTo(Routes.feedback(existing.get()));
            return;
        }
        module = reading.module(moduleId).orElseThrow(() -> new NotFoundException("This module does not exist."));
        kase = reading.openCase(moduleId, versionId).orElseThrow(() -> new NotFoundException("This case is not part of the module."));
        if (reading.startOrResume(moduleId).status() != AttemptInfo.Status.IN_PROGRESS) {
            event.forwardTo(Routes.module(moduleId)); // the attempt is over: nothing more can be read in it
            return;
        }
        boolean secondReader = module.readingMode() == ReadingMode.SECOND_READER;
        var initial = secondReader ? reading.initialReadOf(moduleId, versionId) : java.util.Optional.<SubmittedRead>empty();
        phase = secondReader && initial.isEmpty() ? ReadPhase.INITIAL : ReadPhase.FINAL;
        boolean onRequest = module.readingMode() == ReadingMode.ON_REQUEST;
        boolean aiAvailable = module.readingMode() == ReadingMode.CONCURRENT || onRequest || (secondReader && phase == ReadPhase.FINAL);
        draft = new DraftRead(clock, aiAvailable, aiAvailable && !onRequest, onRequest);
        initial.ifPresent(draft::prefill);
        build(aiAvailable);
    }

    private void build(boolean aiAvailable) {
        removeAll();
        viewer = new CalibraViewer();
        viewer.setImages(dicomWeb.stackImages(kase).stream().map(s -> new CalibraViewer.Image(s.url(), s.frame(), s.wadoRs(), s.metadata())).toList());
        viewer.setMarkingEnabled(true);
        viewer.setModality(kase.modality());
        if (aiAvailable && draft.aiUnlocked()) {
            sendAiToViewer();
        }
        viewer.setAiVisible(draft.aiVisible());
        viewer.addMarkPlacedListener(e -> {
            var shape = org.calibra.reading.MarkShape.fromCode(e.shape()).orElse(org.calibra.reading.MarkShape.POINT);
            draft.addMark(e.imageIndex(), e.x(), e.y(), shape, e.width(), e.height(), kase.labels().getFirst());
            marksChanged();
            findings.refresh();
            guardUnsavedWork();
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
        if (module.readingMode() == ReadingMode.SECOND_READER) {
            panel.add(secondReaderNote());
        }
        findings = new FindingsPanel(draft, kase.labels(), this::marksChanged);
        panel.add(findings, assessment());
        add(stage, panel);
        marksChanged();
    }

    private Div header() {
        var crumb = new Span(module.title() + " · " + module.readingMode().displayName());
        crumb.addClassName("crumb");
        var title = new H2(kase.title());
        title.setId("case-title");
        var history = new Paragraph(kase.clinicalHistory());
        history.setId("clinical-history");
        var meta = new Span(kase.modality() + (kase.bodyPart() != null ? " · " + kase.bodyPart() : "") + " · " + kase.images().size() + " image(s)");
        meta.addClassName("meta");
        var d = new Div(crumb, title, meta, history);
        if (kase.synthetic()) {
            d.addComponentAtIndex(3, syntheticBadge());
        }
        if (reading.isRepeat(module.id(), kase.versionId())) {
            var repeat = new Paragraph("You have seen this case's answer before, in an earlier read. Read it again for practice: "
                    + "you get feedback as usual, but this read does not count towards the module.");
            repeat.setId("repeat-notice");
            repeat.addClassName("hint");
            d.add(repeat);
        }
        d.addClassName("panel-section");
        return d;
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

    static Span syntheticBadge() {
        var badge = new Span("Synthetic case: generated images with exact ground truth, not a patient");
        badge.setId("synthetic-badge");
        badge.getElement().getThemeList().add("badge contrast");
        return badge;
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
            try {
                reading.recordAiRequest(module.id(), kase.versionId()); // the server's record: heatmaps are served from now on
            } catch (org.calibra.reading.ReadRejectedException ex) {
                Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
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
        var score = new Span("AI suggestion: " + Math.round(ai.score() * 100) + "% likely abnormal · " + ai.marks().size() + " mark(s)");
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
        d.add(score, new Div(toggle, card), note);
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
        diagnosis.setId("diagnosis");
        diagnosis.setEnabled(false);
        normalAbnormal.addValueChangeListener(e -> {
            guardUnsavedWork();
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
                : module.readingMode() == ReadingMode.SECOND_READER ? "Submit final read" : "Submit read";
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
        viewer.setMarks(draft.marks().stream().map(m -> new CalibraViewer.ViewerMark(m.key, m.imageIndex, m.x, m.y, m.shape.code(), m.width, m.height, m.label(), m.confidence(),
                m.key.equals(draft.selected()), null)).toList());
    }

    private void submit(Button button) {
        var missing = draft.missing();
        if (missing.isPresent()) {
            Notification.show(missing.get(), 4000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_WARNING);
            button.setEnabled(true);
            return;
        }
        try {
            var read = reading.submit(draft.toSubmission(module.id(), kase.versionId(), phase));
            submitted = true;
            getUI().ifPresent(ui -> {
                ui.getPage().executeJs("window.onbeforeunload = null;");
                if (phase == ReadPhase.INITIAL) {
                    ui.getPage().reload(); // the same case again, now with the AI shown and the first read to revise
                } else {
                    ui.navigate(Routes.feedback(read.readId()));
                }
            });
        } catch (ReadRejectedException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            button.setEnabled(true);
        } catch (RuntimeException e) {
            String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
            log.error("Submitting a read failed (reference {})", reference, e);
            Notification.show("Your read was NOT saved because of an error on our side (reference " + reference
                    + "). Your marks are still here: try again, or tell your administrator the reference.", 10000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            button.setEnabled(true);
        }
    }

    /** Leaving with an unsubmitted read asks first: in the app, and (for reload or closing the tab) in the browser. */
    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (submitted || draft == null || !draft.dirty()) {
            return;
        }
        var action = event.postpone();
        var confirm = new ConfirmDialog("Leave this case?", "Your marks and assessment for this case are not submitted and will be lost.",
                "Leave", e -> {
                    getUI().ifPresent(ui -> ui.getPage().executeJs("window.onbeforeunload = null;"));
                    action.proceed();
                }, "Stay", e -> { });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setId("leave-confirm");
        confirm.open();
    }

    private void guardUnsavedWork() {
        getUI().ifPresent(ui -> ui.getPage().executeJs("window.onbeforeunload = e => { e.preventDefault(); return ''; };"));
    }
}
