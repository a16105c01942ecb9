package org.calibra.certification.internal;

import jakarta.persistence.*;
import java.time.Instant;

/** An issued certificate. Only revocation changes it, and only once. */
@Entity
@Table(name = "certificate")
public class CertificateEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "public_id", nullable = false, unique = true, length = 64)
    private String publicId;
    @Column(name = "user_id", nullable = false)
    private long userId;
    @Column(name = "curriculum_id", nullable = false)
    private long curriculumId;
    @Column(name = "holder_name", nullable = false, length = 200)
    private String holderName;
    @Column(nullable = false, length = 300)
    private String title;
    @Column(name = "issuer_name", nullable = false, length = 300)
    private String issuerName;
    @Column(nullable = false, length = 8000)
    private String competencies;
    @Column(nullable = false, length = 100000)
    private String evidence;
    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "revocation_reason", length = 1000)
    private String revocationReason;

    protected CertificateEntity() {
    }

    public CertificateEntity(String publicId, long userId, long curriculumId, String holderName, String title, String issuerName,
                             String competencies, String evidence, Instant issuedAt, Instant expiresAt) {
        this.publicId = publicId;
        this.userId = userId;
        this.curriculumId = curriculumId;
        this.holderName = holderName;
        this.title = title;
        this.issuerName = issuerName;
        this.competencies = competencies;
        this.evidence = evidence;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public void revoke(Instant at, String reason) {
        if (revokedAt != null) {
            throw new IllegalStateException("certificate " + publicId + " is already revoked");
        }
        this.revokedAt = at;
        this.revocationReason = reason;
    }

    public String getPublicId() { return publicId; }
    public long getUserId() { return userId; }
    public long getCurriculumId() { return curriculumId; }
    public String getHolderName() { return holderName; }
    public String getTitle() { return title; }
    public String getIssuerName() { return issuerName; }
    public String getCompetencies() { return competencies; }
    public String getEvidence() { return evidence; }
    public Instant getIssuedAt() { return issuedAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public String getRevocationReason() { return revocationReason; }
}
