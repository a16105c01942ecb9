package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;

/**
 * What a {@code <calibra-chart>} shows in the browser, as a reader and a screen reader meet it: the picture (an SVG drawn
 * by Observable Plot inside role="img" with a summary), its axis titles, any text that reaches outside the SVG's box, the
 * marks drawn (points or bars) and the rows of its table alternative.
 */
final class Charts {

    record Drawn(String id, String summary, List<String> axisTitles, List<String> clipped, long marks, long tableRows, String tableSummary) {}

    private static final String MEASURE = """
            const chart = arguments[0], root = chart.shadowRoot;
            const picture = root && root.querySelector('[role=img]');
            const svg = picture && picture.querySelector(':scope > svg');
            if (!svg || !svg.querySelector('g[data-mark]')) return null;
            const box = svg.getBoundingClientRect();
            const clipped = [...svg.querySelectorAll('text')].filter(t => {
              const r = t.getBoundingClientRect();
              return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
            }).map(t => t.textContent);
            const marks = svg.querySelectorAll('g[data-mark=dot] circle, g[data-mark=bar] rect').length;
            const summary = chart.querySelector('details > summary');
            return {summary: picture.getAttribute('aria-label') || '',
              axisTitles: [...svg.querySelectorAll('g[data-mark="x-axis label"] text, g[data-mark="y-axis label"] text')].map(t => t.textContent),
              clipped, marks, tableRows: chart.querySelectorAll('details table tbody tr').length,
              tableSummary: summary ? summary.textContent : ''};
            """;

    private Charts() {}

    /** The chart with this id once Plot has drawn it (waits for the picture). */
    @SuppressWarnings("unchecked")
    static Drawn drawn(Browser browser, String id) {
        var chart = browser.waitFor(d -> d.findElement(By.id(id)));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", chart);
        var m = (Map<String, Object>) browser.waitFor(d -> browser.driver.executeScript(MEASURE, chart));
        return new Drawn(id, (String) m.get("summary"), (List<String>) m.get("axisTitles"), (List<String>) m.get("clipped"),
                (Long) m.get("marks"), (Long) m.get("tableRows"), (String) m.get("tableSummary"));
    }

    /** Drawn as SVG, summarised for screen readers, nothing outside the picture, and a table row for every point or bar. */
    static Drawn assertReadable(Browser browser, String id) {
        var chart = drawn(browser, id);
        assertThat(chart.summary()).as(id + " role=img summary").isNotBlank();
        assertThat(chart.clipped()).as(id + ": text outside the SVG").isEmpty();
        assertThat(chart.marks()).as(id + ": points or bars drawn").isPositive();
        assertThat(chart.tableRows()).as(id + ": table alternative rows, one per point or bar").isEqualTo(chart.marks());
        assertThat(chart.tableSummary()).isEqualTo("Show the data as a table");
        return chart;
    }
}
