/**
 * Observer-performance figures of merit for one reader over a set of cases: empirical ROC AUC
 * with DeLong and bootstrap intervals, and Chakraborty's FROC-derived figures of merit (AFROC,
 * wAFROC, AFROC1, wAFROC1, inferred-ROC AUC) as defined in RJafroc.
 *
 * <p>Plain Java, like the parent package. Ratings are doubles in which larger means more
 * suspicious; {@link org.calibra.scoring.domain.roc.Psi#UNMARKED} (−∞) stands for "not marked".
 * Formulas, conventions and references are in {@code docs/metrics.md}, section "ROC and FROC
 * figures of merit".
 */
package org.calibra.scoring.domain.roc;
