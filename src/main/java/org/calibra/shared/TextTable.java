package org.calibra.shared;

import java.io.PrintStream;
import java.util.List;

/** Rows of text printed as aligned columns (two spaces apart), for the command-line reports. */
public final class TextTable {

    private TextTable() {
    }

    /** Prints {@code rows} (the first one usually the headings), each line after {@code indent}, without trailing spaces. */
    public static void print(List<List<String>> rows, PrintStream out, String indent) {
        int cols = rows.getFirst().size();
        int[] width = new int[cols];
        for (var r : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        for (var r : rows) {
            var s = new StringBuilder(indent);
            for (int c = 0; c < cols; c++) {
                s.append(c == 0 ? "" : "  ").append(r.get(c)).append(" ".repeat(width[c] - r.get(c).length()));
            }
            out.println(s.toString().stripTrailing());
        }
    }
}
