package org.calibra.certification.internal;

import jakarta.persistence.*;
import java.time.Instant;

/** One revocation, suspension or reinstatement: who, when and why. Never updated or deleted. */
@Entity
@Table(name = "credential_status_change")
public class StatusChangeEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "certificate_id", nullable = false)
    private long certificateId;
    @Column(nullable = false, length = 20)
    private String action;
    @Column(nullable = false, length = 1000)
    private String reason;
    @Column(nullable = false, length = 100)
    private String actor;
    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected StatusChangeEntity() {
    }

    public StatusChangeEntity(long certificateId, String action, String reason, String actor, Instant changedAt) {
        this.certificateId = certificateId;
        this.action = action;
        this.reason = reason;
        this.actor = actor;
        this.changedAt = changedAt;
    }

    public long getCertificateId() { return certificateId; }
    public String getAction() { return action; }
    public String getReason() { return reason; }
    public String getActor() { return actor; }
    public Instant getChangedAt() { return changedAt; }
}
