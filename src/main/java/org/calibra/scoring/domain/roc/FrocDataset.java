package org.calibra.scoring.domain.roc;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One reader's FROC data over a set of cases (one modality), in the RJafroc layout: normal cases
 * (K1) with NL ratings, abnormal cases (K2) with NL ratings and one LL rating per lesion.
 *
 * <p>Not a record: a bootstrap sample repeats cases, so it must skip the unique-id check that a
 * dataset built from real reads gets.
 */
public final class FrocDataset {

    private final List<FrocCase> normals;
    private final List<FrocCase> abnormals;

    private FrocDataset(List<FrocCase> normals, List<FrocCase> abnormals) {
        this.normals = normals;
        this.abnormals = abnormals;
    }

    /** A dataset of the given cases; case ids must be unique. */
    public static FrocDataset of(List<FrocCase> cases) {
        var ids = new HashSet<String>();
        for (FrocCase c : cases) {
            Objects.requireNonNull(c, "case");
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("case id " + c.id() + " appears twice");
            }
        }
        return split(cases);
    }

    /** For resampling: cases may repeat. */
    static FrocDataset resampled(List<FrocCase> normals, List<FrocCase> abnormals) {
        return new FrocDataset(List.copyOf(normals), List.copyOf(abnormals));
    }

    private static FrocDataset split(List<FrocCase> cases) {
        return new FrocDataset(cases.stream().filter(c -> !c.abnormal()).toList(),
                cases.stream().filter(FrocCase::abnormal).toList());
    }

    /** Normal (non-diseased) cases, in input order. */
    public List<FrocCase> normals() {
        return normals;
    }

    /** Abnormal (diseased) cases, in input order. */
    public List<FrocCase> abnormals() {
        return abnormals;
    }

    /** K1. */
    public int normalCount() {
        return normals.size();
    }

    /** K2. */
    public int abnormalCount() {
        return abnormals.size();
    }

    /** K1 + K2. */
    public int caseCount() {
        return normals.size() + abnormals.size();
    }

    /** L_T, the number of lesions in the dataset. */
    public int lesionCount() {
        return abnormals.stream().mapToInt(c -> c.lesions().size()).sum();
    }

    @Override
    public String toString() {
        return "FrocDataset[K1=" + normalCount() + ", K2=" + abnormalCount() + ", lesions=" + lesionCount() + "]";
    }
}
