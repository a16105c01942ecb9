package org.calibra.scoring.jafroc;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.calibra.scoring.jafroc.JafrocTables.LlRow;
import org.calibra.scoring.jafroc.JafrocTables.NlRow;
import org.calibra.scoring.jafroc.JafrocTables.Table;
import org.calibra.scoring.jafroc.JafrocTables.Tables;
import org.calibra.scoring.jafroc.JafrocTables.TruthRow;

/**
 * Reads and writes a {@link ReaderStudy} as three CSV files in the JAFROC layout
 * ({@link JafrocTables}): UTF-8, comma-separated, a header row, '.' as the decimal point.
 *
 * <p>Reading is all or nothing: either the whole study, or a {@link JafrocFormatException} listing
 * every problem found (up to {@value JafrocFormatException#MAX_PROBLEMS}), each with file, line,
 * column and what was expected. Columns are found by header name (case-insensitive, any order;
 * other columns are ignored, so RJafroc's newer TRUTH sheet with ReaderID, ModalityID and Paradigm
 * columns reads too). Blank lines are skipped; a UTF-8 byte-order mark, as Excel writes, is allowed.
 */
public final class JafrocCsv {

    /** A plain decimal number, optionally with an exponent: what R, Excel and Java all write and read. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** Whole numbers; "2.0" too, because spreadsheets sometimes export integers that way. */
    private static final Pattern WHOLE = Pattern.compile("\\+?\\d{1,9}(\\.0*)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private JafrocCsv() {
    }

    /** Reads {@code truth.csv}, {@code nl.csv} and {@code ll.csv} from a folder. */
    public static ReaderStudy read(Path folder) {
        if (!Files.isDirectory(folder)) {
            var problems = new Problems();
            problems.add(folder.toString(), 0, null, "not a folder; expected a folder with "
                    + Table.TRUTH.fileName() + ", " + Table.NL.fileName() + " and " + Table.LL.fileName());
            problems.throwIfAny("JAFROC study");
        }
        return read(folder.resolve(Table.TRUTH.fileName()), folder.resolve(Table.NL.fileName()),
                folder.resolve(Table.LL.fileName()));
    }

    /**
     * @throws JafrocFormatException if a file is missing, unreadable or not as described in
     *                               {@link JafrocTables}; the message lists every problem
     */
    public static ReaderStudy read(Path truthCsv, Path nlCsv, Path llCsv) {
        var problems = new Problems();
        var paths = new EnumMap<Table, Path>(Map.of(Table.TRUTH, truthCsv, Table.NL, nlCsv, Table.LL, llCsv));
        var lines = new EnumMap<Table, List<Integer>>(Table.class);

        List<TruthRow> truth = parse(truthCsv, Table.TRUTH, problems, lines, cells -> new TruthRow(
                cells.id(0), cells.whole(1), cells.number(2)));
        boolean truthComplete = !problems.concern(name(truthCsv));
        List<NlRow> nl = parse(nlCsv, Table.NL, problems, lines, cells -> new NlRow(
                cells.id(0), cells.id(1), cells.id(2), cells.rating(3)));
        List<LlRow> ll = parse(llCsv, Table.LL, problems, lines, cells -> new LlRow(
                cells.id(0), cells.id(1), cells.id(2), cells.whole(3), cells.rating(4)));

        ReaderStudy study = null;
        if (truth != null && nl != null && ll != null) {
            var where = new JafrocTables.Where() {
                @Override
                public String file(Table table) {
                    return name(paths.get(table));
                }

                @Override
                public int line(Table table, int rowIndex) {
                    return lines.get(table).get(rowIndex);
                }
            };
            study = JafrocTables.toStudy(new Tables(truth, nl, ll), where, problems, truthComplete);
        }
        problems.throwIfAny("JAFROC study " + describe(truthCsv, nlCsv, llCsv));
        return study;
    }

    /**
     * Writes {@code truth.csv}, {@code nl.csv} and {@code ll.csv} into {@code folder} (created if
     * needed, files replaced), so that {@code read(folder)} gives an equal study.
     */
    public static void write(ReaderStudy study, Path folder) throws IOException {
        Tables t = JafrocTables.fromStudy(study);
        Files.createDirectories(folder);
        var truth = new StringBuilder();
        for (TruthRow r : t.truth()) {
            line(truth, r.caseId(), Integer.toString(r.lesionId()), number(r.weight()));
        }
        var nl = new StringBuilder();
        for (NlRow r : t.nl()) {
            line(nl, r.readerId(), r.modalityId(), r.caseId(), number(r.rating()));
        }
        var ll = new StringBuilder();
        for (LlRow r : t.ll()) {
            line(ll, r.readerId(), r.modalityId(), r.caseId(), Integer.toString(r.lesionId()), number(r.rating()));
        }
        writeTable(folder, Table.TRUTH, truth);
        writeTable(folder, Table.NL, nl);
        writeTable(folder, Table.LL, ll);
    }

