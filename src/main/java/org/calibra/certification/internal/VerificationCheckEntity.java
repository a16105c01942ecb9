package org.calibra.certification.internal;

import jakarta.persistence.*;
import java.time.Instant;

/** A check a signed-in verifier made, kept so they can follow the credential's status afterwards. */
@Entity
@Table(name = "verification_check")
public class VerificationCheckEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "user_id", nullable = false)
    private long userId;
    @Column(name = "public_id", length = 64)
    private String publicId;
    @Column(name = "credential_id", length = 500)
    private String credentialId;
    @Column(name = "holder_name", length = 200)
    private String holderName;
    @Column(length = 300)
    private String title;
    @Column(nullable = false, length = 30)
    private String outcome;
    @Column(name = "checked_at", nullable = false)
    private Instant checkedAt;
    @Column(name = "bulk_run", length = 36)
    private String bulkRun;
    @Column(name = "bulk_items")
    private Integer bulkItems;

    protected VerificationCheckEntity() {
    }

    public VerificationCheckEntity(long userId, String publicId, String credentialId, String holderName, String title, String outcome,
                                   Instant checkedAt) {
        this.userId = userId;
        this.publicId = publicId;
        this.credentialId = credentialId;
        this.holderName = holderName;
        this.title = title;
        this.outcome = outcome;
        this.checkedAt = checkedAt;
    }

    /** Marks the check as one item of a verifier's bulk run (null: a single check). */
    public VerificationCheckEntity partOf(org.calibra.certification.BulkRun run) {
        this.bulkRun = run == null ? null : run.id();
        this.bulkItems = run == null ? null : run.items();
        return this;
    }

    public org.calibra.certification.BulkRun bulkRun() {
        return bulkRun == null ? null : new org.calibra.certification.BulkRun(bulkRun, bulkItems == null ? 0 : bulkItems);
    }

    public String getPublicId() { return publicId; }
    public String getCredentialId() { return credentialId; }
    public String getHolderName() { return holderName; }
    public String getTitle() { return title; }
    public String getOutcome() { return outcome; }
    public Instant getCheckedAt() { return checkedAt; }
}
