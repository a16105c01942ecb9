/**
 * What a module demands of a trainee's figures: {@link org.calibra.competency.domain.Threshold}s on any
 * {@link org.calibra.competency.domain.Metric}, their evaluation once the module's minimum cases are read
 * ({@link org.calibra.competency.domain.CompetencyEvaluator}), and whether an open attempt can still meet them
 * ({@link org.calibra.competency.domain.Reachability}).
 *
 * <p>Plain Java, like {@code org.calibra.scoring.domain} whose statistics it reads ({@code ModuleMetrics},
 * {@code Proportion}, ROC and reliance figures): the decision that issues a certificate is unit-tested in isolation.
 */
package org.calibra.competency.domain;
