package org.calibra.authoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouterLink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calibra.authoring.TraineePreview;
import org.calibra.casebank.CaseForReading;
import org.calibra.competency.parts.FeedbackParts;
import org.calibra.curriculum.ReadingMode;
import org.calibra.reading.ReadPhase;
import org.calibra.reading.ReadSubmission;
import org.calibra.reading.parts.ReadingDesk;
import org.calibra.scoring.ReadFeedback;
import org.calibra.viewer.CalibraViewer;

/**
 * "Preview as a trainee" (issue 13): the resident's reading page, in the reading mode the educator picks, then the
 * resident's feedback page — the same parts, so what the educator sees is what a resident will see. A banner says nothing
 * is recorded, and nothing is: the read stays in this page ({@link TraineePreview}). As for a resident, the truth reaches
 * the browser only with the feedback, after the read is submitted. Of a case version ({@link TraineePreviewView}) or of a
 * draft ({@link DraftPreviewView}).
 */
abstract class PreviewPage extends Div implements BeforeEnterObserver {

    protected final TraineePreview preview;
    private final Clock clock;
    private final Div body = new Div();
    private CaseForReading kase;
    private List<CalibraViewer.Image> images;
    private ReadingMode mode = ReadingMode.CONCURRENT;

    PreviewPage(TraineePreview preview, Clock clock) {
        this.preview = preview;
        this.clock = clock;
        setId("trainee-preview");
        addClassName("preview-page");
        body.addClassName("reading-view");
        add(banner(), body);
    }

    /** Shows the case (only what a trainee receives) and its images; then the reading page. */
    protected void start(CaseForReading kase, List<CalibraViewer.Image> images) {
        this.kase = kase;
        this.images = images;
        mode = ReadingMode.CONCURRENT;
        read(Optional.empty());
    }

    /** Nothing to read: why, in words, and the way back. */
    protected void refused(String why) {
        body.removeAll();
        body.setId("preview-refused");
        var text = new Paragraph(why);
        text.setId("preview-refused-reason");
        var d = new Div(text, backLink());
        d.addClassName("page");
        body.add(d);
    }

    /** The preview read scored in memory; empty when the case is no longer there for this user. */
    protected abstract Optional<ReadFeedback> score(ReadingMode mode, ReadSubmission read, Optional<ReadSubmission> firstRead);

    /** Back to where the preview was opened from. */
    protected abstract RouterLink backLink();

    /** Always on screen, above the page, read out by screen readers when it appears. */
    private static Div banner() {
        var text = new Span("Preview — nothing you do here is recorded");
        var d = new Div(text);
        d.setId("preview-banner");
        d.addClassName("preview-banner");
        d.getElement().setAttribute("role", "status");
        return d;
    }

    /** The reading page; {@code firstRead}: in a second-reader preview, the committed unaided read the revision starts from. */
    private void read(Optional<ReadSubmission> firstRead) {
        body.removeAll();
        body.setId("reading-view"); // the resident's page, by the same ids
        ReadPhase phase = ReadingDesk.phaseFor(mode, firstRead.isPresent());
        var initial = firstRead.map(f -> preview.inMemory(f, kase.versionId(), mode));
        var desk = new ReadingDesk(kase, images, mode, phase, 0, "Preview as a trainee", initial, previewControls(firstRead.isEmpty()), clock,
                new ReadingDesk.Actions() {
                    @Override
                    public boolean aiRequested() {
                        return true; // a resident's request is recorded; a preview's is not
                    }

                    @Override
                    public boolean submit(ReadSubmission submission) {
                        if (phase == ReadPhase.INITIAL) {
                            read(Optional.of(submission));
                            return true;
                        }
                        return feedback(submission, firstRead);
                    }

                    @Override
                    public void workStarted() {
                    }
                });
        desk.addTo(body);
    }

    /** The reading mode to preview in (only before any read is committed), and the way back to the case page. */
    private List<Component> previewControls(boolean mayChangeMode) {
        List<Component> controls = new ArrayList<>();
        var modes = new Select<ReadingMode>();
        modes.setLabel("Reading mode to preview");
        modes.setItems(ReadingMode.values());
        modes.setItemLabelGenerator(ReadingMode::displayName);
        modes.setValue(mode);
        modes.setId("preview-mode");
        modes.setWidthFull();
        modes.setEnabled(mayChangeMode);
        modes.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                mode = e.getValue();
                read(Optional.empty());
            }
        });
        controls.add(modes);
        controls.add(new Div(backLink()));
        return controls;
    }

    private boolean feedback(ReadSubmission submission, Optional<ReadSubmission> firstRead) {
        Optional<ReadFeedback> f;
        try {
            f = score(mode, submission, firstRead);
        } catch (org.calibra.authoring.DraftRefused e) { // the draft was changed meanwhile and has problems now
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
        if (f.isEmpty()) {
            Notification.show("This case is no longer available.", 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
        body.removeAll();
        body.setId("feedback-view");
        var stage = new Div(FeedbackParts.viewer(f.get(), images));
        stage.addClassName("viewer-stage");
        var panel = new Div();
        FeedbackParts.sections(f.get()).forEach(panel::add);
        var again = new Button("Read it again", e -> read(Optional.empty()));
        again.setId("preview-again");
        again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var next = new Div(new Paragraph("This was a preview: the read and its score were not stored."), again, backLink());
        next.addClassName("panel-section");
        panel.add(next);
        panel.addClassName("side-panel");
        panel.getElement().setAttribute("role", "complementary");
        panel.getElement().setAttribute("aria-label", "Feedback on your preview read");
        body.add(stage, panel);
        return true;
    }
}
