package org.calibra.scoring;

import java.util.Optional;
import org.calibra.scoring.domain.roc.AucEstimate;
import org.calibra.scoring.domain.roc.StratifiedBootstrap;

/**
 * Rating-based figures of merit over a trainee's final reads in one attempt: the ROC AUC of the case-level
 * call and confidence (Wilcoxon, DeLong interval) and the weighted AFROC figure of merit of the marks
 * (RJafroc's default FROC FOM, stratified bootstrap interval). Empty until both normal and abnormal cases
 * have been read.
 */
public record ObserverPerformance(Optional<AucEstimate> rocAuc, Optional<StratifiedBootstrap.BootstrapInterval> wafroc) {

    public static ObserverPerformance none() {
        return new ObserverPerformance(Optional.empty(), Optional.empty());
    }
}
