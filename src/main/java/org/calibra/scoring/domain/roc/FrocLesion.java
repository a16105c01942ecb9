package org.calibra.scoring.domain.roc;

import java.util.Objects;

/**
 * One lesion of an abnormal case, in the RJafroc FROC layout: its weight and its LL rating.
 *
 * @param id     unique within the case
 * @param weight clinical importance, &gt; 0; the weights of a case's lesions sum to 1
 *               (Chakraborty 2017, "wLLF"; checked by {@link FrocCase})
 * @param rating the rating of the lesion's LL (the highest-rated mark on it), or
 *               {@link Psi#UNMARKED} when no mark localised it
 */
public record FrocLesion(String id, double weight, double rating) {

    public FrocLesion {
        Objects.requireNonNull(id, "lesion id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("lesion id must not be blank");
        }
        if (!Double.isFinite(weight) || weight <= 0) {
            throw new IllegalArgumentException("lesion " + id + " weight must be a finite number > 0, was " + weight);
        }
        Psi.requireRating(rating, "lesion " + id + " LL rating");
    }

    public boolean marked() {
        return rating != Psi.UNMARKED;
    }
}
