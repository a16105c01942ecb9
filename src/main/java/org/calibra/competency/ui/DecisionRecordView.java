package org.calibra.competency.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import org.calibra.shared.DisplayWords;

/**
 * The decision on one attempt, shown so it can be checked: every read that counted (case version, call, outcome,
 * lesions, false marks, whether the AI was seen), the figures and each threshold, recomputed from stored data.
 */
@Route("decisions/:attemptId")
@PageTitle("Decision record — Calibra")
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
        long counted = record.reads().stream().filter(DecisionLine::counted).count();
        var status = new Paragraph("Started " + TIME.format(a.startedAt()) + (a.completedAt() != null ? ", decided " + TIME.format(a.completedAt()) : ", still open")
                + ". " + ProgressText.attemptOutcome(a, counted) + ".");
        status.setId("decision-status");
        add(status);
        // the rules it is decided by are those of the version it started on (ADR 0025), even if a later one is published
        var version = new Paragraph("Decided under version " + a.curriculumVersion() + " of the curriculum '"
                + record.module().curriculumTitle() + "': the thresholds and minimums below are that version's.");
        version.setId("decision-version");
        add(version);
        var grid = new Grid<DecisionLine>();
        grid.setId("decision-reads");
        // six columns that wrap, so the record fits 1280 px without scrolling sideways
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(l -> DisplayWords.caseWithVersion(l.caseTitle(), l.caseVersion())).setHeader("Case").setFlexGrow(3);
        grid.addColumn(l -> TIME.format(l.submittedAt())).setHeader("Submitted").setFlexGrow(1);
        grid.addColumn(DecisionRecordView::call).setHeader("Your call").setFlexGrow(2);
        grid.addColumn(DecisionRecordView::result).setHeader("Result").setFlexGrow(3);
        grid.addColumn(l -> l.aiSeen() ? "Yes" : "No").setHeader("AI seen").setFlexGrow(0).setWidth("6em");
        grid.addColumn(l -> l.counted() ? "Yes" : "No: a repeat (answer seen before)").setHeader("Counted").setFlexGrow(1);
        grid.setItems(record.reads());
        grid.setAllRowsVisible(true);
        add(new H3("Final reads (" + record.reads().size() + ", of which " + counted + " counted)"), grid);
        var scorers = record.reads().stream().map(DecisionLine::scorerVersion).distinct().sorted().toList();
        if (!scorers.isEmpty()) {
            var scored = new Paragraph("Scored by version " + String.join(" and ", scorers) + " of Calibra's scoring rules; "
                    + "a later version never rescores a decided read.");
            scored.setId("decision-scorer");
            scored.addClassName("hint");
            add(scored);
        }
        var figures = new UnorderedList(new ListItem("Sensitivity: " + ProgressText.proportion(record.figures().metrics().sensitivity())),
                new ListItem("Specificity: " + ProgressText.proportion(record.figures().metrics().specificity())));
        ProgressText.performance(record.figures().performance()).forEach(line -> figures.add(new ListItem(line)));
        if (record.module().readingMode() == org.calibra.curriculum.ReadingMode.SECOND_READER) {
            var effect = new ListItem(ProgressText.aiEffect(record.figures().aiEffect()));
            effect.setId("decision-ai-effect");
            figures.add(effect);
        }
        var e = record.evaluation();
        figures.add(new ListItem("Cases read " + e.casesRead() + " (minimum " + e.minimumCases() + "), abnormal " + e.abnormalRead()
                + " (minimum " + e.minimumAbnormal() + "), normal " + e.normalRead() + " (minimum " + e.minimumNormal() + ")"));
        e.results().forEach(r -> figures.add(new ListItem("Threshold: " + ProgressText.threshold(r))));
        figures.setId("decision-figures");
        if (record.adaptive().isPresent()) {
            add(new H3("Figures"), figures);
            adaptive(record);
            return;
        }
        add(new H3("Figures and thresholds"), figures, new Paragraph(e.passed() ? "Decision: every threshold met on enough cases."
                : "Decision: not (yet) passed."));
    }

    /** An adaptive module: each case the engine chose and why, and why it stopped (ADR 0036). */
    private void adaptive(CompetencyService.DecisionRecord record) {
        var adaptive = record.adaptive().orElseThrow();
        var titles = new java.util.HashMap<String, String>();
        record.reads().forEach(l -> titles.put(l.caseSlug(), DisplayWords.caseWithVersion(l.caseTitle(), l.caseVersion())));
        var steps = adaptive.steps();
        var chosen = steps.stream().filter(s -> !s.isStop()).toList();
        add(new H3("How the adaptive module decided"));
        var how = new Paragraph("This module chose each next case as the one telling most about your ability at the time, and "
                + "stops as soon as the pass or fail decision is certain enough (at most a " + AdaptiveWords.ratio(
                adaptive.rules().alphaOrDefault()).replace("1/", "1 in ") + " chance of passing a trainee just below the level, "
                + AdaptiveWords.ratio(adaptive.rules().betaOrDefault()).replace("1/", "1 in ") + " of failing one just above it). "
                + "Abilities are on the scale of the cases' calibration; the pass level is " + String.format(java.util.Locale.ROOT, "%.2f",
                adaptive.rules().cut()).replace("-", "−") + ".");
        how.addClassName("hint");
        add(how);
        var grid = new Grid<org.calibra.reading.AdaptiveStepInfo>();
        grid.setId("adaptive-steps");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(org.calibra.reading.AdaptiveStepInfo::stepNo).setHeader("Step").setFlexGrow(0).setWidth("5em");
        grid.addColumn(s -> s.correct() == null ? "Not read yet" : titles.getOrDefault(s.caseSlug(), "A case of this module"))
                .setHeader("Case").setFlexGrow(3);
        grid.addColumn(AdaptiveWords::why).setHeader("Why this case").setFlexGrow(3);
        grid.addColumn(AdaptiveWords::estimate).setHeader("Ability estimate when chosen").setFlexGrow(2);
        grid.addColumn(AdaptiveWords::call).setHeader("Your call").setFlexGrow(1);
        grid.addColumn(s -> s.stepNo() < steps.size() ? AdaptiveWords.ratio(Math.exp(steps.get(s.stepNo()).llr())) : "")
                .setHeader("Likelihood ratio after").setFlexGrow(1);
        grid.setItems(chosen);
        grid.setAllRowsVisible(true);
        add(grid);
        var stop = steps.stream().filter(org.calibra.reading.AdaptiveStepInfo::isStop).findFirst();
        var decision = new Paragraph(stop.map(s -> AdaptiveWords.stop(s, adaptive.rules()) + " Decision: "
                + ("pass".equals(s.decision()) ? "passed." : "not passed.")).orElse("Not decided yet: the module will stop as soon as the evidence is certain enough."));
        decision.setId("adaptive-stop");
        add(decision);
    }

    /** The call as the resident made it, e.g. "Abnormal — vestibular schwannoma, confidence 4/5". */
    static String call(DecisionLine l) {
        return (l.calledAbnormal() ? "Abnormal — " + DisplayWords.termInSentence(l.diagnosis()) : "Normal") + ", confidence " + l.confidence() + "/5";
    }

    /** The scored result in words, e.g. "True positive · 1 of 1 lesion found · no false marks". */
    static String result(DecisionLine l) {
        String outcome = DisplayWords.caseOutcome(l.caseOutcome());
        String lesions = l.lesionsTotal() == 0 ? "no lesions to find"
                : l.lesionsFound() + " of " + DisplayWords.count(l.lesionsTotal(), "lesion", "lesions") + " found";
        String marks = l.falseMarks() == 0 ? "no false marks" : DisplayWords.count(l.falseMarks(), "false mark", "false marks");
        return Character.toUpperCase(outcome.charAt(0)) + outcome.substring(1) + " · " + lesions + " · " + marks;
    }
}
