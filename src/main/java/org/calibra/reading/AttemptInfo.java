package org.calibra.reading;

import java.time.Instant;

public record AttemptInfo(long id, long moduleId, long userId, int number, Status status, Instant startedAt, Instant completedAt) {
    public enum Status { IN_PROGRESS, PASSED, NOT_PASSED }
}
