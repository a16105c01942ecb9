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
    /** The module's tag queries (JSON list of lists): published uploaded cases matching one join the pool. */
    @Column(name = "case_tags", nullable = false, length = 4000)
    private String caseTags = "[]";
    @Column(nullable = false)
    private boolean retired;
    /** Null: the whole pool. */
    @Column(name = "cases_per_attempt")
    private Integer casesPerAttempt;
    @Column(name = "random_order", nullable = false)
    private boolean randomOrder;
    /** JSON array of module slugs of the same curriculum. */
    @Column(nullable = false, length = 2000)
    private String prerequisites = "[]";
    @Column(name = "time_limit_minutes")
    private Integer timeLimitMinutes;
    @Column(name = "retake_cooldown_hours")
    private Double retakeCooldownHours;
    @Column(name = "minimum_abnormal_cases", nullable = false)
    private int minimumAbnormalCases;
    @Column(name = "minimum_normal_cases", nullable = false)
    private int minimumNormalCases;

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

    public void defineAttempts(Integer casesPerAttempt, boolean randomOrder, String prerequisites, Integer timeLimitMinutes,
                               Double retakeCooldownHours, int minimumAbnormalCases, int minimumNormalCases) {
        this.casesPerAttempt = casesPerAttempt;
        this.randomOrder = randomOrder;
        this.prerequisites = prerequisites;
        this.timeLimitMinutes = timeLimitMinutes;
        this.retakeCooldownHours = retakeCooldownHours;
        this.minimumAbnormalCases = minimumAbnormalCases;
        this.minimumNormalCases = minimumNormalCases;
    }

    public void retire() { this.retired = true; }

    public Integer getCasesPerAttempt() { return casesPerAttempt; }
    public boolean isRandomOrder() { return randomOrder; }
    public String getPrerequisites() { return prerequisites; }
    public Integer getTimeLimitMinutes() { return timeLimitMinutes; }
    public Double getRetakeCooldownHours() { return retakeCooldownHours; }
    public int getMinimumAbnormalCases() { return minimumAbnormalCases; }
    public int getMinimumNormalCases() { return minimumNormalCases; }

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
    public String getCaseTags() { return caseTags; }
    public void poolByTags(String caseTagsJson) { this.caseTags = caseTagsJson; }
    public boolean isRetired() { return retired; }
}
