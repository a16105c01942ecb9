package org.calibra.scoring.jafroc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The integer case ids of an exported reader study and the cases they stand for: {@code cases.csv}, beside
 * {@code truth.csv}, {@code nl.csv} and {@code ll.csv} (docs/jafroc-format.md). RJafroc wants integer case ids, so a
 * study's cases are numbered 1, 2, ..., n and this table says which case version each number is.
 *
 * <pre>
 * CaseID,Case,Version,Truth,Lesions
 * 1,cxr-001,1,abnormal,1
 * 2,cxr-002,3,normal,0
 * </pre>
 *
 * @param entries one per case, by case id 1..n
 */
public record CaseMapping(List<Entry> entries) {

    public static final String FILE = "cases.csv";
    static final String HEADER = "CaseID,Case,Version,Truth,Lesions";
    private static final Pattern SLUG = Pattern.compile("[^,\"\\r\\n]+");

    /**
     * One case of the study.
     *
     * @param caseId  the integer id used in truth.csv, nl.csv and ll.csv
     * @param slug    the case's id in Calibra (e.g. {@code cxr-001})
     * @param version the case version that was read
     * @param abnormal whether its truth has lesions
     * @param lesions how many lesions (0 for a normal case); LesionID 1..lesions in the order of the truth's own ids
     */
    public record Entry(int caseId, String slug, int version, boolean abnormal, int lesions) {
        public Entry {
            Objects.requireNonNull(slug, "slug");
            if (caseId < 1) {
                throw new IllegalArgumentException("case id must be 1 or more, was " + caseId);
            }
            if (!SLUG.matcher(slug).matches() || !slug.strip().equals(slug)) {
                throw new IllegalArgumentException("case '" + slug + "' cannot be written to CSV unquoted");
            }
            if (abnormal != lesions > 0) {
                throw new IllegalArgumentException("case " + slug + ": an abnormal case has lesions, a normal one none (found " + lesions + ")");
            }
        }

        /** The truth as a word, as cases.csv writes it. */
        public String truth() {
            return abnormal ? "abnormal" : "normal";
        }
    }

    /** A case before it has its number. */
    public record Case(String slug, int version, boolean abnormal, int lesions) {}

