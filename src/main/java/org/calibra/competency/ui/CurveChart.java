package org.calibra.competency.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.List;
import java.util.Map;
import org.calibra.shared.JsonText;

/** {@code <calibra-chart>}: an SVG chart of observer-performance curves drawn in the browser. */
@Tag("calibra-chart")
@JsModule("./calibra-chart/calibra-chart.ts")
class CurveChart extends Component {

    CurveChart(String id, String xLabel, String yLabel, double xMax, boolean diagonal, String caption) {
        setId(id);
        getElement().setProperty("xLabel", xLabel);
        getElement().setProperty("yLabel", yLabel);
        getElement().setProperty("xMax", xMax);
        getElement().setProperty("diagonal", diagonal);
        getElement().setProperty("caption", caption);
    }

    CurveChart series(String name, List<double[]> points) {
        getElement().setProperty("series", JsonText.write(List.of(Map.of("name", name, "points", points))));
        return this;
    }
}
