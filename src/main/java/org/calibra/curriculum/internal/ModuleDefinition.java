package org.calibra.curriculum.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What a module is in one curriculum version: everything an attempt is decided by. The module row keeps the latest
 * version's copy; {@link ModuleVersionEntity} keeps every version's, so an attempt is decided under the one it started on.
 */
@Embeddable
public class ModuleDefinition {
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

    protected ModuleDefinition() {
    }

    public ModuleDefinition(int position, String title, String description, String readingMode, int minimumCases, String thresholds,
                            String caseSlugs, String caseTags) {
        this.position = position;
        this.title = title;
        this.description = description;
        this.readingMode = readingMode;
        this.minimumCases = minimumCases;
        this.thresholds = thresholds;
        this.caseSlugs = caseSlugs;
        this.caseTags = caseTags;
    }

    /** A detached copy with these attempt rules. */
    public ModuleDefinition withAttempts(Integer casesPerAttempt, boolean randomOrder, String prerequisites, Integer timeLimitMinutes,
                                         Double retakeCooldownHours, int minimumAbnormalCases, int minimumNormalCases) {
        ModuleDefinition d = new ModuleDefinition(position, title, description, readingMode, minimumCases, thresholds, caseSlugs, caseTags);
        d.casesPerAttempt = casesPerAttempt;
        d.randomOrder = randomOrder;
        d.prerequisites = prerequisites;
        d.timeLimitMinutes = timeLimitMinutes;
        d.retakeCooldownHours = retakeCooldownHours;
        d.minimumAbnormalCases = minimumAbnormalCases;
        d.minimumNormalCases = minimumNormalCases;
        return d;
    }

    /** A detached copy: a version's snapshot must not share state with the module row. */
    public ModuleDefinition copy() {
        return withAttempts(casesPerAttempt, randomOrder, prerequisites, timeLimitMinutes, retakeCooldownHours, minimumAbnormalCases,
                minimumNormalCases);
    }

    public int getPosition() { return position; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public String getReadingMode() { return readingMode; }
    public int getMinimumCases() { return minimumCases; }
    public String getThresholds() { return thresholds; }
    public String getCaseSlugs() { return caseSlugs; }
    public String getCaseTags() { return caseTags; }
    public Integer getCasesPerAttempt() { return casesPerAttempt; }
    public boolean isRandomOrder() { return randomOrder; }
    public String getPrerequisites() { return prerequisites; }
    public Integer getTimeLimitMinutes() { return timeLimitMinutes; }
    public Double getRetakeCooldownHours() { return retakeCooldownHours; }
    public int getMinimumAbnormalCases() { return minimumAbnormalCases; }
    public int getMinimumNormalCases() { return minimumNormalCases; }
}
