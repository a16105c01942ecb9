package org.calibra.scoring.jafroc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.calibra.scoring.domain.roc.FrocCase;
import org.calibra.scoring.domain.roc.FrocDataset;
import org.calibra.scoring.domain.roc.FrocLesion;

/**
 * A multi-reader multi-modality FROC study: one {@link FrocDataset} per (reader, modality), all
 * over the same cases with the same truth. It is fully crossed, as RJafroc's factorial ("FCTRL")
 * design is: every reader read every case in every modality.
 *
 * <p>The invariants are exactly what the three JAFROC tables can express, so that writing a study
 * and reading it back gives an equal study: the same cases in the same order, lesion ids that are
 * whole numbers 1, 2, ..., and ids that fit in a CSV cell without quoting.
 */
public final class ReaderStudy {

    /** One cell of the study design. */
    public record ReaderModality(String reader, String modality) {

        public ReaderModality {
            requireCsvId(reader, "reader id");
            requireCsvId(modality, "modality id");
        }

        @Override
        public String toString() {
            return "reader " + reader + " / modality " + modality;
        }
    }

    /** JAFROC lesion ids are positive integers; written without leading zeros so they read back equal. */
    private static final Pattern LESION_ID = Pattern.compile("[1-9][0-9]{0,8}");

    private final List<String> readers;
    private final List<String> modalities;
    private final Map<ReaderModality, FrocDataset> datasets;

    private ReaderStudy(List<String> readers, List<String> modalities, Map<ReaderModality, FrocDataset> datasets) {
        this.readers = readers;
        this.modalities = modalities;
        this.datasets = datasets;
    }

