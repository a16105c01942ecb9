package org.calibra.oversight.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.List;
import org.calibra.shared.JsonText;

/** {@code <calibra-chart>} as a horizontal bar chart of proportions (0..1), each with an optional 95% interval and a note. */
@Tag("calibra-chart")
@JsModule("./calibra-chart/calibra-chart.ts")
@NpmPackage(value = "@observablehq/plot", version = "0.6.17")
class CohortChart extends Component {

    record Bar(String label, double value, Double lower, Double upper, String note) {}

    CohortChart(String id, String caption, List<Bar> bars) {
        setId(id);
        getElement().setProperty("caption", caption);
        getElement().setProperty("bars", JsonText.write(bars));
    }
}
