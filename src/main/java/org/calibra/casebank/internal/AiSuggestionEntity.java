package org.calibra.casebank.internal;

import jakarta.persistence.*;
import java.util.ArrayList;
import java.util.List;

/** What the (simulated) AI says about a case version, with its model card. */
@Entity
@Table(name = "ai_suggestion")
public class AiSuggestionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @OneToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_version_id")
    private CaseVersion caseVersion;
    @Column(name = "model_name", nullable = false, length = 200)
    private String modelName;
    @Column(name = "model_version", nullable = false, length = 100)
    private String modelVersion;
    @Column(name = "intended_use", nullable = false, length = 4000)
    private String intendedUse;
    @Column(name = "training_data", nullable = false, length = 4000)
    private String trainingData;
    @Column(name = "known_failure_modes", nullable = false, length = 4000)
    private String knownFailureModes;
    @Column(name = "reported_performance", nullable = false, length = 4000)
    private String reportedPerformance;
    @Column(nullable = false)
    private double score;
    @OneToMany(mappedBy = "suggestion", cascade = CascadeType.ALL)
    @OrderBy("findingKey")
    private List<AiFindingEntity> findings = new ArrayList<>();
    @OneToMany(mappedBy = "suggestion", cascade = CascadeType.ALL)
    @OrderBy("imageIndex")
    private List<AiHeatmapEntity> heatmaps = new ArrayList<>();

    protected AiSuggestionEntity() {
    }

    public AiSuggestionEntity(CaseVersion caseVersion, String modelName, String modelVersion, String intendedUse, String trainingData,
                              String knownFailureModes, String reportedPerformance, double score) {
        this.caseVersion = caseVersion;
        this.modelName = modelName;
        this.modelVersion = modelVersion;
        this.intendedUse = intendedUse;
        this.trainingData = trainingData;
        this.knownFailureModes = knownFailureModes;
        this.reportedPerformance = reportedPerformance;
        this.score = score;
    }

    public void addFinding(AiFindingEntity f) { findings.add(f); }
    public void addHeatmap(AiHeatmapEntity h) { heatmaps.add(h); }

    public String getModelName() { return modelName; }
    public String getModelVersion() { return modelVersion; }
    public String getIntendedUse() { return intendedUse; }
    public String getTrainingData() { return trainingData; }
    public String getKnownFailureModes() { return knownFailureModes; }
    public String getReportedPerformance() { return reportedPerformance; }
    public double getScore() { return score; }
    public List<AiFindingEntity> getFindings() { return findings; }
    public List<AiHeatmapEntity> getHeatmaps() { return heatmaps; }
}
