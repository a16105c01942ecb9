package org.calibra.competency.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.calibra.competency.CompetencyService;
import org.calibra.scoring.ScoringService.DecisionLine;
import org.calibra.security.Role;

/**
 * The decision on one attempt, shown so it can be checked: every read that counted (case version, call, outcome,
 * lesions, false marks, whether the AI was seen), the figures and each threshold, recomputed from stored data.
 */
@Route("decisions/:attemptId")
@PageTitle("Calibra — Decision record")
@RolesAllowed({Role.RESIDENT_NAME, Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class DecisionRecordView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private final CompetencyService competency;

    DecisionRecordView(CompetencyService competency) {
        this.competency = competency;
        setId("decision-record");
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long attemptId = event.getRouteParameters().getLong("attemptId").orElse(-1L);
        var record = competency.decision(attemptId).orElseThrow(() -> new NotFoundException("No such attempt that you may see."));
        removeAll();
        var a = record.attempt();
        add(new H1("Decision record: " + record.module().title() + ", attempt " + a.number()));
        add(new Paragraph("Started " + TIME.format(a.startedAt()) + (a.completedAt() != null ? ", decided " + TIME.format(a.completedAt()) : ", still open")
                + ". Status: " + switch (a.status()) {
                    case PASSED -> "passed";
                    case NOT_PASSED -> "not passed" + (a.endReason() != null ? " (" + a.endReason() + ")" : "");
                    case IN_PROGRESS -> "in progress";
                } + ". Cases drawn for this attempt: " + a.caseSlugs().size() + "."));
        // the rules it is decided by are those of the version it started on (ADR 0025), even if a later one is published
        var version = new Paragraph("Decided under version " + a.curriculumVersion() + " of the curriculum '"
                + record.module().curriculumTitle() + "': the thresholds and minimums below are that version's.");
        version.setId("decision-version");
        add(version);
        var grid = new Grid<DecisionLine>();
        grid.setId("decision-reads");
        grid.addColumn(l -> TIME.format(l.submittedAt())).setHeader("Submitted").setAutoWidth(true);
        grid.addColumn(l -> l.caseSlug() + " v" + l.caseVersion()).setHeader("Case (version)").setAutoWidth(true);
        grid.addColumn(l -> l.calledAbnormal() ? "abnormal — " + l.diagnosis() : "normal").setHeader("Your call").setAutoWidth(true);
        grid.addColumn(DecisionLine::confidence).setHeader("Confidence").setAutoWidth(true);
        grid.addColumn(DecisionLine::caseOutcome).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(l -> l.lesionsFound() + "/" + l.lesionsTotal()).setHeader("Lesions found").setAutoWidth(true);
        grid.addColumn(DecisionLine::falseMarks).setHeader("False marks").setAutoWidth(true);
        grid.addColumn(l -> l.aiSeen() ? "yes" : "no").setHeader("AI seen").setAutoWidth(true);
        grid.addColumn(DecisionLine::scorerVersion).setHeader("Scorer").setAutoWidth(true);
        grid.addColumn(l -> l.counted() ? "yes" : "no: a repeat (answer seen before)").setHeader("Counted").setAutoWidth(true);
        grid.setItems(record.reads());
        grid.setAllRowsVisible(true);
        long counted = record.reads().stream().filter(DecisionLine::counted).count();
        add(new H3("Final reads (" + record.reads().size() + ", of which " + counted + " counted)"), grid);
        var figures = new UnorderedList(new ListItem("Sensitivity: " + ProgressText.proportion(record.figures().metrics().sensitivity())),
                new ListItem("Specificity: " + ProgressText.proportion(record.figures().metrics().specificity())));
        ProgressText.performance(record.figures().performance()).forEach(line -> figures.add(new ListItem(line)));
        var e = record.evaluation();
        figures.add(new ListItem("Cases read " + e.casesRead() + " (minimum " + e.minimumCases() + "), abnormal " + e.abnormalRead()
                + " (minimum " + e.minimumAbnormal() + "), normal " + e.normalRead() + " (minimum " + e.minimumNormal() + ")"));
        e.results().forEach(r -> figures.add(new ListItem("Threshold: " + ProgressText.threshold(r))));
        figures.setId("decision-figures");
        add(new H3("Figures and thresholds"), figures, new Paragraph(e.passed() ? "Decision: every threshold met on enough cases."
                : "Decision: not (yet) passed."));
    }
}
