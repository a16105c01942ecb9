package org.calibra.authoring.internal;

import jakarta.persistence.*;
import java.time.Instant;

/**
 * A case draft (ADR 0021): its case.yaml as the one format writes it and the SHA-256 of every file it uses, by name.
 * Never deleted: a published draft names the version it became, a discarded one stays for the record.
 */
@Entity
@Table(name = "case_draft")
public class CaseDraftEntity {

    public static final String DRAFT = "DRAFT";
    public static final String IN_REVIEW = "IN_REVIEW";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String DISCARDED = "DISCARDED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_slug", nullable = false, length = 64)
    private String caseSlug;
    @Column(name = "institution_id", nullable = false)
    private long institutionId;
    @Column(name = "author_id", nullable = false)
    private long authorId;
    @Column(nullable = false, length = 16)
    private String state = DRAFT;
    /** upload (with its case.yaml), skeleton (uploaded without one), edit (of a published version). */
    @Column(nullable = false, length = 16)
    private String source;
    @Column(name = "base_version_id")
    private Long baseVersionId;
    @Column(nullable = false, length = 1000000)
    private String manifest;
    /** JSON object: file name → SHA-256. */
    @Column(nullable = false, length = 1000000)
    private String files;
    /** JSON array of {file, reason}: images that may show burned-in text. */
    @Column(nullable = false, length = 100000)
    private String flagged;
    @Column(name = "deid_report", length = 1000000)
    private String deidReport;
    /** JSON: the last validation's problems and image stack. */
    @Column(nullable = false, length = 1000000)
    private String validation;
    @Column(nullable = false)
    private int revision;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by", nullable = false)
    private long updatedBy;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "submitted_by")
    private Long submittedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decided_by")
    private Long decidedBy;
    @Column(name = "self_approved", nullable = false)
    private boolean selfApproved;
    @Column(name = "published_version_id")
    private Long publishedVersionId;

    protected CaseDraftEntity() {
    }

    public CaseDraftEntity(String caseSlug, long institutionId, long authorId, String source, Long baseVersionId, String manifest, String files,
                           String flagged, String deidReport, String validation, Instant at) {
        this.caseSlug = caseSlug;
        this.institutionId = institutionId;
        this.authorId = authorId;
        this.source = source;
        this.baseVersionId = baseVersionId;
        this.manifest = manifest;
        this.files = files;
        this.flagged = flagged;
        this.deidReport = deidReport;
        this.validation = validation;
        this.revision = 1;
        this.createdAt = at;
        this.updatedAt = at;
        this.updatedBy = authorId;
    }

    /** A save: the next revision. */
    public void save(String caseSlug, String manifest, String files, String validation, long userId, Instant at) {
        this.caseSlug = caseSlug;
        this.manifest = manifest;
        this.files = files;
        this.validation = validation;
        this.revision++;
        this.updatedBy = userId;
        this.updatedAt = at;
    }

    public void revalidated(String validation) {
        this.validation = validation;
    }

    public void submit(long userId, Instant at) {
        this.state = IN_REVIEW;
        this.submittedBy = userId;
        this.submittedAt = at;
    }

    public void sendBack(long userId, Instant at) {
        this.state = DRAFT;
        this.decidedBy = userId;
        this.decidedAt = at;
    }

    public void published(long versionId, long userId, boolean selfApproved, Instant at) {
        this.state = PUBLISHED;
        this.publishedVersionId = versionId;
        this.decidedBy = userId;
        this.decidedAt = at;
        this.selfApproved = selfApproved;
    }

    public void discard(long userId, Instant at) {
        this.state = DISCARDED;
        this.decidedBy = userId;
        this.decidedAt = at;
    }

    public boolean isOpen() {
        return DRAFT.equals(state) || IN_REVIEW.equals(state);
    }

    public Long getId() { return id; }
    public String getCaseSlug() { return caseSlug; }
    public long getInstitutionId() { return institutionId; }
    public long getAuthorId() { return authorId; }
    public String getState() { return state; }
    public String getSource() { return source; }
    public Long getBaseVersionId() { return baseVersionId; }
    public String getManifest() { return manifest; }
    public String getFiles() { return files; }
    public String getFlagged() { return flagged; }
    public String getDeidReport() { return deidReport; }
    public String getValidation() { return validation; }
    public int getRevision() { return revision; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getUpdatedBy() { return updatedBy; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Long getSubmittedBy() { return submittedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public Long getDecidedBy() { return decidedBy; }
    public boolean isSelfApproved() { return selfApproved; }
    public Long getPublishedVersionId() { return publishedVersionId; }
}
