package org.calibra.chart;

import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table alternative of a chart: the numbers the chart draws, as an HTML table with a caption and header cells, in a
 * closed "Show the data as a table" disclosure below the picture. Built on the server, so it is in the page for screen
 * readers, keyboard users and tests whether or not the browser draws the chart.
 */
public final class ChartTable {

    public static final String SUMMARY = "Show the data as a table";

    private ChartTable() {}

    /**
     * @param id      the table's id
     * @param caption what the table shows, in words
     * @param headers the column headers; the first column also heads each row
     * @param rows    one list of cell texts per row, as many cells as headers
     */
    public static NativeDetails of(String id, String caption, List<String> headers, List<List<String>> rows) {
        for (var row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("A chart table row has " + row.size() + " cells for " + headers.size() + " headers: " + row);
            }
        }
        var table = new NativeTable();
        table.setId(id);
        table.getStyle().set("border-collapse", "collapse").set("margin-top", "var(--lumo-space-s, 8px)");
        table.setCaptionText(caption);
        var headRow = new NativeTableRow();
        for (String h : headers) {
            var cell = new NativeTableHeaderCell(h);
            cell.getElement().setAttribute("scope", "col");
            headRow.add(padded(cell));
        }
        table.getHead().add(headRow);
        var body = table.getBody();
        for (var row : rows) {
            var tr = new NativeTableRow();
            var first = new NativeTableHeaderCell(row.getFirst());
            first.getElement().setAttribute("scope", "row");
            first.getStyle().set("font-weight", "normal");
            tr.add(padded(first));
            row.stream().skip(1).forEach(text -> tr.add(padded(new NativeTableCell(text))));
            body.add(tr);
        }
        var details = new NativeDetails(SUMMARY, table);
        details.addClassName("chart-table");
        return details;
    }

    /** One bar of a proportions chart: a share 0..1, its optional 95% interval and a note such as "4 of 7". */
    public record Share(String label, double value, Double lower, Double upper, String note) {}

    /** The table of a bar chart of shares; the interval and count columns appear when any bar has one. */
    public static NativeDetails ofShares(String id, String caption, String labelHeader, List<Share> shares) {
        boolean intervals = shares.stream().anyMatch(b -> b.lower() != null && b.upper() != null);
        boolean notes = shares.stream().anyMatch(b -> b.note() != null);
        var headers = new ArrayList<>(List.of(labelHeader, "Share"));
        if (intervals) {
            headers.add("95% interval");
        }
        if (notes) {
            headers.add("Count");
        }
        var rows = shares.stream().map(b -> {
            var row = new ArrayList<>(List.of(b.label(), percent(b.value())));
            if (intervals) {
                row.add(b.lower() != null && b.upper() != null ? percent(b.lower()) + "–" + percent(b.upper()) : "no interval");
            }
            if (notes) {
                row.add(b.note() == null ? "" : b.note());
            }
            return (List<String>) row;
        }).toList();
        return of(id, caption, headers, rows);
    }

    private static <C extends com.vaadin.flow.component.HasStyle> C padded(C cell) {
        cell.getStyle().set("padding", "2px 12px 2px 0").set("text-align", "left");
        return cell;
    }

    /** A value of a curve's axis, as the axis shows it (two decimals at most). */
    public static String number(double v) {
        return String.format(Locale.ENGLISH, "%.2f", v).replaceAll("\\.?0+$", "");
    }

    /** A proportion 0..1 as a whole percentage. */
    public static String percent(double v) {
        return Math.round(v * 100) + "%";
    }
}
