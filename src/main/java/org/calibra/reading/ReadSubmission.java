package org.calibra.reading;

import java.time.Instant;
import java.util.List;

/** What the reading view sends when the trainee submits a case. */
public record ReadSubmission(long moduleId, long caseVersionId, Instant openedAt, boolean assessmentAbnormal, String diagnosis,
                             int overallConfidence, List<MarkInput> marks, AiExposure ai, ReadPhase phase, List<Event> events) {

    /** Longest note on a mark, and longest detail of a recorded step. */
    public static final int MAX_NOTE_LENGTH = 2000;

    public ReadSubmission {
        marks = List.copyOf(marks);
        events = events == null ? List.of() : List.copyOf(events);
    }

    public ReadSubmission(long moduleId, long caseVersionId, Instant openedAt, boolean assessmentAbnormal, String diagnosis,
                          int overallConfidence, List<MarkInput> marks, AiExposure ai, ReadPhase phase) {
        this(moduleId, caseVersionId, openedAt, assessmentAbnormal, diagnosis, overallConfidence, marks, ai, phase, List.of());
    }

    /** The final (and, outside second-reader modules, only) read of a case. */
    public ReadSubmission(long moduleId, long caseVersionId, Instant openedAt, boolean assessmentAbnormal, String diagnosis,
                          int overallConfidence, List<MarkInput> marks, AiExposure ai) {
        this(moduleId, caseVersionId, openedAt, assessmentAbnormal, diagnosis, overallConfidence, marks, ai, ReadPhase.FINAL);
    }

    /**
     * A finding marked on the image: centre (x, y) in pixel coordinates on stack image {@code imageIndex},
     * and for an ellipse or box its full width and height in pixels (0 for a point).
     */
    public record MarkInput(String key, int imageIndex, double x, double y, String label, int confidence, Instant placedAt,
                            MarkShape shape, double width, double height, String note) {

        public MarkInput {
            shape = shape == null ? MarkShape.POINT : shape;
            note = note == null || note.isBlank() ? null : note.strip();
        }

        /** A point mark without a note. */
        public MarkInput(String key, int imageIndex, double x, double y, String label, int confidence, Instant placedAt) {
            this(key, imageIndex, x, y, label, confidence, placedAt, MarkShape.POINT, 0, 0, null);
        }
    }

    /**
     * What AI the trainee was shown, and when. {@code requestedAt}: in on-request modules, when the trainee
     * asked for the AI (null if they never did).
     */
    public record AiExposure(boolean available, boolean shownAtOpen, boolean visibleAtSubmit, Instant firstShownAt, int toggleCount,
                             Instant requestedAt) {

        public AiExposure(boolean available, boolean shownAtOpen, boolean visibleAtSubmit, Instant firstShownAt, int toggleCount) {
            this(available, shownAtOpen, visibleAtSubmit, firstShownAt, toggleCount, null);
        }

        public static AiExposure none() {
            return new AiExposure(false, false, false, null, 0, null);
        }
    }

    /** One step of the reading session; {@code markKey} names the mark it concerns, {@code detail} says what changed. */
    public record Event(Instant at, ReadEventKind kind, String markKey, String detail) {}
}
