package org.calibra.reading.internal;

import jakarta.persistence.*;
import java.io.Serializable;
import java.util.Objects;

/** One step of an adaptive attempt (V26): a case the engine chose, or the stop. */
@Entity
@Table(name = "attempt_adaptive_step")
@IdClass(AdaptiveStepEntity.Key.class)
public class AdaptiveStepEntity {

    @Id
    @Column(name = "attempt_id")
    private long attemptId;
    @Id
    @Column(name = "step_no")
    private int stepNo;
    @Column(name = "case_slug", length = 200)
    private String caseSlug;
    @Column(name = "case_version_id")
    private Long caseVersionId;
    private Boolean correct;
    @Column(nullable = false)
    private double theta;
    @Column(nullable = false)
    private double se;
    @Column(nullable = false)
    private double llr;
    private Double information;
    @Column(name = "chosen_reason", nullable = false, length = 40)
    private String chosenReason;
    @Column(length = 10)
    private String decision;

    protected AdaptiveStepEntity() {
    }

    public AdaptiveStepEntity(long attemptId, int stepNo, String caseSlug, double theta, double se, double llr, Double information,
                              String chosenReason, String decision) {
        this.attemptId = attemptId;
        this.stepNo = stepNo;
        this.caseSlug = caseSlug;
        this.theta = theta;
        this.se = se;
        this.llr = llr;
        this.information = information;
        this.chosenReason = chosenReason;
        this.decision = decision;
    }

    /** The read of the chosen case was scored. */
    public void answered(long versionId, boolean wasCorrect) {
        this.caseVersionId = versionId;
        this.correct = wasCorrect;
    }

    public long getAttemptId() { return attemptId; }
    public int getStepNo() { return stepNo; }
    public String getCaseSlug() { return caseSlug; }
    public Long getCaseVersionId() { return caseVersionId; }
    public Boolean getCorrect() { return correct; }
    public double getTheta() { return theta; }
    public double getSe() { return se; }
    public double getLlr() { return llr; }
    public Double getInformation() { return information; }
    public String getChosenReason() { return chosenReason; }
    public String getDecision() { return decision; }

    public static class Key implements Serializable {
        private long attemptId;
        private int stepNo;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.attemptId == attemptId && k.stepNo == stepNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(attemptId, stepNo);
        }
    }
}
