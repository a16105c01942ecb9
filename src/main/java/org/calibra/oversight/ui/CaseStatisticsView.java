package org.calibra.oversight.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.calibra.oversight.CaseStatisticsReport;
import org.calibra.oversight.domain.CaseStatistics;
import org.calibra.oversight.domain.CaseStatistics.CaseStat;
import org.calibra.oversight.domain.CaseStatisticsCsv;
import org.calibra.scoring.domain.Proportion;
import org.calibra.security.Role;

/**
 * How each case of a module's pool fared across residents' counted reads, for the educators and admins who oversee the
 * module: a sortable grid and the same numbers as CSV. Computed by {@link CaseStatistics}; this page only shows them.
 */
@Route("modules/:moduleId/case-statistics")
@PageTitle("Case statistics — Calibra")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class CaseStatisticsView extends VerticalLayout implements BeforeEnterObserver {

    private final CaseStatisticsReport reports;

    CaseStatisticsView(CaseStatisticsReport reports) {
        this.reports = reports;
        setId("case-statistics-view");
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long moduleId = event.getRouteParameters().getLong("moduleId").orElse(-1L);
        var report = reports.of(moduleId).orElseThrow(() -> new NotFoundException("No such module that you oversee."));
        removeAll();
        add(new H1("Case statistics: " + report.module().title()));
        add(new Paragraph("Every case of the module's pool, over the counted final reads of " + report.attempts() + " attempt(s) "
                + "(a read of a case whose answer the resident had already seen is left out). \"AI trap\": how often residents followed "
                + "the AI when it was wrong, among reads with the AI in view. Discrimination: the share right among readers strong on "
                + "their other cases minus the share right among weak ones; a case with a negative value and at least "
                + CaseStatistics.MINIMUM_GROUP + " readers in each group is flagged — possibly wrong truth, check the case. "
                + "Click a column header to sort. Below: each case calibrated with an item response model (difficulty and discrimination)."));
        var grid = new Grid<CaseStat>();
        grid.setId("case-statistics");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        // seven columns that fit 1280 px: figures that belong together share a cell (the CSV has each on its own)
        grid.addColumn(CaseStat::caseTitle).setHeader("Case").setSortable(true)
                .setComparator(Comparator.comparing(CaseStat::caseTitle, String.CASE_INSENSITIVE_ORDER)).setWidth("12em").setFlexGrow(3);
        grid.addColumn(s -> s.timesRead() == 0 ? "no reads" : s.timesRead() + (s.timesRead() == 1 ? " read" : " reads")
                        + (s.medianSeconds().isPresent() ? ", median " + Math.round(s.medianSeconds().getAsDouble()) + " s" : ""))
                .setHeader(header("Reads and median time")).setSortable(true).setComparator(Comparator.comparingInt(CaseStat::timesRead))
                .setWidth("7em").setFlexGrow(1);
        grid.addColumn(s -> OversightText.share(s.correct())).setHeader(header("Right calls")).setSortable(true)
                .setComparator(byValue(s -> s.correct().estimate())).setWidth("7em").setFlexGrow(1);
        grid.addColumn(s -> s.lesionsFound().isDefined() ? s.lesionsFound().successes() + " of " + s.lesionsFound().trials() + " ("
                        + OversightText.percent(s.lesionsFound().estimate().getAsDouble()) + ")" : s.timesRead() == 0 ? "no reads" : "no lesions")
                .setHeader(header("Lesions found")).setSortable(true).setComparator(byValue(s -> s.lesionsFound().estimate()))
                .setWidth("7em").setFlexGrow(1);
        grid.addColumn(s -> OversightText.number(s.falseMarksPerRead(), "no reads")).setHeader(header("False marks per read")).setSortable(true)
                .setComparator(byValue(CaseStat::falseMarksPerRead)).setWidth("6em").setFlexGrow(1);
        grid.addColumn(s -> "When wrong: " + aiShare(s.followedWrongAi(), "never wrong when seen") + ". When right: "
                        + aiShare(s.followedRightAi(), "never right when seen") + ".")
                .setHeader(header("Followed the AI (sorts by the AI trap: when wrong)")).setSortable(true)
                .setComparator(byValue(s -> s.followedWrongAi().estimate())).setWidth("10em").setFlexGrow(2);
        grid.addColumn(s -> (s.discrimination().index().isPresent() ? OversightText.number(s.discrimination().index(), "") + " (strong "
                        + s.discrimination().upperReaders() + ", weak " + s.discrimination().lowerReaders() + ")" : "too few readers")
                        + (s.discrimination().flagged() ? ". Possibly wrong truth — check the case." : ""))
                .setHeader(header("Discrimination (flagged first)")).setSortable(true)
                .setComparator(Comparator.comparing((CaseStat s) -> !s.discrimination().flagged()).thenComparing(byValue(s -> s.discrimination().index())))
                .setWidth("9em").setFlexGrow(2);
        grid.setItems(report.cases());
        grid.setEmptyStateText("This module has no cases.");
        byte[] csv = CaseStatisticsCsv.write(report.cases(), report.calibration()).getBytes(StandardCharsets.UTF_8);
        String file = "calibra-" + report.module().slug() + "-case-statistics.csv";
        var download = new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(new ByteArrayInputStream(csv), file,
                "text/csv;charset=UTF-8", csv.length)), "Download as CSV");
        download.setId("case-statistics-csv");
        download.getElement().setAttribute("download", true);
        var titles = new java.util.HashMap<String, String>();
        report.cases().forEach(c -> titles.put(c.caseSlug(), c.caseTitle()));
        add(download, grid, new CalibrationGrid(report.calibration(), titles), new Anchor("trainees", "Back to Trainees"));
    }

    /** A header that wraps onto two lines instead of widening its column: ten columns fit 1280 px. */
    private static Span header(String text) {
        var span = new Span(text);
        span.getStyle().set("white-space", "normal");
        return span;
    }

    private static String aiShare(Proportion p, String none) {
        return p.isDefined() ? OversightText.share(p) : none;
    }

    /** Sorts by a figure; a case without it (never read, no lesions, AI never seen) sorts as the lowest. */
    private static Comparator<CaseStat> byValue(Function<CaseStat, OptionalDouble> value) {
        return Comparator.comparingDouble(s -> value.apply(s).orElse(Double.NEGATIVE_INFINITY));
    }
}
