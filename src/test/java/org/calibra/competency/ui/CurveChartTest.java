package org.calibra.competency.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class CurveChartTest {

    @Test
    void the_table_alternative_has_a_row_per_point_drawn_and_the_axes_titles_in_words() {
        var chart = new CurveChart("cohort-chart", "false-positive fraction", "true-positive fraction", 1, true, "Your calls among others'")
                .scatter("other residents", List.of(new double[] {0.1, 0.8}, new double[] {0.3, 0.9}))
                .series("you", List.of(new double[] {0.2, 0.9}));
        var html = Jsoup.parse(chart.getElement().getOuterHTML());

        assertThat(chart.getElement().getProperty("xLabel")).isEqualTo("False-positive fraction (1 − specificity)");
        assertThat(chart.getElement().getProperty("yLabel")).isEqualTo("True-positive fraction (sensitivity)");
        assertThat(html.select("calibra-chart > details")).as("one table, rebuilt as series are added").hasSize(1);
        var table = html.selectFirst("table#cohort-chart-table");
        assertThat(table.select("caption").text()).isEqualTo("Your calls among others'");
        assertThat(table.select("thead th").eachText())
                .containsExactly("Series", "False-positive fraction (1 − specificity)", "True-positive fraction (sensitivity)");
        assertThat(table.select("tbody tr").eachText()).containsExactly("other residents 0.1 0.8", "other residents 0.3 0.9", "you 0.2 0.9");
    }

    @Test
    void bars_get_a_table_of_shares_and_labels_pass_through_capitalised() {
        var chart = CurveChart.bars("reliance-chart", "Reliance on the AI", List.of(new CurveChart.Bar("Asked for the AI", 1, 0.21, 1.0, "1 of 1")));
        var html = Jsoup.parse(chart.getElement().getOuterHTML());
        assertThat(html.select("table#reliance-chart-table tbody tr").eachText()).containsExactly("Asked for the AI 100% 21%–100% 1 of 1");
        assertThat(CurveChart.axisTitle("time on the case")).isEqualTo("Time on the case");
    }
}
