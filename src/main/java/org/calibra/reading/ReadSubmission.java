package org.calibra.reading;

import java.time.Instant;
import java.util.List;

/** What the reading view sends when the trainee submits a case. */
public record ReadSubmission(long moduleId, long caseVersionId, Instant openedAt, boolean assessmentAbnormal, String diagnosis,
                             int overallConfidence, List<MarkInput> marks, AiExposure ai, ReadPhase phase) {

    public ReadSubmission {
        marks = List.copyOf(marks);
    }

    /** The final (and, outside second-reader modules, only) read of a case. */
    public ReadSubmission(long moduleId, long caseVersionId, Instant openedAt, boolean assessmentAbnormal, String diagnosis,
                          int overallConfidence, List<MarkInput> marks, AiExposure ai) {
        this(moduleId, caseVersionId, openedAt, assessmentAbnormal, diagnosis, overallConfidence, marks, ai, ReadPhase.FINAL);
    }

    /** A finding marked on the image: pixel coordinates on stack image {@code imageIndex}. */
    public record MarkInput(String key, int imageIndex, double x, double y, String label, int confidence, Instant placedAt) {}

    /** What AI the trainee was shown, and when. */
    public record AiExposure(boolean available, boolean shownAtOpen, boolean visibleAtSubmit, Instant firstShownAt, int toggleCount) {
        public static AiExposure none() {
            return new AiExposure(false, false, false, null, 0);
        }
    }
}
