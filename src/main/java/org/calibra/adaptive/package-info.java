/**
 * Adaptive modules: which case a trainee reads next and when the competency decision is made, from the cases' 2PL
 * parameters (computerized adaptive testing). Pure logic: {@link org.calibra.adaptive.AdaptiveEngine} takes
 * the calibrated bank, the module's rules and the responses so far and returns the next {@link
 * org.calibra.adaptive.Step}; the same inputs always give the same step, so a stored attempt can be replayed.
 * See docs/metrics.md, "Adaptive modules", and ADR 0036.
 */
package org.calibra.adaptive;
