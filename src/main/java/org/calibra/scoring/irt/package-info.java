/**
 * Calibrating cases with item response theory: difficulty and discrimination of each case from the
 * correct/incorrect calls of many trainees, by marginal maximum likelihood (Bock–Aitkin EM over a
 * standard-normal ability, Gauss–Hermite quadrature), with standard errors from the observed information.
 * Entry points: {@link org.calibra.scoring.irt.TwoParameterLogistic} and {@link org.calibra.scoring.irt.Rasch}.
 * See docs/metrics.md, "Calibrating cases (IRT)".
 */
package org.calibra.scoring.irt;
