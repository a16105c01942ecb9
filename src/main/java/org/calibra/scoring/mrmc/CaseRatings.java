package org.calibra.scoring.mrmc;

import java.util.List;
import org.calibra.scoring.domain.roc.FrocCase;
import org.calibra.scoring.domain.roc.FrocLesion;

/**
 * Case-level ROC ratings in the FROC layout the MRMC package works on, as RJafroc holds ROC data: a normal case is one
 * NL mark rated with the case's rating, an abnormal case one lesion (weight 1) whose LL carries it. The highest rating on
 * each case is then its own rating, so {@link org.calibra.scoring.domain.roc.FrocFom#HR_AUC} is exactly the Wilcoxon
 * AUC of the case ratings.
 */
public final class CaseRatings {

    private CaseRatings() {
    }

    /** @param rating larger is more suspicious of disease, e.g. {@code CaseCall.rocRating()} (1..10) */
    public static FrocCase rocCase(String id, boolean abnormal, double rating) {
        return abnormal ? new FrocCase(id, true, List.of(), List.of(new FrocLesion("1", 1.0, rating)))
                : new FrocCase(id, false, List.of(rating), List.of());
    }
}
