package org.calibra.casebank.internal;

import jakarta.persistence.*;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One immutable version of a case's content. Reads point here, so a version is never edited. */
@Entity
@Table(name = "case_version")
public class CaseVersion {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_id")
    private CaseItem caseItem;

    @Column(nullable = false)
    private int version;
    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;
    @Column(nullable = false, length = 300)
    private String title;
    @Column(nullable = false, length = 16)
    private String modality;
    @Column(name = "body_part", length = 100)
    private String bodyPart;
    @Column(nullable = false)
    private int difficulty;
    /** JSON arrays of strings, kept as text: read together with the version, never queried into. */
    @Column(nullable = false, length = 4000)
    private String tags;
    @Column(name = "clinical_history", nullable = false, length = 4000)
    private String clinicalHistory;
    @Column(name = "source_description", nullable = false, length = 4000)
    private String sourceDescription;
    @Column(name = "source_licence", nullable = false, length = 1000)
    private String sourceLicence;
    @Column(nullable = false, length = 4000)
    private String labels;
    @Column(nullable = false, length = 4000)
    private String diagnoses;
    @Column(name = "truth_diagnosis", nullable = false, length = 100)
    private String truthDiagnosis;
    @Column(name = "truth_abnormal", nullable = false)
    private boolean truthAbnormal;
    @Column(name = "acceptance_min_mm", nullable = false)
    private double acceptanceMinMm;
    @Column(name = "teaching_points", nullable = false, length = 40000)
    private String teachingPoints;
    @Column(nullable = false, length = 1000000)
    private String manifest;
    @Column(name = "loaded_at", nullable = false)
    private Instant loadedAt;
    /** PUBLISHED versions are read; PENDING_REVIEW and REJECTED never reach a module (ADR 0012). */
    @Column(nullable = false, length = 16)
    private String status = PUBLISHED;
    /** What de-identification changed, as Markdown: attributes and actions, never values. */
    @Column(name = "deid_report", length = 1000000)
    private String deidReport;
    @Column(name = "reviewed_by")
    private Long reviewedBy;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    public static final String PUBLISHED = "PUBLISHED";
    public static final String PENDING_REVIEW = "PENDING_REVIEW";
    public static final String REJECTED = "REJECTED";

    @OneToMany(mappedBy = "caseVersion", cascade = CascadeType.ALL)
    @OrderBy("imageIndex")
    private List<CaseImage> images = new ArrayList<>();

    @OneToMany(mappedBy = "caseVersion", cascade = CascadeType.ALL)
    @OrderBy("findingKey")
    private List<TruthFindingEntity> truthFindings = new ArrayList<>();

    @OneToMany(mappedBy = "caseVersion", cascade = CascadeType.ALL)
    @OrderBy("position")
    private List<KeyImageEntity> keyImages = new ArrayList<>();

    @OneToOne(mappedBy = "caseVersion", cascade = CascadeType.ALL)
    private AiSuggestionEntity aiSuggestion;

    protected CaseVersion() {
    }

    public CaseVersion(CaseItem caseItem, int version, String contentHash, Instant loadedAt) {
        this.caseItem = caseItem;
        this.version = version;
        this.contentHash = contentHash;
        this.loadedAt = loadedAt;
    }

    public void describe(String title, String modality, String bodyPart, int difficulty, String tags, String clinicalHistory,
                         String sourceDescription, String sourceLicence) {
        this.title = title;
        this.modality = modality;
        this.bodyPart = bodyPart;
        this.difficulty = difficulty;
        this.tags = tags;
        this.clinicalHistory = clinicalHistory;
        this.sourceDescription = sourceDescription;
        this.sourceLicence = sourceLicence;
    }

    public void defineReading(String labels, String diagnoses, String truthDiagnosis, boolean truthAbnormal,
                              double acceptanceMinMm, String teachingPoints, String manifest) {
        this.labels = labels;
        this.diagnoses = diagnoses;
        this.truthDiagnosis = truthDiagnosis;
        this.truthAbnormal = truthAbnormal;
        this.acceptanceMinMm = acceptanceMinMm;
        this.teachingPoints = teachingPoints;
        this.manifest = manifest;
    }

    public void imported(String status, String deidReport) {
        this.status = status;
        this.deidReport = deidReport;
    }

    /** An educator's decision on a version held for review: PUBLISHED or REJECTED. */
    public void review(String decision, long userId, Instant at) {
        if (!PENDING_REVIEW.equals(status)) {
            throw new IllegalStateException("version " + version + " of '" + caseItem.getSlug() + "' is " + status + ", not pending review");
        }
        this.status = decision;
        this.reviewedBy = userId;
        this.reviewedAt = at;
    }

    public String getStatus() { return status; }
    public String getDeidReport() { return deidReport; }
    public String getManifest() { return manifest; }
    public Long getReviewedBy() { return reviewedBy; }
    public void addImage(CaseImage image) { images.add(image); }
    public void addTruthFinding(TruthFindingEntity finding) { truthFindings.add(finding); }
    public void setAiSuggestion(AiSuggestionEntity ai) { this.aiSuggestion = ai; }
    public void addKeyImage(KeyImageEntity keyImage) { keyImages.add(keyImage); }

    public Long getId() { return id; }
    public CaseItem getCaseItem() { return caseItem; }
    public int getVersion() { return version; }
    public String getContentHash() { return contentHash; }
    public String getTitle() { return title; }
    public String getModality() { return modality; }
    public String getBodyPart() { return bodyPart; }
    public int getDifficulty() { return difficulty; }
    public String getTags() { return tags; }
    public String getClinicalHistory() { return clinicalHistory; }
    public String getSourceDescription() { return sourceDescription; }
    public String getSourceLicence() { return sourceLicence; }
    public String getLabels() { return labels; }
    public String getDiagnoses() { return diagnoses; }
    public String getTruthDiagnosis() { return truthDiagnosis; }
    public boolean isTruthAbnormal() { return truthAbnormal; }
    public double getAcceptanceMinMm() { return acceptanceMinMm; }
    public String getTeachingPoints() { return teachingPoints; }
    public Instant getLoadedAt() { return loadedAt; }
    public List<CaseImage> getImages() { return images; }
    public List<TruthFindingEntity> getTruthFindings() { return truthFindings; }
    public AiSuggestionEntity getAiSuggestion() { return aiSuggestion; }
    public List<KeyImageEntity> getKeyImages() { return keyImages; }
}
