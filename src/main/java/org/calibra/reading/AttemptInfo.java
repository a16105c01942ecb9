package org.calibra.reading;

import java.time.Instant;
import java.util.List;

/**
 * A trainee's attempt at a module. {@code caseSlugs}: the cases this attempt reads, in its order (for attempts from
 * before per-attempt draws, the module's pool). {@code deadline}: null without a time limit. {@code endReason}:
 * why it ended without passing ("thresholds", "time-limit"), null otherwise. {@code curriculumVersion}: the version of the
 * curriculum it started on, which it is read and decided under (ADR 0025).
 */
public record AttemptInfo(long id, long moduleId, long userId, int number, Status status, Instant startedAt, Instant completedAt,
                          List<String> caseSlugs, Instant deadline, String endReason, int curriculumVersion) {
    public enum Status { IN_PROGRESS, PASSED, NOT_PASSED }

    public static final String ENDED_BY_TIME_LIMIT = "time-limit";
    public static final String ENDED_BY_THRESHOLDS = "thresholds";
    /** An adaptive module's engine decided "not passed" (ADR 0036). */
    public static final String ENDED_BY_ADAPTIVE_DECISION = "adaptive";

    /** Still open, but its time limit has passed (it is closed at the next submission or visit). */
    public boolean overdue(Instant now) {
        return status == Status.IN_PROGRESS && deadline != null && now.isAfter(deadline);
    }
}
