package org.calibra.reading.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The moment a trainee asked for the AI on a case of an on-request attempt; written once (ADR 0015). */
@Entity
@org.hibernate.annotations.Immutable
@Table(name = "ai_request")
public class AiRequest {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "attempt_id", nullable = false)
    private long attemptId;
    @Column(name = "case_version_id", nullable = false)
    private long caseVersionId;
    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    protected AiRequest() {
    }

    public AiRequest(long attemptId, long caseVersionId, Instant requestedAt) {
        this.attemptId = attemptId;
        this.caseVersionId = caseVersionId;
        this.requestedAt = requestedAt;
    }

    public long getAttemptId() { return attemptId; }
    public long getCaseVersionId() { return caseVersionId; }
    public Instant getRequestedAt() { return requestedAt; }
}
