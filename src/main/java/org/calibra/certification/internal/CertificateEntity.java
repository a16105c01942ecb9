package org.calibra.certification.internal;

import jakarta.persistence.*;
import java.time.Instant;

/**
 * An issued certificate and its signed credential. The credential is attached once and never changed; revocation
 * happens once; suspension can be lifted. Every status change is also kept in {@code credential_status_change}.
 */
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
    @Column(name = "credit_hours")
    private Double creditHours;
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
    @Column(name = "credential_jwt", length = 100000)
    private String credentialJwt;
    @Column(name = "credential_kid", length = 500)
    private String credentialKid;
    @Column(name = "status_index")
    private Integer statusIndex;
    @Column(name = "suspended_at")
    private Instant suspendedAt;
    @Column(name = "suspension_reason", length = 1000)
    private String suspensionReason;

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

    /** The signed credential; set once, at issue (or for certificates issued before credentials existed, once at start-up). */
    public void attachCredential(int statusIndex, String jwt, String kid) {
        if (credentialJwt != null) {
            throw new IllegalStateException("certificate " + publicId + " already has its credential");
        }
        this.statusIndex = statusIndex;
        this.credentialJwt = jwt;
        this.credentialKid = kid;
    }

    public void suspend(Instant at, String reason) {
        if (revokedAt != null || suspendedAt != null) {
            throw new IllegalStateException("certificate " + publicId + " is already " + (revokedAt != null ? "revoked" : "suspended"));
        }
        this.suspendedAt = at;
        this.suspensionReason = reason;
    }

    public void reinstate() {
        if (suspendedAt == null) {
            throw new IllegalStateException("certificate " + publicId + " is not suspended");
        }
        this.suspendedAt = null;
        this.suspensionReason = null;
    }

    public Long getId() { return id; }
    public String getCredentialJwt() { return credentialJwt; }
    public String getCredentialKid() { return credentialKid; }
    public Integer getStatusIndex() { return statusIndex; }
    public Instant getSuspendedAt() { return suspendedAt; }
    public String getSuspensionReason() { return suspensionReason; }
    public String getPublicId() { return publicId; }
    public long getUserId() { return userId; }
    public long getCurriculumId() { return curriculumId; }
    public String getHolderName() { return holderName; }
    public String getTitle() { return title; }
    public String getIssuerName() { return issuerName; }
    public String getCompetencies() { return competencies; }
    public Double getCreditHours() { return creditHours; }

    /** The CPD/CME credit hours of the curriculum at issue; set before the certificate is first saved. */
    public void worth(Double creditHours) {
        this.creditHours = creditHours;
    }
    public String getEvidence() { return evidence; }
    public Instant getIssuedAt() { return issuedAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public String getRevocationReason() { return revocationReason; }
}
