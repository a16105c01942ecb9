package org.calibra.curriculum.internal;

import jakarta.persistence.*;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "curriculum")
public class CurriculumEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true, length = 64)
    private String slug;
    @Column(nullable = false, length = 300)
    private String title;
    @Column(nullable = false, length = 4000)
    private String description;
    @Column(name = "certificate_title", nullable = false, length = 300)
    private String certificateTitle;
    @Column(name = "validity_months", nullable = false)
    private int validityMonths;
    @Column(nullable = false, length = 8000)
    private String competencies;
    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;
    @Column(name = "institution_id", nullable = false)
    private long institutionId;
    @Column(name = "loaded_at", nullable = false)
    private Instant loadedAt;
    /** The latest published version (ADR 0025). */
    @Column(nullable = false)
    private int version = 1;
    /** The hash of the curricula/ file last loaded, with its pools; null for a curriculum made in the builder. */
    @Column(name = "file_hash", length = 64)
    private String fileHash;
    /** CPD/CME credit hours a certificate is worth; null: none stated. */
    @Column(name = "credit_hours")
    private Double creditHours;
    @OneToMany(mappedBy = "curriculum", cascade = CascadeType.ALL)
    @OrderBy("definition.position")
    private List<ModuleEntity> modules = new ArrayList<>();

    protected CurriculumEntity() {
    }

    public CurriculumEntity(String slug) {
        this.slug = slug;
    }

    public void update(String title, String description, String certificateTitle, int validityMonths, String competencies,
                       String contentHash, Instant loadedAt) {
        this.title = title;
        this.description = description;
        this.certificateTitle = certificateTitle;
        this.validityMonths = validityMonths;
        this.competencies = competencies;
        this.contentHash = contentHash;
        this.loadedAt = loadedAt;
    }

    public Long getId() { return id; }
    public String getSlug() { return slug; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public String getCertificateTitle() { return certificateTitle; }
    public int getValidityMonths() { return validityMonths; }
    public String getCompetencies() { return competencies; }
    public String getContentHash() { return contentHash; }
    public long getInstitutionId() { return institutionId; }

    public int getVersion() { return version; }
    public Double getCreditHours() { return creditHours; }

    public void creditHours(Double hours) {
        this.creditHours = hours;
    }
    public String getFileHash() { return fileHash; }

    /** A new version is being published: returns its number. A curriculum that has none yet starts at 1. */
    public int nextVersion() {
        return id == null ? 1 : version + 1;
    }

    public void publishedAs(int version, String fileHash) {
        this.version = version;
        if (fileHash != null) {
            this.fileHash = fileHash;
        }
    }

    public void belongTo(long institutionId) {
        this.institutionId = institutionId;
    }
    public List<ModuleEntity> getModules() { return modules; }
}
