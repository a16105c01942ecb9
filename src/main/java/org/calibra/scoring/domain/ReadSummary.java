package org.calibra.scoring.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Everything recorded for one read of one case, before scoring: the truth, the reader's
 * case-level call and marks.
 *
 * @param caseId        the case
 * @param truthAbnormal ground truth: the case has disease
 * @param readAbnormal  the reader's case-level call
 * @param lesions       ground-truth lesions (none for a normal case)
 * @param marks         the reader's marks
 */
public record ReadSummary(String caseId, boolean truthAbnormal, boolean readAbnormal, List<Lesion> lesions,
        List<Mark> marks) {

    public ReadSummary {
        Checks.requireId(caseId, "caseId");
        lesions = List.copyOf(lesions);
        marks = List.copyOf(marks);
        if (!truthAbnormal && !lesions.isEmpty()) {
            throw new IllegalArgumentException("case " + caseId + " is normal but has " + lesions.size() + " lesion(s)");
        }
    }

    public MatchResult match(IntFunction<Optional<PixelSpacing>> spacingOfImage, AcceptanceRule rule) {
        return LesionMatcher.match(lesions, marks, spacingOfImage, rule);
    }

    public ScoredCase score(IntFunction<Optional<PixelSpacing>> spacingOfImage, AcceptanceRule rule) {
        return ScoredCase.of(truthAbnormal, readAbnormal, match(spacingOfImage, rule));
    }
}