    /**
     * The shortest decimal that reads back as the same double (Java's {@link Double#toString}
     * digits), without exponent or trailing zeros: 3 not 3.0, 0.0001 not 1.0E-4, so it reads the
     * same in R and Excel. −0 keeps its sign because {@code Double.equals} tells it from 0.
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write " + value + " to a JAFROC table");
        }
        if (value == 0) {
            return Double.doubleToRawLongBits(value) == 0 ? "0" : "-0";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void line(StringBuilder out, String... cells) {
        out.append(String.join(",", cells)).append('\n');
    }

    private static void writeTable(Path folder, Table table, CharSequence rows) throws IOException {
        Files.writeString(folder.resolve(table.fileName()), String.join(",", table.columns()) + "\n" + rows,
                StandardCharsets.UTF_8);
    }

    /** "in folder" when the three files share one, else the three paths. */
    private static String describe(Path truth, Path nl, Path ll) {
        Path folder = truth.getParent();
        if (folder != null && folder.equals(nl.getParent()) && folder.equals(ll.getParent())) {
            return "in " + folder;
        }
        return "from " + truth + ", " + nl + ", " + ll;
    }

    private static String name(Path p) {
        Path n = p.getFileName();
        return n == null ? p.toString() : n.toString();
    }

    // ---------------------------------------------------------------- parsing

    /** The cells of one data row, by required-column index, reporting bad cells as problems. */
    private static final class Cells {
        private final String file;
        private final int line;
        private final List<String> fields;
        private final int[] columnIndex;
        private final List<String> columnNames;
        private final Problems problems;
        private boolean bad;

        Cells(String file, int line, List<String> fields, int[] columnIndex, List<String> columnNames, Problems problems) {
            this.file = file;
            this.line = line;
            this.fields = fields;
            this.columnIndex = columnIndex;
            this.columnNames = columnNames;
            this.problems = problems;
        }

        private String raw(int column) {
            int i = columnIndex[column];
            return i < fields.size() ? fields.get(i) : null;
        }

        /** Reports and carries on, so one row can show several bad cells; the row is dropped. */
        private <T> T fail(int column, String message, T placeholder) {
            problems.add(file, line, columnNames.get(column), message);
            bad = true;
            return placeholder;
        }

        private String found(String s) {
            return s.isEmpty() ? "an empty cell" : "'" + s + "'";
        }

        String id(int column) {
            String s = raw(column);
            if (s == null || s.isEmpty()) {
                return fail(column, "expected an id, found " + (s == null ? "no cell" : "an empty cell"), "?");
            }
            if (s.contains("\"")) {
                return fail(column, "expected an id without quotes, found " + found(s), "?");
            }
            return s;
        }

        int whole(int column) {
            String s = raw(column);
            if (s == null) {
                return fail(column, "expected a whole number >= 0, found no cell", 0);
            }
            if (!WHOLE.matcher(s).matches()) {
                return fail(column, "expected a whole number >= 0 (0 for a normal case, 1, 2, ... for lesions), found "
                        + found(s), 0);
            }
            int dot = s.indexOf('.');
            return Integer.parseInt(dot < 0 ? s : s.substring(0, dot));
        }

        double number(int column) {
            return decimal(column, "a number");
        }

        double rating(int column) {
            return decimal(column, "a rating");
        }

