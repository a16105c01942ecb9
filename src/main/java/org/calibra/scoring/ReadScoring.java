package org.calibra.scoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.calibra.casebank.CaseForReading;
import org.calibra.casebank.CaseTruth;
import org.calibra.reading.SubmittedRead;
import org.calibra.scoring.domain.AiVerdict;
import org.calibra.scoring.domain.CaseOutcome;
import org.calibra.scoring.domain.MarkOutcome;

/**
 * The score of one read against one case's truth, computed and not stored: what {@link ScoringService} saves for a
 * trainee's read, and what an educator's preview shows without saving anything. One function for both, so a preview
 * scores exactly as a resident's read would.
 */
record ReadScoring(String caseOutcome, boolean diagnosisCorrect, ScoringService.Matches matches, boolean aiCorrect) {

    static ReadScoring of(SubmittedRead read, CaseTruth truth, CaseForReading kase) {
        var m = ScoringService.match(read.marks().stream()
                .map(x -> new org.calibra.scoring.domain.Mark(x.key(), x.imageIndex(), x.x(), x.y(), x.confidence(), x.label())).toList(), truth, kase);
        return new ReadScoring(CaseOutcome.of(truth.abnormal(), read.assessmentAbnormal()).abbreviation(),
                truth.diagnosis().equals(read.diagnosis()), m, AiVerdict.of(kase.ai().score(), truth.abnormal()).correct());
    }

    /** The outcome words stored per mark ("hit", "duplicate", "false-positive"). */
    static String outcomeCode(MarkOutcome o) {
        return switch (o.kind()) {
            case HIT -> "hit";
            case DUPLICATE -> "duplicate";
            case FALSE_POSITIVE -> "false-positive";
        };
    }

    List<ReadFeedback.MarkResult> readMarks() {
        return matches.trainee().markOutcomes().stream()
                .map(o -> new ReadFeedback.MarkResult(o.markId(), outcomeCode(o), o.matchedLesionId().orElse(null))).toList();
    }

    List<ReadFeedback.MarkResult> aiMarks() {
        return matches.ai().markOutcomes().stream()
                .map(o -> new ReadFeedback.MarkResult(o.markId(), outcomeCode(o), o.matchedLesionId().orElse(null))).toList();
    }

    List<ReadFeedback.LesionResult> lesions(CaseTruth truth) {
        Map<String, String> lesionMark = matches.trainee().lesionOutcomes().stream().filter(l -> l.markId().isPresent())
                .collect(Collectors.toMap(l -> l.lesionId(), l -> l.markId().orElseThrow()));
        return truth.lesions().stream().map(l -> new ReadFeedback.LesionResult(l.id(), l.label(), l.imageIndex(),
                lesionMark.containsKey(l.id()), lesionMark.get(l.id()))).toList();
    }

    /** The feedback page's content for a read scored in memory (a preview: the read exists nowhere but here). */
    static ReadFeedback feedback(SubmittedRead read, CaseForReading kase, CaseTruth truth, Optional<SubmittedRead> initial) {
        var s = of(read, truth, kase);
        var before = initial.map(i -> {
            var si = of(i, truth, kase);
            return new ReadFeedback.InitialRead(i, si.caseOutcome(), si.matches().trainee().detectedCount(),
                    si.matches().trainee().nonLesionLocalisationCount());
        });
        return new ReadFeedback(read, kase, truth, s.caseOutcome(), s.diagnosisCorrect(), s.readMarks(), s.lesions(truth), s.aiMarks(),
                s.aiCorrect(), before, ScoringService.followedFalseMarks(read, truth, kase, s.readMarks()));
    }
}
