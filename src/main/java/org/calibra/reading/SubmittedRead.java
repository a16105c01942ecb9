package org.calibra.reading;

import java.time.Instant;
import java.util.List;
import org.calibra.curriculum.ReadingMode;

/** A stored read, as other modules and views see it. */
public record SubmittedRead(long readId, long attemptId, long moduleId, long userId, long caseVersionId, ReadPhase phase,
                            ReadingMode readingMode, boolean assessmentAbnormal, String diagnosis, int overallConfidence,
                            List<ReadSubmission.MarkInput> marks, ReadSubmission.AiExposure ai, Instant openedAt, Instant firstMarkAt,
                            Instant submittedAt, long durationMs, List<ReadSubmission.Event> events) {

    /** How many times the read itself was changed while it was made (marks and assessment, not viewing). */
    public long revisionCount() {
        return events.stream().filter(e -> e.kind().isRevision()).count();
    }
}
