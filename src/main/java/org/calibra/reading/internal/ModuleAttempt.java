package org.calibra.reading.internal;

import jakarta.persistence.*;
import java.time.Instant;

/** A trainee's pass through a module. Ids of other modules' rows are kept as plain ids (module boundary). */
@Entity
@Table(name = "module_attempt")
public class ModuleAttempt {

    public enum Status { IN_PROGRESS, PASSED, NOT_PASSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "module_id", nullable = false)
    private long moduleId;
    @Column(name = "user_id", nullable = false)
    private long userId;
    @Column(name = "attempt_number", nullable = false)
    private int attemptNumber;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "completed_at")
    private Instant completedAt;

    protected ModuleAttempt() {
    }

    public ModuleAttempt(long moduleId, long userId, int attemptNumber, Instant startedAt) {
        this.moduleId = moduleId;
        this.userId = userId;
        this.attemptNumber = attemptNumber;
        this.status = Status.IN_PROGRESS;
        this.startedAt = startedAt;
    }

    public void complete(boolean passed, Instant at) {
        if (status != Status.IN_PROGRESS) {
            throw new IllegalStateException("attempt " + id + " is already " + status);
        }
        this.status = passed ? Status.PASSED : Status.NOT_PASSED;
        this.completedAt = at;
    }

    public Long getId() { return id; }
    public long getModuleId() { return moduleId; }
    public long getUserId() { return userId; }
    public int getAttemptNumber() { return attemptNumber; }
    public Status getStatus() { return status; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getCompletedAt() { return completedAt; }
}
