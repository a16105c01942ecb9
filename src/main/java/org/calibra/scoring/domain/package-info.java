/**
 * Scoring of image reads against ground truth, using observer-performance methods.
 *
 * <p>Plain Java on purpose: no Spring, Vaadin or JPA types, so the rules can be unit-tested in
 * isolation and reused by command-line tools (e.g. to re-score a whole study offline).
 *
 * <p>The flow is:
 * <ol>
 *   <li>{@link org.calibra.scoring.domain.LesionMatcher} classifies each {@link
 *       org.calibra.scoring.domain.Mark} of one case as a lesion localisation (hit), a discarded
 *       duplicate, or a non-lesion localisation (false positive), following Chakraborty's FROC
 *       conventions (highest-rated mark per lesion counts).</li>
 *   <li>{@link org.calibra.scoring.domain.ScoredCase} condenses one read of one case to counts,
 *       with its case-level {@link org.calibra.scoring.domain.CaseOutcome}.</li>
 *   <li>{@link org.calibra.scoring.domain.ModuleMetrics} aggregates scored cases into
 *       sensitivity, specificity, accuracy, lesion localisation fraction (each a {@link
 *       org.calibra.scoring.domain.Proportion} with a Wilson score interval) and NLs per case.</li>
 * </ol>
 *
 * <p>What a module demands of these statistics — thresholds, their evaluation, reachability — is competency's
 * ({@code org.calibra.competency.domain}); this package only measures.
 *
 * <p>Formulas, conventions and references are in {@code docs/metrics.md}.
 */
package org.calibra.scoring.domain;
