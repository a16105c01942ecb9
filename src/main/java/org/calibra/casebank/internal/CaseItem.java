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

    protected CaseItem() {
    }

    public CaseItem(String slug, Instant createdAt) {
        this.slug = slug;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getSlug() { return slug; }
    public Long getInstitutionId() { return institutionId; }

    public void belongTo(Long institutionId) {
        this.institutionId = institutionId;
    }
}
