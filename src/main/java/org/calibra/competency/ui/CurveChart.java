package org.calibra.competency.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.List;
import java.util.Map;
import org.calibra.shared.JsonText;

/** {@code <calibra-chart>}: an SVG chart of observer-performance curves drawn in the browser. */
@Tag("calibra-chart")
@JsModule("./calibra-chart/calibra-chart.ts")
@NpmPackage(value = "@observablehq/plot", version = "0.6.17")
class CurveChart extends Component {

    CurveChart(String id, String xLabel, String yLabel, double xMax, boolean diagonal, String caption) {
        setId(id);
        getElement().setProperty("xLabel", xLabel);
        getElement().setProperty("yLabel", yLabel);
        getElement().setProperty("xMax", xMax);
        getElement().setProperty("diagonal", diagonal);
        getElement().setProperty("caption", caption);
    }

    private final List<Map<String, Object>> series = new java.util.ArrayList<>();

    CurveChart series(String name, List<double[]> points) {
        series.add(Map.of("name", name, "points", points));
        getElement().setProperty("series", JsonText.write(series));
        return this;
    }

    /** Points without a line, e.g. other residents' operating points. */
    CurveChart scatter(String name, List<double[]> points) {
        series.add(Map.of("name", name, "points", points, "scatter", true));
        getElement().setProperty("series", JsonText.write(series));
        return this;
    }

    /** A horizontal bar chart of proportions (0..1) with their intervals instead of curves. */
    static CurveChart bars(String id, String caption, List<Bar> bars) {
        var chart = new CurveChart(id, "", "", 1, false, caption);
        chart.getElement().setProperty("bars", JsonText.write(bars));
        return chart;
    }

    record Bar(String label, double value, Double lower, Double upper, String note) {}
}
