package org.calibra.scoring.domain;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A reader's performance over the cases of a training module.
 *
 * @param sensitivity                TP / (TP + FN), over abnormal cases
 * @param specificity                TN / (TN + FP), over normal cases
 * @param accuracy                   (TP + TN) / all cases
 * @param lesionLocalisationFraction LLF = localised lesions / all lesions
 * @param nlPerCase                  mean non-lesion localisations per case (all cases), the
 *                                   FROC abscissa NLF; empty when no case was read
 * @param abnormalCases              abnormal cases read
 * @param normalCases                normal cases read
 * @param nonLesionLocalisations     total NL marks
 */
public record ModuleMetrics(Proportion sensitivity, Proportion specificity, Proportion accuracy,
        Proportion lesionLocalisationFraction, OptionalDouble nlPerCase, int abnormalCases, int normalCases,
        int nonLesionLocalisations) {

    public ModuleMetrics {
        Objects.requireNonNull(sensitivity, "sensitivity");
        Objects.requireNonNull(specificity, "specificity");
        Objects.requireNonNull(accuracy, "accuracy");
        Objects.requireNonNull(lesionLocalisationFraction, "lesionLocalisationFraction");
        Objects.requireNonNull(nlPerCase, "nlPerCase");
        Checks.requireNonNegative(abnormalCases, "abnormalCases");
        Checks.requireNonNegative(normalCases, "normalCases");
        Checks.requireNonNegative(nonLesionLocalisations, "nonLesionLocalisations");
    }

    public static ModuleMetrics compute(List<ScoredCase> cases) {
        int tp = 0;
        int fn = 0;
        int tn = 0;
        int fp = 0;
        int lesions = 0;
        int detected = 0;
        int nl = 0;
        for (ScoredCase c : cases) {
            switch (c.outcome()) {
                case TRUE_POSITIVE -> tp++;
                case FALSE_NEGATIVE -> fn++;
                case TRUE_NEGATIVE -> tn++;
                case FALSE_POSITIVE -> fp++;
            }
            lesions += c.lesionCount();
            detected += c.detectedCount();
            nl += c.nlCount();
        }
        int all = cases.size();
        OptionalDouble nlPerCase = all == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) nl / all);
        return new ModuleMetrics(Proportion.wilson(tp, tp + fn), Proportion.wilson(tn, tn + fp),
                Proportion.wilson(tp + tn, all), Proportion.wilson(detected, lesions), nlPerCase, tp + fn, tn + fp, nl);
    }

    public int casesRead() {
        return abnormalCases + normalCases;
    }
}
