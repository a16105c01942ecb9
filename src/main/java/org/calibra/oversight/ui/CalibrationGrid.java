package org.calibra.oversight.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.calibra.oversight.CalibrationFlag;
import org.calibra.oversight.CalibrationModel;
import org.calibra.oversight.CaseCalibration;
import org.calibra.oversight.CaseCalibration.CalibratedCase;
import org.calibra.oversight.ItemEstimate;
import org.calibra.oversight.domain.CaseCalibrator;

/**
 * The "Calibrated cases" section of the case statistics page: per case its difficulty and discrimination with standard
 * errors, unaided vs with the AI on second-reader modules, and what they suggest in words — or why there is no number.
 * Computed by {@link CaseCalibrator}; this only shows it.
 */
final class CalibrationGrid extends VerticalLayout {

    CalibrationGrid(CaseCalibration calibration, Map<String, String> titles) {
        setPadding(false);
        setId("case-calibration-section");
        add(new H2("Calibrated cases"));
        add(new Paragraph("Difficulty: how skilled a reader must be to have even odds of calling the case right — 0 is the average "
                + "reader of this module, 1 a reader better than about five in six; higher is harder. Discrimination: how sharply the chance "
                + "of a right call rises with skill — about 1 is usual, higher separates strong from weak readers better, and below 0 strong "
                + "readers get it wrong more often than weak ones, which usually means the ground truth is wrong. A case needs at least "
                + CaseCalibrator.MINIMUM_READS + " reads, some right and some wrong, to be calibrated; the ± figures are standard errors."));
        var summary = new Paragraph(calibration.model().isPresent()
                ? "Fitted with the " + calibration.model().get().inWords() + " to the case calls of " + calibration.readers() + " attempt(s). "
                        + calibration.modelReason()
                : calibration.modelReason());
        summary.setId("case-calibration-summary");
        add(summary);
        var grid = new Grid<CalibratedCase>();
        grid.setId("case-calibration");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(c -> titles.getOrDefault(c.caseId(), c.caseId())).setHeader("Case").setSortable(true)
                .setComparator(Comparator.comparing((CalibratedCase c) -> titles.getOrDefault(c.caseId(), c.caseId()), String.CASE_INSENSITIVE_ORDER))
                .setWidth("12em").setFlexGrow(3);
        grid.addColumn(c -> c.estimate().map(e -> withSe(e.difficulty(), e.seDifficulty())).orElse("not calibrated"))
                .setHeader(header("Difficulty")).setSortable(true).setComparator(byEstimate(ItemEstimate::difficulty)).setWidth("7em").setFlexGrow(1);
        grid.addColumn(c -> c.estimate().map(CalibrationGrid::discrimination).orElse("not calibrated"))
                .setHeader(header("Discrimination")).setSortable(true).setComparator(byEstimate(ItemEstimate::discrimination))
                .setWidth("8em").setFlexGrow(1);
        if (calibration.aiCompared()) {
            grid.addColumn(c -> c.ai().map(ai -> ai.inWords() + (c.estimate().map(e -> e.model() != ai.model()).orElse(false)
                                    ? " (both under the Rasch model: too few reads for the two-parameter model in one of the two)" : ""))
                            .orElse(c.estimate().isPresent() ? "not compared: too few reads, or no mix of right and wrong calls, in one of the two reads" : "not calibrated"))
                    .setHeader(header("Difficulty unaided and with the AI (sorts by how much harder with the AI)")).setSortable(true)
                    .setComparator(Comparator.comparingDouble(c -> c.ai().map(CaseCalibration.AiComparison::difference).orElse(Double.NEGATIVE_INFINITY)))
                    .setWidth("11em").setFlexGrow(2);
        }
        grid.addColumn(CalibrationGrid::suggests).setHeader(header("What it suggests (flagged first)")).setSortable(true)
                .setComparator(Comparator.comparingInt((CalibratedCase c) -> -c.flags().size()).thenComparing(CalibrationGrid::suggests))
                .setWidth("12em").setFlexGrow(2);
        grid.setItems(calibration.cases());
        grid.setEmptyStateText("This module has no cases.");
        add(grid);
    }

    /** The flags in words, "nothing unusual" when a calibrated case has none, or why there is no number. */
    static String suggests(CalibratedCase c) {
        if (c.estimate().isEmpty()) {
            return capitalised(c.statusInWords()) + ".";
        }
        return c.flags().isEmpty() ? "Nothing unusual." : String.join(". ", c.flags().stream().map(CalibrationFlag::inWords).toList()) + ".";
    }

    static String discrimination(ItemEstimate e) {
        return withSe(e.discrimination(), e.seDiscrimination()) + (e.model() == CalibrationModel.RASCH ? ", shared by all cases" : "");
    }

    private static String withSe(double value, double se) {
        return String.format(Locale.ROOT, "%.2f ± %.2f", value, se);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Span header(String text) {
        var span = new Span(text);
        span.getStyle().set("white-space", "normal");
        return span;
    }

    /** Sorts by an estimate; a case without one sorts as the lowest. */
    private static Comparator<CalibratedCase> byEstimate(Function<ItemEstimate, Double> value) {
        return Comparator.comparingDouble(c -> c.estimate().map(value).orElse(Double.NEGATIVE_INFINITY));
    }
}
