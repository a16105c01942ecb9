package org.calibra.oversight.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.calibra.oversight.TraineeOverview;
import org.calibra.oversight.TraineeOverview.Row;
import org.calibra.security.Role;

/**
 * Where an educator follows their residents: for each module of their institution's curricula, every resident of the
 * institution — those who have not started too — with their attempts, the latest one's status, its threshold figures with
 * 95% intervals, reliance on the AI, the reading time spent and a link to each attempt's decision record. Admins see every
 * institution's. The rows come from {@link TraineeOverview}; this page only shows them.
 */
@Route("trainees")
@PageTitle("Trainees — Calibra")
@Menu(order = 3, title = "Trainees", icon = "vaadin:academy-cap")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class TraineesView extends VerticalLayout {

    TraineesView(TraineeOverview overview) {
        setId("trainees-view");
        addClassName("page");
        add(new H1("Trainees"), new Paragraph("Every resident of your institution, module by module: attempts made, the latest "
                + "attempt's status and figures against the module's thresholds (with 95% intervals), how they relied on the AI, and "
                + "the time spent reading. Each attempt's decision record shows every read that counted and how each threshold was evaluated."));
        var curricula = overview.overview();
        if (curricula.isEmpty()) {
            add(new Paragraph("Your institution runs no curriculum yet."));
        }
        for (var c : curricula) {
            add(new H3(c.curriculum().title()));
            for (var m : c.modules()) {
                var module = m.module();
                var title = new H4(module.title());
                var caseStats = new Anchor("modules/" + module.id() + "/case-statistics", "Case statistics");
                caseStats.setId("case-statistics-link-" + module.slug());
                // each module has the same two links: their names say which module (and begin with the visible text)
                caseStats.getElement().setAttribute("aria-label", "Case statistics of " + module.title());
                var cohort = new Anchor("modules/" + module.id() + "/cohort", "Cohort view");
                cohort.setId("cohort-link-" + module.slug());
                cohort.getElement().setAttribute("aria-label", "Cohort view of " + module.title());
                var links = new HorizontalLayout(caseStats, cohort);
                add(title, links, grid(m));
            }
        }
    }

    private static Grid<Row> grid(TraineeOverview.ModuleRows m) {
        var grid = new Grid<Row>();
        grid.setId("trainees-" + m.module().slug());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Row::resident).setHeader("Resident").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.attempts().size()).setHeader("Attempts").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.attempts().isEmpty() ? "not started"
                : OversightText.status(r.attempts().getLast().status(), r.attempts().getLast().endReason())).setHeader("Latest status")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(TraineesView::figures).setHeader("Latest attempt's figures (95% intervals)").setFlexGrow(3);
        grid.addComponentColumn(r -> lines(r.latest().map(l -> OversightText.reliance(l.reliance())).orElse(List.of())))
                .setHeader("Reliance on the AI").setFlexGrow(2);
        grid.addColumn(r -> OversightText.duration(r.readingTime())).setHeader("Reading time").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(TraineesView::decisionLinks).setHeader("Decision records").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(m.rows());
        grid.setEmptyStateText("No resident at your institution yet.");
        return grid;
    }

    private static Component figures(Row r) {
        if (r.latest().isEmpty()) {
            return new Span("");
        }
        var l = r.latest().get();
        var lines = new java.util.ArrayList<String>();
        lines.add("Cases counted: " + l.metrics().casesRead() + " (abnormal " + l.metrics().sensitivity().trials() + ", normal "
                + l.metrics().specificity().trials() + ")");
        if (l.thresholds().isEmpty()) {
            lines.add("Sensitivity: " + l.metrics().sensitivity().inWords());
            lines.add("Specificity: " + l.metrics().specificity().inWords());
        }
        l.thresholds().forEach(t -> lines.add(OversightText.capitalised(OversightText.threshold(t, l.values()))));
        return lines(lines);
    }

    private static Component lines(List<String> lines) {
        var div = new Div();
        lines.forEach(line -> div.add(new Div(line)));
        return div;
    }

    private static Component decisionLinks(Row r) {
        var div = new Div();
        for (var a : r.attempts()) {
            var link = new Anchor(a.decisionRecordRoute(), "Attempt " + a.number());
            link.setId("decision-link-" + a.attemptId());
            link.getElement().setAttribute("aria-label", "Decision record of " + r.resident() + "'s attempt " + a.number());
            div.add(new Div(link));
        }
        return div;
    }
}
