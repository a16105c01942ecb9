package org.calibra.oversight.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.calibra.curriculum.MetricLabels;
import org.calibra.oversight.CohortOverview;
import org.calibra.oversight.domain.MetricDistribution;
import org.calibra.security.Role;

/**
 * A module's cohort, drawn in the browser by {@code <calibra-chart>}: the spread of each threshold metric over residents'
 * latest attempts, and the pass rate of decided attempts month by month; each chart carries a table of the same numbers
 * ("Show the data as a table") for screen readers. Computed by {@link CohortOverview}; this page only shows it.
 */
@Route("modules/:moduleId/cohort")
@PageTitle("Cohort — Calibra")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class CohortView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private final CohortOverview cohorts;

    CohortView(CohortOverview cohorts) {
        this.cohorts = cohorts;
        setId("cohort-view");
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long moduleId = event.getRouteParameters().getLong("moduleId").orElse(-1L);
        var cohort = cohorts.of(moduleId).orElseThrow(() -> new NotFoundException("No such module that you oversee."));
        removeAll();
        add(new H1("Cohort: " + cohort.module().title()), new Paragraph(cohort.residents() + " resident(s) have started this module. "
                + "Each figure is the point estimate of a resident's latest attempt, as its decision record computes it."));
        for (var d : cohort.distributions()) {
            add(distribution(d));
        }
        add(passRates(cohort));
        cohort.aiEffect().ifPresent(effect -> add(new AiEffectSection(effect)));
        add(new Anchor("trainees", "Back to Trainees"));
    }

    private VerticalLayout distribution(MetricDistribution d) {
        String name = OversightText.capitalised(MetricLabels.of(d.metric()));
        String limit = d.limit().isPresent() ? "; the threshold's limit is " + MetricLabels.value(d.metric(), d.limit().getAsDouble()) : "";
        var box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H3(name));
        long measured = d.bins().stream().mapToInt(MetricDistribution.Bin::count).sum();
        if (measured == 0) {
            box.add(new Paragraph("No resident's latest attempt has this figure yet" + limit + "."));
            return box;
        }
        var bars = d.bins().stream().map(b -> new CohortChart.Bar(range(d.metric(), b) + (b.holdsLimit() ? " (threshold)" : ""),
                b.count() / (double) measured, null, null, b.count() + " of " + measured)).toList();
        box.add(new CohortChart("cohort-chart-" + d.metric(), name + " of " + measured + " resident(s)' latest attempts: share of residents "
                + "in each range" + limit + ".", name + " range", "cohort-table-" + d.metric(), bars));
        return box;
    }

    private VerticalLayout passRates(CohortOverview.Cohort cohort) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H3("Pass rate by month"));
        if (cohort.passRates().isEmpty()) {
            box.add(new Paragraph("No attempt has been decided yet."));
            return box;
        }
        var bars = cohort.passRates().stream().map(m -> new CohortChart.Bar(MONTH.format(m.month()), m.passed().estimate().getAsDouble(),
                m.passed().lower().getAsDouble(), m.passed().upper().getAsDouble(), m.passed().successes() + " of " + m.passed().trials())).toList();
        box.add(new CohortChart("cohort-chart-pass-rate", "Attempts passed among attempts decided, by month of the decision, with 95% "
                + "intervals.", "Month", "cohort-table-pass-rate", bars));
        return box;
    }

    private static String range(String metric, MetricDistribution.Bin b) {
        return MetricLabels.value(metric, b.from()) + "–" + MetricLabels.value(metric, b.to());
    }
}
