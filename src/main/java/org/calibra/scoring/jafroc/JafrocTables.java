package org.calibra.scoring.jafroc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.calibra.scoring.domain.roc.FrocCase;
import org.calibra.scoring.domain.roc.FrocDataset;
import org.calibra.scoring.domain.roc.FrocLesion;
import org.calibra.scoring.domain.roc.FrocTables;
import org.calibra.scoring.jafroc.ReaderStudy.ReaderModality;

/**
 * The JAFROC / RJafroc FROC data layout, multi-reader multi-modality: the three tables of
 * JAFROC's Excel workbook (sheets {@code TRUTH}, {@code FP} a.k.a. {@code NL}, {@code TP} a.k.a.
 * {@code LL}; RJafroc {@code DfReadDataFile}), as rows. {@link JafrocCsv} reads and writes them as
 * CSV; this class converts rows to and from a {@link ReaderStudy}, reusing {@link FrocTables} for
 * each (reader, modality).
 *
 * <ul>
 *   <li>TRUTH(CaseID, LesionID, Weight): one row per lesion of an abnormal case (LesionID 1, 2,
 *       ...) and one row with LesionID 0 per normal case. Weight 0 on every lesion of a case means
 *       equal weights; otherwise a case's weights sum to 1.</li>
 *   <li>NL(ReaderID, ModalityID, CaseID, NL_Rating): one row per non-lesion localisation.</li>
 *   <li>LL(ReaderID, ModalityID, CaseID, LesionID, LL_Rating): at most one row per lesion, reader
 *       and modality; a lesion without a row was not marked.</li>
 * </ul>
 */
public final class JafrocTables {

    /** How far a case's weights may stray from 1 and be kept as they are (rounding, e.g. 0.3 + 0.4 + 0.3). */
    static final double WEIGHT_EXACT_TOLERANCE = 1e-6;

    /**
     * RJafroc ({@code checkTruthTable}) rescales weights whose sum is within 0.99..1.01 to sum to 1,
     * so hand-typed thirds (0.33, 0.33, 0.33) are accepted; further off is an error there and here.
     * Compared as RJafroc does, against the bounds, so a sum of exactly 0.99 is inside.
     */
    static final double WEIGHT_RESCALE_LOW = 0.99;
    static final double WEIGHT_RESCALE_HIGH = 1.01;

    private JafrocTables() {
    }

    /** A table and its columns; the first name of each column is written, the others are accepted when reading. */
    public enum Table {
        TRUTH("truth.csv", List.of(List.of("CaseID"), List.of("LesionID"), List.of("Weight", "Weights"))),
        NL("nl.csv", List.of(List.of("ReaderID"), List.of("ModalityID"), List.of("CaseID"), List.of("NL_Rating", "FP_Rating"))),
        LL("ll.csv", List.of(List.of("ReaderID"), List.of("ModalityID"), List.of("CaseID"), List.of("LesionID"),
                List.of("LL_Rating", "TP_Rating")));

        private final String fileName;
        private final List<List<String>> columns;

        Table(String fileName, List<List<String>> columns) {
            this.fileName = fileName;
            this.columns = columns;
        }

        /** The file name in a study folder, e.g. {@code nl.csv}. */
        public String fileName() {
            return fileName;
        }

        /** Column names as written, in order. */
        public List<String> columns() {
            return columns.stream().map(List::getFirst).toList();
        }

        /** Accepted names of the column at {@code index}, the written one first. */
        List<String> namesOf(int index) {
            return columns.get(index);
        }
    }

    /** @param weight the lesion's weight; 0 on all of a case's lesions means equal weights; ignored for a normal case */
    public record TruthRow(String caseId, int lesionId, double weight) {
    }

    public record NlRow(String readerId, String modalityId, String caseId, double rating) {
    }

    public record LlRow(String readerId, String modalityId, String caseId, int lesionId, double rating) {
    }

    /** The three tables of a study. */
    public record Tables(List<TruthRow> truth, List<NlRow> nl, List<LlRow> ll) {

        public Tables {
            truth = List.copyOf(truth);
            nl = List.copyOf(nl);
            ll = List.copyOf(ll);
        }
    }

    /** Where a row came from, so problems name a file and line. */
    interface Where {

        String file(Table table);

        int line(Table table, int rowIndex);

        /** In-memory tables: the table name, and line = row index + 2, as if written with a header. */
        Where IN_MEMORY = new Where() {
            @Override
            public String file(Table table) {
                return table.name();
            }

            @Override
            public int line(Table table, int rowIndex) {
                return rowIndex + 2;
            }
        };
    }

