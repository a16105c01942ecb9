/**
 * Multi-reader multi-case (MRMC) significance tests of differences between modalities: the
 * Obuchowski–Rockette analysis with Hillis' degrees of freedom ({@link ObuchowskiRockette}) and the
 * Dorfman–Berbaum–Metz analysis of jackknife pseudovalues ({@link DorfmanBerbaumMetz}), each for
 * random readers and random cases, fixed readers, and fixed cases. The figures of merit are the
 * existing {@link org.calibra.scoring.domain.roc.FrocFom} ones, computed per reader and modality of
 * a {@link org.calibra.scoring.jafroc.ReaderStudy}. Formulas and references: docs/metrics.md,
 * section "MRMC significance tests".
 */
package org.calibra.scoring.mrmc;