        private double decimal(int column, String what) {
            String s = raw(column);
            if (s == null) {
                return fail(column, "expected " + what + ", found no cell", 0.0);
            }
            if (NOT_FINITE.matcher(s).matches()) {
                return fail(column, "expected a finite number, found " + found(s)
                        + " (an unmarked lesion has no LL row; a case without NLs has no NL row)", 0.0);
            }
            if (!DECIMAL.matcher(s).matches()) {
                return fail(column, "expected " + what + " with '.' as the decimal point, found " + found(s), 0.0);
            }
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                return fail(column, "expected a finite number, found " + found(s) + " (too large for a double)", 0.0);
            }
            return v;
        }
    }

    /**
     * Parses one file into rows, recording each row's line number in {@code lines}; returns null
     * when the file cannot be read or its header lacks a column (rows are then meaningless).
     */
    private static <R> List<R> parse(Path path, Table table, Problems problems, Map<Table, List<Integer>> lines,
            Function<Cells, R> toRow) {
        String file = name(path);
        String text;
        try {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            text = decoder.decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (NoSuchFileException e) {
            problems.add(file, 0, null, "file not found (" + path + "); expected the " + table
                    + " table with columns " + String.join(",", table.columns()));
            return null;
        } catch (CharacterCodingException e) {
            problems.add(file, 0, null, "not UTF-8 text; save the file as CSV UTF-8");
            return null;
        } catch (IOException e) {
            problems.add(file, 0, null, "cannot read " + path + ": " + e);
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] all = text.split("\r\n|\n|\r", -1);

        int headerLine = 0;
        while (headerLine < all.length && all[headerLine].isBlank()) {
            headerLine++;
        }
        if (headerLine == all.length) {
            problems.add(file, 0, null, "file is empty; expected a header row " + String.join(",", table.columns())
                    + (table == Table.TRUTH ? " and one row per case or lesion" : ""));
            return null;
        }
        List<String> header = splitOrReport(all[headerLine], file, headerLine + 1, problems);
        if (header == null) {
            return null;
        }
        int columns = table.columns().size();
        int[] index = new int[columns];
        var names = new ArrayList<String>();
        boolean headerOk = true;
        for (int c = 0; c < columns; c++) {
            List<String> accepted = table.namesOf(c);
            index[c] = -1;
            for (int h = 0; h < header.size(); h++) {
                String name = header.get(h);
                if (accepted.stream().anyMatch(a -> a.equalsIgnoreCase(name))) {
                    if (index[c] >= 0) {
                        problems.add(file, headerLine + 1, name, "column " + table.columns().get(c)
                                + " appears twice in the header (fields " + (index[c] + 1) + " and " + (h + 1) + ")");
                        headerOk = false;
                    } else {
                        index[c] = h;
                    }
                }
            }
            if (index[c] < 0) {
                problems.add(file, headerLine + 1, table.columns().get(c), "missing column "
                        + String.join(" (or ", accepted) + (accepted.size() > 1 ? ")" : "")
                        + " in the header " + header + "; expected columns " + String.join(",", table.columns()));
                headerOk = false;
                names.add(table.columns().get(c));
            } else {
                names.add(header.get(index[c]));
            }
        }
        if (!headerOk) {
            return null;
        }

        var rows = new ArrayList<R>();
        var rowLines = new ArrayList<Integer>();
        for (int i = headerLine + 1; i < all.length; i++) {
            if (all[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            List<String> fields = splitOrReport(all[i], file, line, problems);
            if (fields == null) {
                continue;
            }
            if (fields.size() > header.size() && fields.subList(header.size(), fields.size()).stream().anyMatch(f -> !f.isEmpty())) {
                problems.add(file, line, null, "expected " + header.size() + " fields as in the header, found "
                        + fields.size() + " (a decimal comma? use '.' as the decimal point)");
                continue;
            }
            var cells = new Cells(file, line, fields, index, names, problems);
            R row = toRow.apply(cells);
            if (!cells.bad) {
                rows.add(row);
                rowLines.add(line);
            }
        }
        lines.put(table, rowLines);
        return rows;
    }

    private static List<String> splitOrReport(String line, String file, int lineNo, Problems problems) {
        try {
            return split(line);
        } catch (IllegalArgumentException e) {
            problems.add(file, lineNo, null, e.getMessage());
            return null;
        }
    }

    /**
     * Splits one CSV line on commas, trimming each field. A field may be double-quoted (as
     * spreadsheets write), with "" for a quote inside; quoted line breaks are not supported because
     * no JAFROC cell needs one.
     */
    static List<String> split(String line) {
        var fields = new ArrayList<String>();
        var cell = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("a quoted field is not closed; expected a closing '\"'");
                    }
                    char ch = line.charAt(i++);
                    if (ch == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(ch);
                    }
                }
                while (i < n && line.charAt(i) != ',') {
                    if (!Character.isWhitespace(line.charAt(i))) {
                        throw new IllegalArgumentException("text after a closing quote; expected ',' or the end of the line");
                    }
                    i++;
                }
                fields.add(cell.toString().strip());
            } else {
                while (i < n && line.charAt(i) != ',') {
                    cell.append(line.charAt(i++));
                }
                fields.add(cell.toString().strip());
            }
            cell.setLength(0);
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }
}
