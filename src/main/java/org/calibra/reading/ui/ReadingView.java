package org.calibra.reading.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
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
import java.util.ArrayList;
import java.util.List;
import org.calibra.casebank.CaseForReading;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.curriculum.ReadingMode;
import org.calibra.reading.AttemptInfo;
import org.calibra.reading.ReadPhase;
import org.calibra.reading.ReadRejectedException;
import org.calibra.reading.ReadSubmission;
import org.calibra.reading.SubmittedRead;
import org.calibra.reading.ReadingService;
import org.calibra.reading.parts.ReadingDesk;
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
    private ModuleInfo module;
    private CaseForReading kase;
    private ReadingDesk desk;
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
        phase = ReadingDesk.phaseFor(module.readingMode(), initial.isPresent());
        var images = dicomWeb.stackImages(kase).stream().map(s -> new CalibraViewer.Image(s.url(), s.frame(), s.wadoRs(), s.metadata())).toList();
        List<Component> notices = new ArrayList<>();
        if (reading.isRepeat(module.id(), kase.versionId())) {
            var repeat = new Paragraph("You have seen this case's answer before, in an earlier read. Read it again for practice: "
                    + "you get feedback as usual, but this read does not count towards the module.");
            repeat.setId("repeat-notice");
            repeat.addClassName("hint");
            notices.add(repeat);
        }
        desk = new ReadingDesk(kase, images, module.readingMode(), phase, moduleId, module.title(), initial, notices, clock, new ReadingDesk.Actions() {
            @Override
            public boolean aiRequested() {
                try {
                    reading.recordAiRequest(module.id(), kase.versionId()); // the server's record: heatmaps are served from now on
                    return true;
                } catch (ReadRejectedException ex) {
                    Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
                    return false;
                }
            }

            @Override
            public boolean submit(ReadSubmission submission) {
                return ReadingView.this.submit(submission);
            }

            @Override
            public void workStarted() {
                guardUnsavedWork();
            }
        });
        removeAll();
        desk.addTo(this);
    }

    private boolean submit(ReadSubmission submission) {
        try {
            var read = reading.submit(submission);
            submitted = true;
            getUI().ifPresent(ui -> {
                ui.getPage().executeJs("window.onbeforeunload = null;");
                if (phase == ReadPhase.INITIAL) {
                    ui.getPage().reload(); // the same case again, now with the AI shown and the first read to revise
                } else {
                    ui.navigate(Routes.feedback(read.readId()));
                }
            });
            return true;
        } catch (ReadRejectedException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        } catch (RuntimeException e) {
            String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
            log.error("Submitting a read failed (reference {})", reference, e);
            Notification.show("Your read was NOT saved because of an error on our side (reference " + reference
                    + "). Your marks are still here: try again, or tell your administrator the reference.", 10000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
    }

    /** Leaving with an unsubmitted read asks first: in the app, and (for reload or closing the tab) in the browser. */
    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (submitted || desk == null || !desk.dirty()) {
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