    /**
     * The rows of a study: normal cases first, then abnormal cases, each in study order; weights
     * written as 0 when a case's lesions all have equal weight (the JAFROC convention); NL and LL
     * rows reader by reader, modality by modality, case by case.
     */
    public static Tables fromStudy(ReaderStudy study) {
        var truth = new ArrayList<TruthRow>();
        FrocDataset t = study.truth();
        for (FrocCase c : t.normals()) {
            truth.add(new TruthRow(c.id(), FrocTables.NORMAL_CASE_LESION_ID, 0));
        }
        for (FrocCase c : t.abnormals()) {
            int n = c.lesions().size();
            // Exactly 1/n is what the reader computes for weight 0, so writing 0 reads back equal.
            boolean equal = c.lesions().stream().allMatch(l -> l.weight() == 1.0 / n);
            for (FrocLesion l : c.lesions()) {
                truth.add(new TruthRow(c.id(), Integer.parseInt(l.id()), equal ? 0 : l.weight()));
            }
        }
        var nl = new ArrayList<NlRow>();
        var ll = new ArrayList<LlRow>();
        study.datasets().forEach((key, d) -> {
            for (List<FrocCase> group : List.of(d.normals(), d.abnormals())) {
                for (FrocCase c : group) {
                    c.nlRatings().forEach(r -> nl.add(new NlRow(key.reader(), key.modality(), c.id(), r)));
                }
            }
            for (FrocCase c : d.abnormals()) {
                for (FrocLesion l : c.lesions()) {
                    if (l.marked()) {
                        ll.add(new LlRow(key.reader(), key.modality(), c.id(), Integer.parseInt(l.id()), l.rating()));
                    }
                }
            }
        });
        return new Tables(truth, nl, ll);
    }

    /**
     * The study the tables describe. Readers and modalities are those named in NL or LL, in order of
     * first appearance; the study is fully crossed, so a reader-modality pair without rows is a
     * reader who marked nothing there (as in RJafroc).
     *
     * @throws JafrocFormatException with every problem found, rows located as "TRUTH line 3" etc.
     *                               (line = row index + 2, as if written with a header row)
     */
    public static ReaderStudy toStudy(Tables tables) {
        var problems = new Problems();
        ReaderStudy study = toStudy(tables, Where.IN_MEMORY, problems, true);
        problems.throwIfAny("JAFROC tables");
        return study;
    }

    /** The lines of one case in TRUTH and what it is. */
    private static final class CaseTruth {
        final String id;
        final int firstRow;
        Boolean normal; // null until the first row with a valid lesion id
        int normalRow = -1;
        final Map<Integer, Integer> lesionRows = new LinkedHashMap<>(); // lesion id -> row index
        final Map<Integer, Double> weights = new LinkedHashMap<>();

        CaseTruth(String id, int firstRow) {
            this.id = id;
            this.firstRow = firstRow;
        }
    }

