package org.calibra.competency.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.calibra.competency.CompetencyService;
import org.calibra.competency.ModuleProgress;
import org.calibra.reading.ModuleCaseEntry;
import org.calibra.scoring.CohortComparison;
import org.calibra.scoring.ScoringService;
import org.calibra.reading.ReadingService;
import org.calibra.security.Role;
import org.calibra.shared.Routes;

/** One module for a resident: what it asks, where they stand, and the cases to read. */
@Route(Routes.MODULE + "/:moduleId")
@PageTitle("Module — Calibra")
@RolesAllowed(Role.RESIDENT_NAME)
class ModuleView extends VerticalLayout implements BeforeEnterObserver {

    private final CompetencyService competency;
    private final ReadingService reading;

    ModuleView(CompetencyService competency, ReadingService reading) {
        this.competency = competency;
        this.reading = reading;
        setId("module-view");
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long moduleId = event.getRouteParameters().getLong("moduleId").orElse(-1L);
        ModuleProgress p;
        List<org.calibra.reading.ModuleCaseEntry> cases;
        try {
            cases = reading.cases(moduleId); // first: refused for a module of another institution
            p = competency.progress(moduleId);
        } catch (java.util.NoSuchElementException | org.calibra.reading.ReadRejectedException e) {
            throw new NotFoundException("This module does not exist.");
        }
        removeAll();
        render(p, cases);
        if (p.started()) {
            addReview(competency.toReview(moduleId), cases);
            addCohort(competency.cohort(moduleId), p);
        }
    }

