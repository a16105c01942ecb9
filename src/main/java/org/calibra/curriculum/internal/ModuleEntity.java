package org.calibra.curriculum.internal;

import jakarta.persistence.*;

/** A module of a curriculum. Modules dropped from the file are retired, not deleted: attempts point at them. */
@Entity
@Table(name = "curriculum_module")
public class ModuleEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "curriculum_id")
    private CurriculumEntity curriculum;
    @Column(nullable = false, length = 64)
    private String slug;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false, length = 300)
    private String title;
    @Column(nullable = false, length = 4000)
    private String description;
    @Column(name = "reading_mode", nullable = false, length = 20)
    private String readingMode;
    @Column(name = "minimum_cases", nullable = false)
    private int minimumCases;
    /** JSON: the thresholds as written in the curriculum file. */
    @Column(nullable = false, length = 4000)
    private String thresholds;
    /** JSON array of case slugs, in reading order. */
    @Column(name = "case_slugs", nullable = false, length = 40000)
    private String caseSlugs;
    @Column(nullable = false)
    private boolean retired;

    protected ModuleEntity() {
    }

    public ModuleEntity(CurriculumEntity curriculum, String slug) {
        this.curriculum = curriculum;
        this.slug = slug;
    }

    public void update(int position, String title, String description, String readingMode, int minimumCases, String thresholds,
                       String caseSlugs) {
        this.position = position;
        this.title = title;
        this.description = description;
        this.readingMode = readingMode;
        this.minimumCases = minimumCases;
        this.thresholds = thresholds;
        this.caseSlugs = caseSlugs;
        this.retired = false;
    }

    public void retire() { this.retired = true; }

    public Long getId() { return id; }
    public CurriculumEntity getCurriculum() { return curriculum; }
    public String getSlug() { return slug; }
    public int getPosition() { return position; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public String getReadingMode() { return readingMode; }
    public int getMinimumCases() { return minimumCases; }
    public String getThresholds() { return thresholds; }
    public String getCaseSlugs() { return caseSlugs; }
    public boolean isRetired() { return retired; }
}