    /**
     * Checks everything, reporting to {@code problems}, and returns the study, or null if there
     * were problems.
     *
     * @param truthComplete false when some TRUTH rows could not be parsed; then "unknown case or
     *                      lesion" is not reported, since it would mostly repeat that failure
     */
    static ReaderStudy toStudy(Tables t, Where where, Problems problems, boolean truthComplete) {
        String truthFile = where.file(Table.TRUTH);
        String nlFile = where.file(Table.NL);
        String llFile = where.file(Table.LL);

        // TRUTH: cases in order of first appearance, with their lesions and weights.
        var cases = new LinkedHashMap<String, CaseTruth>();
        for (int i = 0; i < t.truth().size(); i++) {
            TruthRow r = t.truth().get(i);
            int line = where.line(Table.TRUTH, i);
            if (!idOk(r.caseId(), truthFile, line, "CaseID", problems)) {
                continue;
            }
            final int row = i;
            CaseTruth c = cases.computeIfAbsent(r.caseId(), id -> new CaseTruth(id, row));
            if (r.lesionId() < 0) {
                problems.add(truthFile, line, "LesionID", "expected 0 (normal case) or a lesion number 1, 2, ..., found " + r.lesionId());
                continue;
            }
            if (r.lesionId() == FrocTables.NORMAL_CASE_LESION_ID) {
                if (c.normalRow >= 0) {
                    problems.add(truthFile, line, "LesionID", "case " + c.id + " is already declared normal at line "
                            + where.line(Table.TRUTH, c.normalRow) + "; a normal case has one row with LesionID 0");
                } else if (!c.lesionRows.isEmpty()) {
                    problems.add(truthFile, line, "LesionID", "case " + c.id + " has lesion(s) at line "
                            + where.line(Table.TRUTH, c.lesionRows.values().iterator().next())
                            + " and is declared normal (LesionID 0) here; a case is either normal or abnormal");
                } else {
                    c.normalRow = i;
                    c.normal = true;
                }
                continue;
            }
            if (c.normalRow >= 0) {
                problems.add(truthFile, line, "LesionID", "case " + c.id + " is declared normal (LesionID 0) at line "
                        + where.line(Table.TRUTH, c.normalRow) + " and has lesion " + r.lesionId()
                        + " here; a case is either normal or abnormal");
                continue;
            }
            Integer earlier = c.lesionRows.get(r.lesionId());
            if (earlier != null) {
                problems.add(truthFile, line, "LesionID", "case " + c.id + " lesion " + r.lesionId()
                        + " is already listed at line " + where.line(Table.TRUTH, earlier));
                continue;
            }
            if (!Double.isFinite(r.weight()) || r.weight() < 0) {
                problems.add(truthFile, line, "Weight", "expected a weight >= 0, found " + r.weight());
                continue;
            }
            c.normal = false;
            c.lesionRows.put(r.lesionId(), i);
            c.weights.put(r.lesionId(), r.weight());
        }
        if (t.truth().isEmpty()) {
            problems.add(truthFile, 0, null, "no cases; expected one row per normal case (LesionID 0) and per lesion");
        }
        var weights = checkWeights(cases, where, problems);

        // Readers and modalities: every id named in NL or LL.
        var readers = new LinkedHashSet<String>();
        var modalities = new LinkedHashSet<String>();

        // NL rows.
        var nlByCell = new LinkedHashMap<ReaderModality, List<FrocTables.NlRow>>();
        for (int i = 0; i < t.nl().size(); i++) {
            NlRow r = t.nl().get(i);
            int line = where.line(Table.NL, i);
            boolean ok = idOk(r.readerId(), nlFile, line, "ReaderID", problems)
                    & idOk(r.modalityId(), nlFile, line, "ModalityID", problems)
                    & idOk(r.caseId(), nlFile, line, "CaseID", problems)
                    & ratingOk(r.rating(), nlFile, line, "NL_Rating", problems);
            if (ok && truthComplete && !cases.containsKey(r.caseId())) {
                problems.add(nlFile, line, "CaseID", "case " + r.caseId() + " is not in " + truthFile);
                ok = false;
            }
            if (ok) {
                readers.add(r.readerId());
                modalities.add(r.modalityId());
                nlByCell.computeIfAbsent(new ReaderModality(r.readerId(), r.modalityId()), k -> new ArrayList<>())
                        .add(new FrocTables.NlRow(r.caseId(), r.rating()));
            }
        }

        // LL rows.
        var llByCell = new LinkedHashMap<ReaderModality, List<FrocTables.LlRow>>();
        var llSeen = new HashMap<List<Object>, Integer>(); // (reader, modality, case, lesion) -> row index
        for (int i = 0; i < t.ll().size(); i++) {
            LlRow r = t.ll().get(i);
            int line = where.line(Table.LL, i);
            boolean ok = idOk(r.readerId(), llFile, line, "ReaderID", problems)
                    & idOk(r.modalityId(), llFile, line, "ModalityID", problems)
                    & idOk(r.caseId(), llFile, line, "CaseID", problems)
                    & ratingOk(r.rating(), llFile, line, "LL_Rating", problems);
            if (!ok) {
                continue;
            }
            CaseTruth c = cases.get(r.caseId());
            if (truthComplete) {
                if (c == null) {
                    problems.add(llFile, line, "CaseID", "case " + r.caseId() + " is not in " + truthFile);
                    continue;
                }
                if (Boolean.TRUE.equals(c.normal)) {
                    problems.add(llFile, line, "CaseID", "case " + c.id + " is normal (LesionID 0 in " + truthFile
                            + "); LL rows belong to lesions of abnormal cases");
                    continue;
                }
                if (!c.lesionRows.containsKey(r.lesionId())) {
                    problems.add(llFile, line, "LesionID", "case " + c.id + " has no lesion " + r.lesionId() + " in "
                            + truthFile + " (its lesions: " + c.lesionRows.keySet().stream().map(String::valueOf)
                            .collect(Collectors.joining(", ")) + ")");
                    continue;
                }
            }
            Integer earlier = llSeen.putIfAbsent(List.of(r.readerId(), r.modalityId(), r.caseId(), r.lesionId()), i);
            if (earlier != null) {
                // JAFROC keeps one LL per lesion; two rows mean the highest-rating rule was not applied.
                problems.add(llFile, line, "LesionID", "reader " + r.readerId() + ", modality " + r.modalityId()
                        + ", case " + r.caseId() + ", lesion " + r.lesionId() + " is already rated at line "
                        + where.line(Table.LL, earlier) + "; keep one LL row per lesion (the highest-rated mark on it)");
                continue;
            }
            readers.add(r.readerId());
            modalities.add(r.modalityId());
            llByCell.computeIfAbsent(new ReaderModality(r.readerId(), r.modalityId()), k -> new ArrayList<>())
                    .add(new FrocTables.LlRow(r.caseId(), r.lesionId(), r.rating()));
        }
        if (t.nl().isEmpty() && t.ll().isEmpty()) {
            problems.add(nlFile, 0, null, "no rows in " + nlFile + " or " + llFile
                    + ", so there is no reader or modality; expected at least one mark");
        }
        if (!problems.isEmpty()) {
            return null;
        }

        // Everything FrocTables and ReaderStudy check has been checked above with a location; a
        // failure here would be a bug, but it is still reported rather than half-returned.
        var truthRows = new ArrayList<FrocTables.TruthRow>();
        cases.values().forEach(c -> {
            if (c.normal) {
                truthRows.add(new FrocTables.TruthRow(c.id, FrocTables.NORMAL_CASE_LESION_ID, 0));
            } else {
                weights.get(c.id).forEach((lesion, w) -> truthRows.add(new FrocTables.TruthRow(c.id, lesion, w)));
            }
        });
        try {
            var datasets = new LinkedHashMap<ReaderModality, FrocDataset>();
            for (String reader : readers) {
                for (String modality : modalities) {
                    var key = new ReaderModality(reader, modality);
                    datasets.put(key, FrocTables.toDataset(truthRows, nlByCell.getOrDefault(key, List.of()),
                            llByCell.getOrDefault(key, List.of())));
                }
            }
            return ReaderStudy.of(datasets);
        } catch (IllegalArgumentException e) {
            problems.add(truthFile, 0, null, e.getMessage());
            return null;
        }
    }

