package org.calibra.reading;

import java.time.Instant;
import java.util.List;
import org.calibra.curriculum.ReadingMode;

/**
 * A stored read, as other modules and views see it.
 *
 * @param repeatOfReadId the earlier read through which the trainee had already seen this case's truth when they made
 *                       this one (a repeat, ADR 0015); null for a read of an unseen case
 */
public record SubmittedRead(long readId, long attemptId, long moduleId, long userId, long caseVersionId, ReadPhase phase,
                            ReadingMode readingMode, boolean assessmentAbnormal, String diagnosis, int overallConfidence,
                            List<ReadSubmission.MarkInput> marks, ReadSubmission.AiExposure ai, Instant openedAt, Instant firstMarkAt,
                            Instant submittedAt, long durationMs, List<ReadSubmission.Event> events, Long repeatOfReadId) {

    /** Whether the read may count towards a decision: not a repeat of a case whose truth the trainee had seen. */
    public boolean counted() {
        return repeatOfReadId == null;
    }

    /** How many times the read itself was changed while it was made (marks and assessment, not viewing). */
    public long revisionCount() {
        return events.stream().filter(e -> e.kind().isRevision()).count();
    }
}
