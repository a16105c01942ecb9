package org.calibra.competency.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.calibra.chart.ChartTable;
import org.calibra.shared.JsonText;

/**
 * {@code <calibra-chart>}: observer-performance curves (or proportions as bars) drawn in the browser by Observable Plot,
 * with the same numbers as a table below it ({@link ChartTable}), built here so it is in the page without the browser.
 */
@Tag("calibra-chart")
@JsModule("./calibra-chart/calibra-chart.ts")
@NpmPackage(value = "@observablehq/plot", version = "0.6.17")
class CurveChart extends Component {

    /** The short axis names pages pass, as titles that say what the axis measures in a reader's terms. */
    private static final Map<String, String> AXIS_TITLES = Map.of(
            "false-positive fraction", "False-positive fraction (1 − specificity)",
            "true-positive fraction", "True-positive fraction (sensitivity)",
            "non-lesion marks per case", "Marks on no lesion, per case",
            "lesions found", "Fraction of lesions found",
            "fraction of normal cases with a mark", "Fraction of normal cases with a mark",
            "weighted lesions found", "Weighted fraction of lesions found");

    private final String caption;
    private final String xTitle;
    private final String yTitle;
    private final List<Map<String, Object>> series = new ArrayList<>();
    private List<Bar> bars = List.of();
    private Element table;

    CurveChart(String id, String xLabel, String yLabel, double xMax, boolean diagonal, String caption) {
        setId(id);
        this.caption = caption;
        this.xTitle = axisTitle(xLabel);
        this.yTitle = axisTitle(yLabel);
        getElement().setProperty("xLabel", xTitle);
        getElement().setProperty("yLabel", yTitle);
        getElement().setProperty("xMax", xMax);
        getElement().setProperty("diagonal", diagonal);
        getElement().setProperty("caption", caption);
        showTable();
    }

    CurveChart series(String name, List<double[]> points) {
        series.add(Map.of("name", name, "points", points));
        getElement().setProperty("series", JsonText.write(series));
        showTable();
        return this;
    }

    /** Points without a line, e.g. other residents' operating points. */
    CurveChart scatter(String name, List<double[]> points) {
        series.add(Map.of("name", name, "points", points, "scatter", true));
        getElement().setProperty("series", JsonText.write(series));
        showTable();
        return this;
    }

    /** A horizontal bar chart of proportions (0..1) with their intervals instead of curves. */
    static CurveChart bars(String id, String caption, List<Bar> bars) {
        var chart = new CurveChart(id, "", "", 1, false, caption);
        chart.bars = List.copyOf(bars);
        chart.getElement().setProperty("bars", JsonText.write(bars));
        chart.showTable();
        return chart;
    }

    record Bar(String label, double value, Double lower, Double upper, String note) {}

    static String axisTitle(String label) {
        String title = AXIS_TITLES.get(label);
        if (title != null || label.isEmpty()) {
            return title != null ? title : label;
        }
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /** The table alternative, rebuilt as series are added: one row per point drawn, or one per bar. */
    private void showTable() {
        if (table != null) {
            getElement().removeChild(table);
        }
        table = (bars.isEmpty() ? pointTable() : barTable()).getElement();
        getElement().appendChild(table);
    }

    private Component pointTable() {
        var rows = new ArrayList<List<String>>();
        for (var s : series) {
            @SuppressWarnings("unchecked")
            var points = (List<double[]>) s.get("points");
            points.forEach(p -> rows.add(List.of((String) s.get("name"), ChartTable.number(p[0]), ChartTable.number(p[1]))));
        }
        return ChartTable.of(getId().orElseThrow() + "-table", caption, List.of("Series", xTitle, yTitle), rows);
    }

    private Component barTable() {
        return ChartTable.ofShares(getId().orElseThrow() + "-table", caption, "Measure",
                bars.stream().map(b -> new ChartTable.Share(b.label(), b.value(), b.lower(), b.upper(), b.note())).toList());
    }
}
