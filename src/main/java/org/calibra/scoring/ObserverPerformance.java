package org.calibra.scoring;

import java.util.List;
import java.util.Optional;
import org.calibra.scoring.domain.roc.RocRatings;
import org.calibra.scoring.domain.roc.AucEstimate;
import org.calibra.scoring.domain.roc.StratifiedBootstrap;

/**
 * Rating-based figures of merit over a trainee's final reads in one attempt: the ROC AUC of the case-level
 * call and confidence (Wilcoxon, DeLong interval) and the weighted AFROC figure of merit of the marks
 * (RJafroc's default FROC FOM, stratified bootstrap interval). Empty until both normal and abnormal cases
 * have been read.
 */
public record ObserverPerformance(Optional<AucEstimate> rocAuc, Optional<StratifiedBootstrap.BootstrapInterval> wafroc,
                                  List<double[]> rocCurve, List<double[]> frocCurve, List<double[]> wafrocCurve) {

    public static ObserverPerformance none() {
        return new ObserverPerformance(Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());
    }

    /** Empirical ROC operating points (FPF, TPF), from the strictest threshold down, starting at (0, 0). */
    static List<double[]> rocPoints(RocRatings r) {
        var thresholds = new java.util.TreeSet<Double>(java.util.Comparator.reverseOrder());
        thresholds.addAll(r.normal());
        thresholds.addAll(r.abnormal());
        var points = new java.util.ArrayList<double[]>();
        points.add(new double[] {0, 0});
        for (double t : thresholds) {
            points.add(new double[] {r.normal().stream().filter(v -> v >= t).count() / (double) r.normal().size(),
                    r.abnormal().stream().filter(v -> v >= t).count() / (double) r.abnormal().size()});
        }
        return points;
    }
}
