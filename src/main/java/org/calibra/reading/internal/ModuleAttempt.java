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
    /** JSON array of the case slugs this attempt reads, in its order; null for attempts from before draws. */
    @Column(name = "case_draw", length = 40000)
    private String caseDraw;
    @Column(name = "deadline_at")
    private Instant deadlineAt;
    /** Why it ended without passing: "thresholds" (every case read) or "time-limit". */
    @Column(name = "end_reason", length = 40)
    private String endReason;
    /** The curriculum version the attempt started on; it is read and decided under that version (ADR 0025). */
    @Column(name = "curriculum_version", nullable = false)
    private int curriculumVersion = 1;

    protected ModuleAttempt() {
    }

    public ModuleAttempt(long moduleId, long userId, int attemptNumber, Instant startedAt) {
        this.moduleId = moduleId;
        this.userId = userId;
        this.attemptNumber = attemptNumber;
        this.status = Status.IN_PROGRESS;
        this.startedAt = startedAt;
    }

    public ModuleAttempt(long moduleId, long userId, int attemptNumber, Instant startedAt, String caseDraw, Instant deadlineAt,
                         int curriculumVersion) {
        this(moduleId, userId, attemptNumber, startedAt);
        this.caseDraw = caseDraw;
        this.deadlineAt = deadlineAt;
        this.curriculumVersion = curriculumVersion;
    }

    public void end(boolean passed, Instant at, String reason) {
        complete(passed, at);
        this.endReason = passed ? null : reason;
    }

    public void complete(boolean passed, Instant at) {
        if (status != Status.IN_PROGRESS) {
            throw new IllegalStateException("attempt " + id + " is already " + status);
        }
        this.status = passed ? Status.PASSED : Status.NOT_PASSED;
        this.completedAt = at;
    }

    /** An adaptive attempt's draw grows by one case at a time, as the engine chooses it (ADR 0036). */
    public void appendToDraw(String slug) {
        var draw = new java.util.ArrayList<>(caseDraw == null ? java.util.List.of() : org.calibra.shared.JsonText.toList(caseDraw));
        draw.add(slug);
        this.caseDraw = org.calibra.shared.JsonText.ofList(draw);
    }

    public Long getId() { return id; }
    public long getModuleId() { return moduleId; }
    public long getUserId() { return userId; }
    public int getAttemptNumber() { return attemptNumber; }
    public Status getStatus() { return status; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getCompletedAt() { return completedAt; }
    public String getCaseDraw() { return caseDraw; }
    public Instant getDeadlineAt() { return deadlineAt; }
    public String getEndReason() { return endReason; }
    public int getCurriculumVersion() { return curriculumVersion; }
}
