package org.calibra.scoring.domain.roc;

import java.util.ArrayList;
import java.util.List;

/**
 * Case-level ROC ratings of one reader: one rating per normal and per abnormal case. Larger means
 * more suspicious; {@link Psi#UNMARKED} (−∞) is allowed (e.g. an inferred rating of a mark-free case).
 */
public record RocRatings(List<Double> normal, List<Double> abnormal) {

    public RocRatings {
        normal = List.copyOf(normal);
        abnormal = List.copyOf(abnormal);
        normal.forEach(r -> Psi.requireRating(r, "normal-case rating"));
        abnormal.forEach(r -> Psi.requireRating(r, "abnormal-case rating"));
    }

    /** Ratings from case-level calls, on the 1..10 scale of {@link CaseCall#rocRating()}. */
    public static RocRatings fromCaseCalls(List<CaseCall> calls) {
        var normal = new ArrayList<Double>();
        var abnormal = new ArrayList<Double>();
        for (CaseCall c : calls) {
            (c.truthAbnormal() ? abnormal : normal).add((double) c.rocRating());
        }
        return new RocRatings(normal, abnormal);
    }

    /**
     * Inferred ROC ratings from FROC data: each case's highest mark rating, NL or LL, or −∞ when it
     * has no marks (Chakraborty 2017, highest-rating rule; RJafroc {@code DfFroc2Roc}).
     */
    public static RocRatings inferredFrom(FrocDataset dataset) {
        return new RocRatings(dataset.normals().stream().map(FrocCase::highestRating).toList(),
                dataset.abnormals().stream().map(FrocCase::highestRating).toList());
    }
}
