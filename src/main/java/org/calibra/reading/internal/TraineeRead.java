package org.calibra.reading.internal;

import jakarta.persistence.*;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A submitted read: written once, never updated (no setters). */
@Entity
@org.hibernate.annotations.Immutable
@Table(name = "trainee_read")
public class TraineeRead {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "attempt_id")
    private ModuleAttempt attempt;
    @Column(name = "case_version_id", nullable = false)
    private long caseVersionId;
    @Column(name = "user_id", nullable = false)
    private long userId;
    @Column(nullable = false, length = 20)
    private String phase;
    @Column(name = "reading_mode", nullable = false, length = 20)
    private String readingMode;
    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;
    @Column(name = "first_mark_at")
    private Instant firstMarkAt;
    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;
    @Column(name = "duration_ms", nullable = false)
    private long durationMs;
    @Column(name = "assessment_abnormal", nullable = false)
    private boolean assessmentAbnormal;
    @Column(nullable = false, length = 100)
    private String diagnosis;
    @Column(name = "overall_confidence", nullable = false)
    private int overallConfidence;
    @Column(name = "ai_available", nullable = false)
    private boolean aiAvailable;
    @Column(name = "ai_shown_at_open", nullable = false)
    private boolean aiShownAtOpen;
    @Column(name = "ai_visible_at_submit", nullable = false)
    private boolean aiVisibleAtSubmit;
    @Column(name = "ai_first_shown_at")
    private Instant aiFirstShownAt;
    @Column(name = "ai_toggle_count", nullable = false)
    private int aiToggleCount;
    @Column(name = "ai_requested_at")
    private Instant aiRequestedAt;
    @Column(name = "repeat_of_read_id")
    private Long repeatOfReadId;
    @OneToMany(mappedBy = "read", cascade = CascadeType.PERSIST)
    @OrderBy("placedAt, id")
    private List<ReadMark> marks = new ArrayList<>();
    @OneToMany(mappedBy = "read", cascade = CascadeType.PERSIST)
    @OrderBy("seq")
    private List<ReadEventEntity> events = new ArrayList<>();

    protected TraineeRead() {
    }

    public TraineeRead(ModuleAttempt attempt, long caseVersionId, long userId, String phase, String readingMode, Instant openedAt,
                       Instant firstMarkAt, Instant submittedAt, boolean assessmentAbnormal, String diagnosis, int overallConfidence,
                       boolean aiAvailable, boolean aiShownAtOpen, boolean aiVisibleAtSubmit, Instant aiFirstShownAt, int aiToggleCount) {
        this.attempt = attempt;
        this.caseVersionId = caseVersionId;
        this.userId = userId;
        this.phase = phase;
        this.readingMode = readingMode;
        this.openedAt = openedAt;
        this.firstMarkAt = firstMarkAt;
        this.submittedAt = submittedAt;
        this.durationMs = Math.max(0, submittedAt.toEpochMilli() - openedAt.toEpochMilli());
        this.assessmentAbnormal = assessmentAbnormal;
        this.diagnosis = diagnosis;
        this.overallConfidence = overallConfidence;
        this.aiAvailable = aiAvailable;
        this.aiShownAtOpen = aiShownAtOpen;
        this.aiVisibleAtSubmit = aiVisibleAtSubmit;
        this.aiFirstShownAt = aiFirstShownAt;
        this.aiToggleCount = aiToggleCount;
    }

    public void addMark(ReadMark mark) { marks.add(mark); }
    public void addEvent(ReadEventEntity event) { events.add(event); }

    /** On-request modules: when the trainee asked for the AI. Set once, before the read is first saved. */
    public void recordAiRequest(Instant at) {
        if (id != null) {
            throw new IllegalStateException("a stored read is immutable");
        }
        this.aiRequestedAt = at;
    }

    /** Exposure control (ADR 0015): the trainee had seen this case's truth through that earlier read. Set before the first save. */
    public void markRepeatOf(long earlierReadId) {
        if (id != null) {
            throw new IllegalStateException("a stored read is immutable");
        }
        this.repeatOfReadId = earlierReadId;
    }

    public Long getId() { return id; }
    public Long getRepeatOfReadId() { return repeatOfReadId; }
    public ModuleAttempt getAttempt() { return attempt; }
    public long getCaseVersionId() { return caseVersionId; }
    public long getUserId() { return userId; }
    public String getPhase() { return phase; }
    public String getReadingMode() { return readingMode; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getFirstMarkAt() { return firstMarkAt; }
    public Instant getSubmittedAt() { return submittedAt; }
    public long getDurationMs() { return durationMs; }
    public boolean isAssessmentAbnormal() { return assessmentAbnormal; }
    public String getDiagnosis() { return diagnosis; }
    public int getOverallConfidence() { return overallConfidence; }
    public boolean isAiAvailable() { return aiAvailable; }
    public boolean isAiShownAtOpen() { return aiShownAtOpen; }
    public boolean isAiVisibleAtSubmit() { return aiVisibleAtSubmit; }
    public Instant getAiFirstShownAt() { return aiFirstShownAt; }
    public int getAiToggleCount() { return aiToggleCount; }
    public List<ReadMark> getMarks() { return marks; }
    public List<ReadEventEntity> getEvents() { return events; }
    public Instant getAiRequestedAt() { return aiRequestedAt; }
}
