package org.calibra.scoring;

import java.util.List;
import java.util.Optional;
import org.calibra.casebank.CaseForReading;
import org.calibra.casebank.CaseTruth;
import org.calibra.reading.SubmittedRead;

/** Everything the feedback page shows for one submitted read. */
public record ReadFeedback(SubmittedRead read, CaseForReading kase, CaseTruth truth, String caseOutcome, boolean diagnosisCorrect,
                           List<MarkResult> marks, List<LesionResult> lesions, List<MarkResult> aiMarks, boolean aiCorrect,
                           Optional<InitialRead> initial, List<String> followedAiMarks) {

    /**
     * {@code followedAiMarks}: of the AI marks labelled as its deliberate false marks ({@link CaseTruth#aiErrors()}), the ids
     * of those the read put a mark on (see {@code ScoringService.followedFalseMarks}).
     */
    public ReadFeedback {
        followedAiMarks = followedAiMarks == null ? List.of() : List.copyOf(followedAiMarks);
    }

    /** In a second-reader module: the unaided read committed before the AI was shown, and how it scored. */
    public record InitialRead(SubmittedRead read, String caseOutcome, int lesionsDetected, int nonLesionMarks) {}

    /** outcome: "hit", "duplicate" or "false-positive"; lesionId for hits and duplicates. */
    public record MarkResult(String id, String outcome, String lesionId) {}

    public record LesionResult(String id, String label, int imageIndex, boolean detected, String markId) {}
}
