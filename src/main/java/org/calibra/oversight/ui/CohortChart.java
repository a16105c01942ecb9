package org.calibra.oversight.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.List;
import org.calibra.chart.ChartTable;
import org.calibra.shared.JsonText;

/**
 * {@code <calibra-chart>} as a horizontal bar chart of proportions (0..1), each with an optional 95% interval and a note,
 * drawn by Observable Plot in the browser; the same numbers follow as a table ({@link ChartTable}) built here.
 */
@Tag("calibra-chart")
@JsModule("./calibra-chart/calibra-chart.ts")
@NpmPackage(value = "@observablehq/plot", version = "0.6.17")
class CohortChart extends Component {

    record Bar(String label, double value, Double lower, Double upper, String note) {}

    /**
     * @param labelHeader the table's header over the bars' labels, e.g. "Sensitivity range" or "Month"
     * @param tableId     the id of the table alternative
     */
    CohortChart(String id, String caption, String labelHeader, String tableId, List<Bar> bars) {
        setId(id);
        getElement().setProperty("caption", caption);
        getElement().setProperty("bars", JsonText.write(bars));
        getElement().appendChild(ChartTable.ofShares(tableId, caption, labelHeader,
                bars.stream().map(b -> new ChartTable.Share(b.label(), b.value(), b.lower(), b.upper(), b.note())).toList()).getElement());
    }
}
