package org.calibra.scoring.internal;

import jakarta.persistence.*;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The score of one read, written once when the read is submitted. */
@Entity
@org.hibernate.annotations.Immutable
@Table(name = "read_score")
public class ReadScoreEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "read_id", nullable = false, unique = true)
    private long readId;
    @Column(name = "case_outcome", nullable = false, length = 2)
    private String caseOutcome;
    @Column(name = "diagnosis_correct", nullable = false)
    private boolean diagnosisCorrect;
    @Column(name = "lesions_total", nullable = false)
    private int lesionsTotal;
    @Column(name = "lesions_detected", nullable = false)
    private int lesionsDetected;
    @Column(name = "non_lesion_marks", nullable = false)
    private int nonLesionMarks;
    @Column(name = "ai_correct", nullable = false)
    private boolean aiCorrect;
    @Column(name = "scorer_version", nullable = false, length = 20)
    private String scorerVersion;
    @Column(name = "scored_at", nullable = false)
    private Instant scoredAt;
    @OneToMany(mappedBy = "score", cascade = CascadeType.PERSIST)
    @OrderBy("source, itemKey")
    private List<ScoreItemEntity> items = new ArrayList<>();

    protected ReadScoreEntity() {
    }

    public ReadScoreEntity(long readId, String caseOutcome, boolean diagnosisCorrect, int lesionsTotal, int lesionsDetected,
                           int nonLesionMarks, boolean aiCorrect, String scorerVersion, Instant scoredAt) {
        this.readId = readId;
        this.caseOutcome = caseOutcome;
        this.diagnosisCorrect = diagnosisCorrect;
        this.lesionsTotal = lesionsTotal;
        this.lesionsDetected = lesionsDetected;
        this.nonLesionMarks = nonLesionMarks;
        this.aiCorrect = aiCorrect;
        this.scorerVersion = scorerVersion;
        this.scoredAt = scoredAt;
    }

    public void addItem(String source, String key, String outcome, String lesionKey) {
        items.add(new ScoreItemEntity(this, source, key, outcome, lesionKey));
    }

    public long getReadId() { return readId; }
    public String getCaseOutcome() { return caseOutcome; }
    public boolean isDiagnosisCorrect() { return diagnosisCorrect; }
    public int getLesionsTotal() { return lesionsTotal; }
    public int getLesionsDetected() { return lesionsDetected; }
    public int getNonLesionMarks() { return nonLesionMarks; }
    public boolean isAiCorrect() { return aiCorrect; }
    public String getScorerVersion() { return scorerVersion; }
    public List<ScoreItemEntity> getItems() { return items; }
}
