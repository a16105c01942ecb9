package org.calibra.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class ChartTableTest {

    @Test
    void a_table_has_its_caption_first_column_headers_and_a_row_header_per_row_inside_a_closed_disclosure() {
        var details = ChartTable.of("roc-table", "ROC: your calls", List.of("Series", "False-positive fraction", "True-positive fraction"),
                List.of(List.of("you", "0", "0.4"), List.of("you", "0.25", "1")));
        var html = Jsoup.parse(details.getElement().getOuterHTML());

        assertThat(html.select("details > summary").text()).isEqualTo("Show the data as a table");
        assertThat(html.select("details").attr("open")).isEmpty();
        var table = html.selectFirst("details table#roc-table");
        assertThat(table.child(0).tagName()).isEqualTo("caption");
        assertThat(table.child(0).text()).isEqualTo("ROC: your calls");
        assertThat(table.select("thead th[scope=col]").eachText()).containsExactly("Series", "False-positive fraction", "True-positive fraction");
        assertThat(table.select("tbody tr")).hasSize(2);
        assertThat(table.select("tbody tr").get(1).select("th[scope=row]").text()).isEqualTo("you");
        assertThat(table.select("tbody tr").get(1).select("td").eachText()).containsExactly("0.25", "1");
    }

    @Test
    void shares_show_percentages_and_intervals_and_counts_only_when_some_bar_has_them() {
        var withAll = Jsoup.parse(ChartTable.ofShares("t", "Reliance", "Measure", List.of(
                new ChartTable.Share("Asked for the AI", 0.625, 0.31, 0.86, "5 of 8"),
                new ChartTable.Share("Changed your mind", 0, null, null, null))).getElement().getOuterHTML());
        assertThat(withAll.select("thead th").eachText()).containsExactly("Measure", "Share", "95% interval", "Count");
        assertThat(withAll.select("tbody tr").get(0).text()).isEqualTo("Asked for the AI 63% 31%–86% 5 of 8");
        assertThat(withAll.select("tbody tr").get(1).select("td").stream().map(org.jsoup.nodes.Element::text))
                .containsExactly("0%", "no interval", "");

        var plain = Jsoup.parse(ChartTable.ofShares("t", "Spread", "Sensitivity range", List.of(
                new ChartTable.Share("80%–90%", 0.5, null, null, null))).getElement().getOuterHTML());
        assertThat(plain.select("thead th").eachText()).containsExactly("Sensitivity range", "Share");
    }

    @Test
    void a_row_with_more_or_fewer_cells_than_headers_is_refused_with_the_counts() {
        assertThatThrownBy(() -> ChartTable.of("t", "c", List.of("A", "B"), List.of(List.of("only one"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells for 2 headers");
    }

    @Test
    void numbers_read_as_the_axis_shows_them() {
        assertThat(ChartTable.number(0)).isEqualTo("0");
        assertThat(ChartTable.number(10)).isEqualTo("10");
        assertThat(ChartTable.number(0.5)).isEqualTo("0.5");
        assertThat(ChartTable.number(1 / 3.0)).isEqualTo("0.33");
        assertThat(ChartTable.percent(0.995)).isEqualTo("100%");
    }
}