    /** Cases that went wrong, with a way back to each one (its feedback shows the case again, with the truth). */
    private void addReview(List<ScoringService.ReviewItem> items, List<ModuleCaseEntry> cases) {
        if (items.isEmpty()) {
            return;
        }
        add(new H3("Cases to review"));
        var list = new Div();
        list.setId("review-list");
        list.addClassName("case-list");
        for (var item : items) {
            var entry = cases.stream().filter(c -> c.caseVersionId() == item.caseVersionId()).findFirst();
            String title = entry.map(c -> c.position() + ". " + c.title()).orElse("A case no longer in this module");
            var what = new Span(ProgressText.whatWentWrong(item));
            what.addClassName("status");
            var review = new Button("Review", e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(Routes.feedback(item.readId()))));
            review.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            review.setAriaLabel("Review " + title);
            var row = new Div(new Span(title), what, review);
            row.addClassName("case-row");
            row.getElement().setAttribute("data-read", String.valueOf(item.readId()));
            list.add(row);
        }
        add(list);
    }

    private void addCohort(CohortComparison cohort, ModuleProgress p) {
        add(new H3("How you compare"));
        if (!cohort.available()) {
            var wait = new Paragraph("A comparison with other residents appears once at least " + CohortComparison.MINIMUM_COHORT
                    + " others have read " + p.module().minimumCases() + " cases of this module (now " + cohort.trainees()
                    + "). It is anonymous: you see quartiles, never anyone's result.");
            wait.setId("cohort-unavailable");
            wait.addClassName("hint");
            add(wait);
            return;
        }
        var list = new UnorderedList();
        list.setId("cohort");
        cohort.metrics().forEach((metric, stats) -> list.add(new ListItem(ProgressText.cohortLine(metric, stats))));
        add(new Paragraph("Against " + cohort.trainees() + " other residents' latest attempts (anonymous):"), list);
        var you = p.metrics().sensitivity().isDefined() && p.metrics().specificity().isDefined()
                ? List.<double[]>of(new double[] {1 - p.metrics().specificity().estimate().getAsDouble(), p.metrics().sensitivity().estimate().getAsDouble()})
                : List.<double[]>of();
        var chart = new CurveChart("cohort-chart", "false-positive fraction", "true-positive fraction", 1, true,
                "Your normal/abnormal calls (filled) among other residents' (circles), as ROC operating points")
                .scatter("other residents", cohort.operatingPoints());
        if (!you.isEmpty()) {
            chart.series("you", you);
        }
        add(chart);
    }

    private void render(ModuleProgress p, List<ModuleCaseEntry> cases) {
        var m = p.module();
        add(new Span(m.curriculumTitle()), new H1(m.title()), new Paragraph(m.description()));
        var rules = m.rules();
        var facts = new UnorderedList(new ListItem("Reading mode: " + m.readingMode().displayName()),
                new ListItem("Each attempt reads " + p.casesTotal() + " of the module's " + m.caseSlugs().size() + " cases"
                        + (rules.randomOrder() ? ", drawn for you in your own order" : ", in a fixed order")
                        + "; a decision comes after " + m.minimumCases()
                        + (rules.minimumAbnormalCases() + rules.minimumNormalCases() > 0 ? " (including at least " + rules.minimumAbnormalCases()
                        + " abnormal and " + rules.minimumNormalCases() + " normal)" : "")));
        if (!rules.prerequisites().isEmpty()) {
            facts.add(new ListItem("Builds on: " + String.join(", ", competency.prerequisiteTitles(m))));
        }
        if (rules.timeLimitMinutes() != null) {
            facts.add(new ListItem("Time limit: " + rules.timeLimitMinutes() + " minutes from the start of an attempt"));
        }
        if (rules.retakeCooldownHours() != null) {
            facts.add(new ListItem("After an attempt that does not pass, a new one can start after " + rules.retakeCooldownHours() + " hours"));
        }
        int latest = competency.latestVersion(m.id()).orElse(m.version());
        var version = new ListItem("Curriculum version " + m.version() + (latest > m.version() ? ": version " + latest
                + " has been published since; it applies to new attempts, and this attempt keeps the rules of version " + m.version() : ""));
        version.setId("module-version");
        facts.add(version);
        facts.addClassName("facts");
        facts.setId("module-facts");
        add(facts);

        var status = new Span(ProgressText.status(p));
        status.setId("module-status");
        status.addClassName(p.passed() ? "status-passed" : "status");
        var bar = new ProgressBar(0, Math.max(1, p.casesTotal()), Math.min(p.casesRead(), p.casesTotal()));
        bar.setId("module-progress");
        bar.getElement().setAttribute("aria-label", p.casesRead() + " of " + p.casesTotal() + " cases read");
        add(status, bar);
        p.attempt().filter(a -> a.status() != org.calibra.reading.AttemptInfo.Status.IN_PROGRESS).ifPresent(a -> {
            var record = new com.vaadin.flow.component.html.Anchor("decisions/" + a.id(), "Decision record of this attempt");
            record.setId("decision-link");
            add(record);
        });
        p.attempt().filter(a -> a.status() == org.calibra.reading.AttemptInfo.Status.IN_PROGRESS && a.deadline() != null).ifPresent(a -> {
            var deadline = new Paragraph("Time limit: this attempt ends at " + java.time.format.DateTimeFormatter.ofPattern("d MMM, HH:mm 'UTC'")
                    .withZone(java.time.ZoneOffset.UTC).format(a.deadline()) + ".");
            deadline.setId("module-deadline");
            add(deadline);
        });
        if (p.locked()) {
            var locked = new Paragraph("This module builds on " + String.join(" and ", p.missingPrerequisites().stream().map(t -> "'" + t + "'").toList())
                    + ": pass it first, then come back.");
            locked.setId("module-locked");
            add(locked);
        }
        if (p.started() && !p.passed() && !p.finishedWithoutPassing()) {
            var left = new UnorderedList();
            left.setId("module-left");
            ProgressText.whatIsLeft(p).forEach(line -> left.add(new ListItem(line)));
            add(left);
        }
        if (p.repeats() > 0 && !p.passed()) {
            var repeats = new Paragraph(p.repeats() + (p.repeats() == 1 ? " case" : " cases") + (p.started() ? " of this attempt" : " of the attempt drawn for you")
                    + (p.repeats() == 1 ? " is a repeat" : " are repeats") + ": you have seen the answer before, in an earlier read. You can read "
                    + (p.repeats() == 1 ? "it" : "them") + " for practice, with feedback, but repeats never count towards a decision.");
            repeats.setId("module-repeats");
            repeats.addClassName("hint");
            add(repeats);
        }
        // a new attempt (first or retake) that could not count enough unseen cases is not offered (ADR 0015)
        var refusal = (!p.started() && !p.locked()) || p.finishedWithoutPassing() ? reading.exposureRefusal(m.id()) : java.util.Optional.<String>empty();
        refusal.ifPresent(why -> {
            var text = new Paragraph(why);
            text.setId("module-too-few-unseen");
            add(text);
        });
        if (p.unseenShortfall() > 0 && !p.passed() && !p.finishedWithoutPassing()) {
            var shortfall = new Paragraph("Too few cases you have not seen the answer to are left for this attempt to reach a decision: it "
                    + "needs " + m.minimumCases() + " counted cases. Ask your educator to add cases to this module. You can read on for "
                    + "practice, or end this attempt.");
            shortfall.setId("module-too-few-unseen");
            add(shortfall);
            if (p.unreachable().isEmpty()) {
                var end = new Button("End this attempt", e -> {
                    competency.abandonUnreachable(m.id());
                    e.getSource().getUI().ifPresent(ui -> ui.getPage().reload());
                });
                end.setId("end-attempt");
                add(end);
            }
        }
        p.unreachable().ifPresent(u -> {
            var text = new Paragraph(ProgressText.unreachable(u) + " You can read on for practice, or end it now and start a new attempt"
                    + (m.rules().retakeCooldownHours() != null ? " after the cool-down." : "."));
            text.setId("module-unreachable");
            var end = new Button("End this attempt", e -> {
                competency.abandonUnreachable(m.id());
                e.getSource().getUI().ifPresent(ui -> ui.getPage().reload());
            });
            end.setId("end-attempt");
            add(text, end);
        });

        add(new H3("Where you stand"));
        var standing = new UnorderedList(new ListItem("Sensitivity: " + ProgressText.proportion(p.metrics().sensitivity())),
                new ListItem("Specificity: " + ProgressText.proportion(p.metrics().specificity())));
        standing.setId("module-metrics");
        ProgressText.performance(p.performance()).forEach(line -> standing.add(new ListItem(line)));
        var values = org.calibra.competency.domain.MetricValues.of(p.metrics(), p.performance().rocAuc(), p.performance().wafroc(), p.reliance(),
                p.aiEffect());
        p.evaluation().results().forEach(r -> standing.add(new ListItem("Threshold: " + ProgressText.threshold(r, values))));
        add(standing);

        var perf = p.performance();
        if (!perf.rocCurve().isEmpty()) {
            var charts = new Div();
            charts.addClassName("charts");
            charts.setId("module-curves");
            charts.add(new CurveChart("roc-chart", "false-positive fraction", "true-positive fraction", 1, true,
                    "ROC: your normal/abnormal calls and confidence").series("you", perf.rocCurve()));
            double nlfMax = Math.max(1, perf.frocCurve().stream().mapToDouble(pt -> pt[0]).max().orElse(1));
            charts.add(new CurveChart("froc-chart", "non-lesion marks per case", "lesions found", Math.ceil(nlfMax), false,
                    "FROC: your marks, from most to least confident").series("you", perf.frocCurve()));
            if (!perf.wafrocCurve().isEmpty()) {
                charts.add(new CurveChart("wafroc-chart", "fraction of normal cases with a mark", "weighted lesions found", 1, true,
                        "wAFROC: the curve whose area is the wAFROC figure of merit").series("you", perf.wafrocCurve()));
            }
            add(new H3("Your curves"), charts);
        }

        var reliance = ProgressText.reliance(p.reliance());
        if (!reliance.isEmpty()) {
            add(new H3("Reliance on the AI"));
            var list = new UnorderedList();
            list.setId("module-reliance");
            reliance.forEach(line -> list.add(new ListItem(line)));
            add(list);
            var bars = ProgressText.relianceBars(p.reliance());
            if (!bars.isEmpty()) {
                add(CurveChart.bars("reliance-chart", "Reliance on the AI: each bar is a share of the cases it is defined on, "
                        + "with its 95% Wilson interval", bars));
            }
        }

        boolean cannotStart = !p.started() && refusal.isPresent();
        cases.stream().filter(c -> !c.isRead()).findFirst().filter(c -> !p.passed() && !p.finishedWithoutPassing() && !p.locked() && !cannotStart)
                .ifPresent(next -> {
            var go = new Button(p.started() ? "Continue with case " + next.position() : "Start module", e -> {
                if (refusedWithMessage(() -> reading.startOrResume(m.id()))) {
                    return;
                }
                e.getSource().getUI().ifPresent(ui -> ui.navigate(Routes.read(m.id(), next.caseVersionId())));
            });
            go.setId("start-module");
            go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(go);
        });

        if (p.finishedWithoutPassing()) {
            var retake = new Button("Try again with a new attempt", e -> {
                if (refusedWithMessage(() -> reading.retake(m.id()))) {
                    return;
                }
                e.getSource().getUI().ifPresent(ui -> ui.getPage().reload());
            });
            retake.setId("retake-module");
            retake.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            boolean timedOut = org.calibra.reading.AttemptInfo.ENDED_BY_TIME_LIMIT.equals(p.attempt().orElseThrow().endReason());
            String why = timedOut ? "This attempt reached its time limit without meeting the thresholds."
                    : "This attempt ended without meeting the thresholds.";
            var wait = p.retakeFrom().filter(t -> t.isAfter(java.time.Instant.now()));
            wait.ifPresent(t -> retake.setEnabled(false));
            refusal.ifPresent(reason -> retake.setEnabled(false));
            add(new Paragraph(why + " Review the feedback, then start a new attempt: it draws its cases afresh and begins with none read."
                    + wait.map(t -> " A new attempt can start from " + java.time.format.DateTimeFormatter.ofPattern("d MMM, HH:mm 'UTC'")
                    .withZone(java.time.ZoneOffset.UTC).format(t) + ".").orElse("")), retake);
        }

        add(new H3("Cases"));
        var list = new Div();
        list.addClassName("case-list");
        for (ModuleCaseEntry c : cases) {
            var row = new Div(new Span(c.position() + ". " + c.title() + " (" + org.calibra.shared.DisplayWords.modality(c.modality()) + ")"));
            if (c.synthetic()) {
                var badge = new Span("synthetic");
                badge.getElement().getThemeList().add("badge contrast small");
                row.add(badge);
            }
            if (c.repeat()) {
                var badge = new Span("repeat: practice, not counted");
                badge.getElement().getThemeList().add("badge small");
                badge.addClassName("repeat-badge");
                row.add(badge);
            }
            row.setId("case-" + c.position()); // never the slug: an author may have put the answer in it
            row.addClassName("case-row");
            if (c.isRead()) {
                var fb = new Button("Feedback", e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(Routes.feedback(c.readId()))));
                fb.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                row.add(new Span("read"), fb);
            } else {
                row.add(new Span("not read"));
            }
            list.add(row);
        }
        add(list);
    }

    /** Runs an action the rules may refuse (prerequisite, cool-down); a refusal is told in words. True if refused. */
    private static boolean refusedWithMessage(Runnable action) {
        try {
            action.run();
            return false;
        } catch (org.calibra.reading.ReadRejectedException ex) {
            com.vaadin.flow.component.notification.Notification.show(ex.getMessage(), 6000,
                    com.vaadin.flow.component.notification.Notification.Position.MIDDLE);
            return true;
        }
    }
}