    /**
     * Final weights per abnormal case: 1/n each when all are 0 (kept as 0 for {@link FrocTables}),
     * as given when they sum to 1, rescaled when within RJafroc's 1 ± 0.01, else a problem.
     */
    private static Map<String, Map<Integer, Double>> checkWeights(Map<String, CaseTruth> cases, Where where,
            Problems problems) {
        String file = where.file(Table.TRUTH);
        var out = new HashMap<String, Map<Integer, Double>>();
        for (CaseTruth c : cases.values()) {
            if (c.normal == null || c.normal) {
                continue;
            }
            var ws = c.weights.values();
            long zeros = ws.stream().filter(w -> w == 0.0).count();
            int line = where.line(Table.TRUTH, c.lesionRows.values().iterator().next());
            if (zeros == ws.size()) {
                out.put(c.id, c.weights);
                continue;
            }
            if (zeros > 0) {
                problems.add(file, line, "Weight", "case " + c.id + " mixes weight 0 with non-zero weights "
                        + ws + "; expected 0 on every lesion (equal weights) or weights > 0 summing to 1");
                continue;
            }
            double sum = ws.stream().mapToDouble(Double::doubleValue).sum();
            if (Math.abs(sum - 1) <= WEIGHT_EXACT_TOLERANCE) {
                out.put(c.id, c.weights);
            } else if (sum >= WEIGHT_RESCALE_LOW && sum <= WEIGHT_RESCALE_HIGH) {
                var rescaled = new LinkedHashMap<Integer, Double>();
                c.weights.forEach((l, w) -> rescaled.put(l, w / sum));
                out.put(c.id, rescaled);
            } else {
                problems.add(file, line, "Weight", "weights of case " + c.id + " sum to " + sum + " " + ws
                        + "; expected weights summing to 1, or 0 on every lesion for equal weights");
            }
        }
        return out;
    }

    private static boolean idOk(String id, String file, int line, String column, Problems problems) {
        try {
            ReaderStudy.requireCsvId(id, column);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(file, line, column, "expected an id (" + (id == null ? "null" : "'" + id + "'")
                    + " is blank or has a comma, quote, line break or surrounding spaces)");
            return false;
        }
    }

    private static boolean ratingOk(double rating, String file, int line, String column, Problems problems) {
        if (Double.isFinite(rating)) {
            return true;
        }
        problems.add(file, line, column, "expected a finite rating, found " + rating
                + " (an unmarked lesion has no LL row; a case without NLs has no NL row)");
        return false;
    }
}
