package org.calibra.scoring.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Result of matching one case's marks against its lesions. Both lists are sorted by id, so equal
 * inputs give equal results whatever their order.
 */
public record MatchResult(List<MarkOutcome> markOutcomes, List<LesionOutcome> lesionOutcomes) {

    public MatchResult {
        markOutcomes = markOutcomes.stream().sorted(Comparator.comparing(MarkOutcome::markId)).toList();
        lesionOutcomes = lesionOutcomes.stream().sorted(Comparator.comparing(LesionOutcome::lesionId)).toList();
    }

    public Optional<MarkOutcome> markOutcome(String markId) {
        return markOutcomes.stream().filter(o -> o.markId().equals(markId)).findFirst();
    }

    public Optional<LesionOutcome> lesionOutcome(String lesionId) {
        return lesionOutcomes.stream().filter(o -> o.lesionId().equals(lesionId)).findFirst();
    }

    public int lesionCount() {
        return lesionOutcomes.size();
    }

    /** Lesions localised by at least one mark = number of LLs. */
    public int detectedCount() {
        return (int) lesionOutcomes.stream().filter(LesionOutcome::detected).count();
    }

    /** Non-lesion localisations (false-positive marks). */
    public int nonLesionLocalisationCount() {
        return count(MarkOutcome.Kind.FALSE_POSITIVE);
    }

    /** Lower-rated extra marks on already-localised lesions; excluded from LL and NL counts. */
    public int duplicateCount() {
        return count(MarkOutcome.Kind.DUPLICATE);
    }

    private int count(MarkOutcome.Kind kind) {
        return (int) markOutcomes.stream().filter(o -> o.kind() == kind).count();
    }
}