    /**
     * @param datasets one dataset per (reader, modality); iteration order fixes the order of readers
     *                 and modalities
     * @throws IllegalArgumentException if the map is empty, a (reader, modality) pair is missing,
     *                                  the datasets differ in cases or truth, or an id cannot be
     *                                  written to a JAFROC table
     */
    public static ReaderStudy of(Map<ReaderModality, FrocDataset> datasets) {
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("a reader study needs at least one reader and one modality");
        }
        var readers = new LinkedHashSet<String>();
        var modalities = new LinkedHashSet<String>();
        datasets.keySet().forEach(k -> {
            readers.add(k.reader());
            modalities.add(k.modality());
        });
        var ordered = new LinkedHashMap<ReaderModality, FrocDataset>();
        FrocDataset first = null;
        ReaderModality firstKey = null;
        for (String r : readers) {
            for (String m : modalities) {
                var key = new ReaderModality(r, m);
                FrocDataset d = datasets.get(key);
                if (d == null) {
                    throw new IllegalArgumentException("no dataset for " + key
                            + "; a study must be fully crossed (every reader reads in every modality)");
                }
                if (first == null) {
                    first = d;
                    firstKey = key;
                    requireWritableTruth(d);
                } else if (!sameTruth(first, d)) {
                    throw new IllegalArgumentException(key + " has other cases or truth than " + firstKey
                            + "; every dataset must cover the same cases, in the same order, with the same lesions and weights");
                }
                ordered.put(key, d);
            }
        }
        return new ReaderStudy(List.copyOf(readers), List.copyOf(modalities), Collections.unmodifiableMap(ordered));
    }

    /** Reader ids, in study order. */
    public List<String> readers() {
        return readers;
    }

    /** Modality ids, in study order. */
    public List<String> modalities() {
        return modalities;
    }

    /** All datasets, modality-major within reader: (r1, m1), (r1, m2), ..., (r2, m1), ... */
    public Map<ReaderModality, FrocDataset> datasets() {
        return datasets;
    }

    /** @throws IllegalArgumentException if the reader or modality is not in the study */
    public FrocDataset dataset(String reader, String modality) {
        FrocDataset d = datasets.get(new ReaderModality(reader, modality));
        if (d == null) {
            throw new IllegalArgumentException("no reader " + reader + " / modality " + modality + " in this study; readers "
                    + readers + ", modalities " + modalities);
        }
        return d;
    }

    /** The shared truth: any dataset's cases (their ratings are those of the first reader and modality). */
    public FrocDataset truth() {
        return datasets.values().iterator().next();
    }

    /** K1, the number of normal cases. */
    public int normalCount() {
        return truth().normalCount();
    }

    /** K2, the number of abnormal cases. */
    public int abnormalCount() {
        return truth().abnormalCount();
    }

    /** L_T, the number of lesions. */
    public int lesionCount() {
        return truth().lesionCount();
    }

    /**
     * Same readers, modalities and, per (reader, modality), the same cases. The order of readers and
     * modalities is presentation only: the tables name them through marks, so the order read back
     * depends on which cells have marks first. FrocDataset has no equals of its own (it is not a
     * record), so its case lists are compared; FrocCase and FrocLesion are records.
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ReaderStudy other) || !Set.copyOf(readers).equals(Set.copyOf(other.readers))
                || !Set.copyOf(modalities).equals(Set.copyOf(other.modalities))) {
            return false;
        }
        for (var e : datasets.entrySet()) {
            if (!sameCases(e.getValue(), other.datasets.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0; // a sum, so that it does not depend on order, like equals
        for (var e : datasets.entrySet()) {
            h += e.getKey().hashCode() ^ (31 * e.getValue().normals().hashCode() + e.getValue().abnormals().hashCode());
        }
        return h;
    }

    @Override
    public String toString() {
        var s = new StringBuilder("ReaderStudy[readers=").append(readers).append(", modalities=").append(modalities)
                .append(", K1=").append(normalCount()).append(", K2=").append(abnormalCount())
                .append(", lesions=").append(lesionCount());
        datasets.forEach((k, d) -> s.append(System.lineSeparator()).append("  ").append(k).append(": ")
                .append(d.normals()).append(' ').append(d.abnormals()));
        return s.append(']').toString();
    }

    static boolean sameCases(FrocDataset a, FrocDataset b) {
        return b != null && a.normals().equals(b.normals()) && a.abnormals().equals(b.abnormals());
    }

    /** Same case ids in the same order, and for each abnormal case the same lesion ids and weights. */
    private static boolean sameTruth(FrocDataset a, FrocDataset b) {
        return truthOf(a.normals()).equals(truthOf(b.normals())) && truthOf(a.abnormals()).equals(truthOf(b.abnormals()));
    }

    private static List<Object> truthOf(List<FrocCase> cases) {
        var out = new ArrayList<Object>();
        for (FrocCase c : cases) {
            out.add(c.id());
            for (FrocLesion l : c.lesions()) {
                out.add(List.of(l.id(), l.weight()));
            }
            out.add('|'); // separates cases so lesions cannot shift between them
        }
        return out;
    }

    private static void requireWritableTruth(FrocDataset d) {
        for (FrocCase c : d.normals()) {
            requireCsvId(c.id(), "case id");
        }
        for (FrocCase c : d.abnormals()) {
            requireCsvId(c.id(), "case id");
            for (FrocLesion l : c.lesions()) {
                if (!LESION_ID.matcher(l.id()).matches()) {
                    throw new IllegalArgumentException("case " + c.id() + " lesion id '" + l.id()
                            + "' is not a JAFROC lesion id (a whole number 1, 2, ... without leading zeros)");
                }
            }
        }
    }

    /**
     * Ids go unquoted into CSV cells and are trimmed when read, so commas, quotes, line breaks and
     * surrounding blanks would not survive a round trip.
     */
    static void requireCsvId(String id, String what) {
        Objects.requireNonNull(id, what);
        if (id.isBlank() || !id.equals(id.strip()) || id.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')) {
            throw new IllegalArgumentException(what + " '" + id
                    + "' must be non-blank text without commas, quotes, line breaks or surrounding spaces");
        }
    }
}
