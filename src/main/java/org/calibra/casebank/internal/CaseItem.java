package org.calibra.casebank.internal;

import jakarta.persistence.*;
import java.time.Instant;

/** The stable identity of a case (its slug); content lives in {@link CaseVersion}s. */
@Entity
@Table(name = "case_item")
public class CaseItem {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String slug;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Null: a case of the bundled library, shared by every institution; otherwise the institution that imported it. */
    @Column(name = "institution_id")
    private Long institutionId;

    /** {@link #CONTENT}: a folder of cases/; {@link #UPLOAD}: uploaded by an educator. Neither door replaces the other's cases. */
    @Column(nullable = false, length = 16)
    private String origin = CONTENT;

    /** Set while the case is retired: no new draw or tag pool takes it; its versions, reads and records stay (ADR 0021). */
    @Column(name = "retired_at")
    private Instant retiredAt;
    @Column(name = "retired_by")
    private Long retiredBy;

    public static final String CONTENT = "content";
    public static final String UPLOAD = "upload";

    protected CaseItem() {
    }

    public CaseItem(String slug, Instant createdAt) {
        this.slug = slug;
        this.createdAt = createdAt;
    }

    public CaseItem(String slug, Instant createdAt, String origin) {
        this(slug, createdAt);
        this.origin = origin;
    }

    public String getOrigin() { return origin; }
    public Long getId() { return id; }
    public String getSlug() { return slug; }
    public Long getInstitutionId() { return institutionId; }

    public Instant getRetiredAt() { return retiredAt; }

    public void retire(long userId, Instant at) {
        this.retiredAt = at;
        this.retiredBy = userId;
    }

    public void unretire() {
        this.retiredAt = null;
        this.retiredBy = null;
    }

    public void belongTo(Long institutionId) {
        this.institutionId = institutionId;
    }
}
