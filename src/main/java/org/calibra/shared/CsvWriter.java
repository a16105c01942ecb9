package org.calibra.shared;

import java.util.List;

/**
 * The one way Calibra writes CSV for people to open in a spreadsheet (RFC 4180: comma-separated, CRLF after every
 * record, a cell quoted when it holds a comma, quote, CR or LF, a quote inside doubled). Cells are written as given;
 * text that came from users or content goes through {@link #text} first, which defuses what Excel or LibreOffice would
 * run as a formula (OWASP "CSV injection"): hospitals open these reports by double-click. Figures we format ourselves
 * (a negative index, an ISO date) stay as they are so the spreadsheet still reads them as numbers and dates.
 */
public final class CsvWriter {

    /** First characters a spreadsheet takes as the start of a formula (or, tab and CR, that hide one after them). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final StringBuilder out = new StringBuilder();

    /** Appends one record; a null cell is an empty one. */
    public CsvWriter row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(cells.get(i) == null ? "" : cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    /** The records written so far. */
    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * Text from outside (a pasted item, a name, a title) as a cell no spreadsheet runs: prefixed with an apostrophe when it
     * starts like a formula. Null is the empty cell.
     */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    static String quoted(String cell) {
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
