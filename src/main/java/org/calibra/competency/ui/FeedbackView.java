package org.calibra.competency.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.calibra.competency.CompetencyService;
import org.calibra.competency.ModuleProgress;
import org.calibra.competency.parts.FeedbackParts;
import org.calibra.reading.ModuleCaseEntry;
import org.calibra.reading.ReadingService;
import org.calibra.viewer.CalibraViewer;
import org.calibra.scoring.ReadFeedback;
import org.calibra.scoring.ScoringService;
import org.calibra.security.Role;
import org.calibra.shared.Routes;

/**
 * Feedback on one submitted read: truth on the image, what each mark was, what was missed, whether the
 * AI was right, the teaching points and the running module metrics. Reachable only for the trainee's
 * own submitted reads; anything else is "not available".
 */
@Route(Routes.FEEDBACK + "/:readId")
@PageTitle("Feedback — Calibra")
@RolesAllowed(Role.RESIDENT_NAME)
class FeedbackView extends Div implements BeforeEnterObserver {

    private final ScoringService scoring;
    private final CompetencyService competency;
    private final ReadingService reading;

    private final org.calibra.dicomweb.DicomWebLinks dicomWeb;

    FeedbackView(ScoringService scoring, CompetencyService competency, ReadingService reading, org.calibra.dicomweb.DicomWebLinks dicomWeb) {
        this.dicomWeb = dicomWeb;
        this.scoring = scoring;
        this.competency = competency;
        this.reading = reading;
        setId("feedback-view");
        addClassName("reading-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long readId = event.getRouteParameters().getLong("readId").orElse(-1L);
        ReadFeedback f = scoring.feedback(readId).orElseThrow(() -> new NotFoundException("This feedback is not available."));
        removeAll();
        var images = dicomWeb.stackImages(f.kase()).stream().map(s -> new CalibraViewer.Image(s.url(), s.frame(), s.wadoRs(), s.metadata())).toList();
        var stage = new Div(FeedbackParts.viewer(f, images));
        stage.addClassName("viewer-stage");
        var panel = new Div();
        FeedbackParts.sections(f).forEach(panel::add);
        // a module retired since the read keeps its feedback, without the running figures
        competency.progressIfActive(f.read().moduleId()).ifPresent(progress -> panel.add(running(progress), next(f, progress)));
        panel.addClassName("side-panel");
        panel.getElement().setAttribute("role", "complementary");
        panel.getElement().setAttribute("aria-label", "Feedback on your read");
        add(stage, panel);
    }

    private static Div running(ModuleProgress p) {
        var list = new UnorderedList(new ListItem("Sensitivity: " + ProgressText.proportion(p.metrics().sensitivity())),
                new ListItem("Specificity: " + ProgressText.proportion(p.metrics().specificity())),
                new ListItem("Cases read: " + p.casesRead() + " of " + p.casesTotal() + " (a decision after " + p.module().minimumCases() + ")"));
        ProgressText.performance(p.performance()).forEach(line -> list.add(new ListItem(line)));
        list.setId("running-metrics");
        var status = new Span(ProgressText.status(p));
        status.setId("module-status");
        var d = new Div(new H3("Module so far"), status, list);
        d.addClassName("panel-section");
        return d;
    }

    private Div next(ReadFeedback f, ModuleProgress p) {
        var d = new Div();
        d.addClassName("panel-section");
        if (p.passed()) {
            var cert = new Button("My certificates", e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(Routes.CERTIFICATES)));
            cert.setId("see-certificate");
            cert.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            d.add(new Paragraph("You passed this module. Once every module of the curriculum is passed, its certificate is issued."), cert);
        }
        reading.cases(f.read().moduleId()).stream().filter(c -> !c.isRead()).findFirst()
                .filter(c -> !p.passed() && !p.finishedWithoutPassing())
                .ifPresent((ModuleCaseEntry c) -> {
                    var nextCase = new Button("Next case", e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(Routes.read(f.read().moduleId(),
                            c.caseVersionId()))));
                    nextCase.setId("next-case");
                    nextCase.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    d.add(nextCase);
                });
        var back = new Button("Back to module", e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(Routes.module(f.read().moduleId()))));
        back.setId("back-to-module");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        d.add(back);
        return d;
    }
}