    public CaseMapping {
        entries = List.copyOf(entries);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).caseId() != i + 1) {
                throw new IllegalArgumentException("case ids must be 1.." + entries.size() + " in order; entry " + (i + 1) + " has "
                        + entries.get(i).caseId());
            }
        }
    }

    /** Numbers the cases 1..n, sorted by case id in Calibra and then version, so the same cases always get the same numbers. */
    public static CaseMapping number(List<Case> cases) {
        var sorted = cases.stream().sorted(Comparator.comparing(Case::slug).thenComparingInt(Case::version)).toList();
        var entries = new ArrayList<Entry>();
        for (Case c : sorted) {
            entries.add(new Entry(entries.size() + 1, c.slug(), c.version(), c.abnormal(), c.lesions()));
        }
        return new CaseMapping(entries);
    }

    /** The integer id of a case version. */
    public int idOf(String slug, int version) {
        return entries.stream().filter(e -> e.slug().equals(slug) && e.version() == version).findFirst().map(Entry::caseId)
                .orElseThrow(() -> new IllegalArgumentException("case " + slug + " version " + version + " is not in the study"));
    }

    /** cases.csv: a header and one row per case, by case id. */
    public String toCsv() {
        var out = new StringBuilder(HEADER).append('\n');
        for (Entry e : entries) {
            out.append(e.caseId()).append(',').append(e.slug()).append(',').append(e.version()).append(',').append(e.truth()).append(',')
                    .append(e.lesions()).append('\n');
        }
        return out.toString();
    }

    /** Reads cases.csv, all or nothing: every problem, by line and column, in one {@link JafrocFormatException}. */
    public static CaseMapping read(Path casesCsv) {
        var problems = new Problems();
        List<String> lines;
        try {
            lines = Files.readAllLines(casesCsv, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            problems.add(FILE, 0, null, "file not found (" + casesCsv + "); expected the case mapping with columns " + HEADER);
            problems.throwIfAny("Cannot read the case mapping " + casesCsv);
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!lines.isEmpty() && lines.getFirst().startsWith("\uFEFF")) {
            lines.set(0, lines.getFirst().substring(1));
        }
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            problems.add(FILE, 0, null, "file is empty; expected a header row " + HEADER);
            problems.throwIfAny("Cannot read the case mapping " + casesCsv);
        }
        List<String> header;
        try {
            header = JafrocCsv.split(lines.get(first)).stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        } catch (IllegalArgumentException e) {
            problems.add(FILE, first + 1, null, e.getMessage());
            problems.throwIfAny("Cannot read the case mapping " + casesCsv);
            throw e;
        }
        Map<String, Integer> column = new HashMap<>();
        for (String name : HEADER.split(",")) {
            int i = header.indexOf(name.toLowerCase(Locale.ROOT));
            if (i < 0) {
                problems.add(FILE, first + 1, name, "missing column " + name + " in the header " + header + "; expected columns " + HEADER);
            }
            column.put(name, i);
        }
        problems.throwIfAny("Cannot read the case mapping " + casesCsv);
        var rows = new ArrayList<Entry>();
        Map<Integer, Integer> lineOfId = new HashMap<>();
        Set<String> versions = new HashSet<>();
        for (int i = first + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            List<String> cells;
            try {
                cells = JafrocCsv.split(lines.get(i)).stream().map(String::strip).toList();
            } catch (IllegalArgumentException e) {
                problems.add(FILE, lineNo, null, e.getMessage());
                continue;
            }
            if (cells.size() != header.size()) {
                problems.add(FILE, lineNo, null, "expected " + header.size() + " fields as in the header, found " + cells.size());
                continue;
            }
            Integer id = whole(cells.get(column.get("CaseID")), 1, "CaseID", "a case id 1, 2, ...", lineNo, problems);
            String slug = cells.get(column.get("Case"));
            if (slug.isEmpty()) {
                problems.add(FILE, lineNo, "Case", "expected the case's id in Calibra, found nothing");
            }
            Integer version = whole(cells.get(column.get("Version")), 1, "Version", "a case version 1, 2, ...", lineNo, problems);
            String truth = cells.get(column.get("Truth")).toLowerCase(Locale.ROOT);
            if (!truth.equals("normal") && !truth.equals("abnormal")) {
                problems.add(FILE, lineNo, "Truth", "expected normal or abnormal, found '" + cells.get(column.get("Truth")) + "'");
            }
            Integer lesions = whole(cells.get(column.get("Lesions")), 0, "Lesions", "a number of lesions 0, 1, 2, ...", lineNo, problems);
            if (id == null || slug.isEmpty() || version == null || lesions == null || !(truth.equals("normal") || truth.equals("abnormal"))) {
                continue;
            }
            if (truth.equals("abnormal") != lesions > 0) {
                problems.add(FILE, lineNo, "Lesions", "case " + id + " is " + truth + " but has " + lesions
                        + " lesions; expected 0 for a normal case and 1 or more for an abnormal one");
                continue;
            }
            Integer earlier = lineOfId.putIfAbsent(id, lineNo);
            if (earlier != null) {
                problems.add(FILE, lineNo, "CaseID", "case id " + id + " is already used at line " + earlier);
                continue;
            }
            if (!versions.add(slug + "\n" + version)) {
                problems.add(FILE, lineNo, "Case", "case " + slug + " version " + version + " is listed twice");
                continue;
            }
            rows.add(new Entry(id, slug, version, truth.equals("abnormal"), lesions));
        }
        rows.sort(Comparator.comparingInt(Entry::caseId));
        for (int i = 0; i < rows.size() && problems.isEmpty(); i++) {
            if (rows.get(i).caseId() != i + 1) {
                problems.add(FILE, 0, "CaseID", "case ids must run 1.." + rows.size() + " without gaps; " + (i + 1) + " is missing");
            }
        }
        problems.throwIfAny("Cannot read the case mapping " + casesCsv);
        return new CaseMapping(rows);
    }

    /**
     * What does not agree between this mapping and a study's TRUTH table, in words; empty when the mapping is
     * complete: every case of the study has exactly one row, with its truth and number of lesions.
     */
    public List<String> disagreementsWith(ReaderStudy study) {
        var problems = new ArrayList<String>();
        Map<String, Entry> byId = new HashMap<>();
        entries.forEach(e -> byId.put(Integer.toString(e.caseId()), e));
        var seen = new HashSet<String>();
        for (var c : java.util.stream.Stream.concat(study.truth().normals().stream(), study.truth().abnormals().stream()).toList()) {
            Entry e = byId.get(c.id());
            seen.add(c.id());
            if (e == null) {
                problems.add("case " + c.id() + " of truth.csv has no row in " + FILE);
            } else if (e.abnormal() != c.abnormal() || e.lesions() != c.lesions().size()) {
                problems.add("case " + c.id() + " is " + truthInWords(c.abnormal(), c.lesions().size()) + " in truth.csv but "
                        + truthInWords(e.abnormal(), e.lesions()) + " in " + FILE);
            }
        }
        entries.stream().filter(e -> !seen.contains(Integer.toString(e.caseId())))
                .forEach(e -> problems.add("case " + e.caseId() + " (" + e.slug() + " version " + e.version() + ") of " + FILE + " is not in truth.csv"));
        return problems;
    }

    private static String truthInWords(boolean abnormal, int lesions) {
        return abnormal ? "abnormal with " + lesions + (lesions == 1 ? " lesion" : " lesions") : "normal";
    }

    private static Integer whole(String cell, int least, String column, String expected, int line, Problems problems) {
        if (!cell.matches("\\d{1,9}") || Integer.parseInt(cell) < least) {
            problems.add(FILE, line, column, "expected " + expected + ", found '" + cell + "'");
            return null;
        }
        return Integer.parseInt(cell);
    }
}
