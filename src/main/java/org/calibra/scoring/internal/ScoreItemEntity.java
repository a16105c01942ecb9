package org.calibra.scoring.internal;

import jakarta.persistence.*;

/** The outcome of one trainee mark, AI mark or lesion within a read's score. */
@Entity
@org.hibernate.annotations.Immutable
@Table(name = "score_item")
public class ScoreItemEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "read_score_id")
    private ReadScoreEntity score;
    @Column(nullable = false, length = 10)
    private String source;
    @Column(name = "item_key", nullable = false, length = 64)
    private String itemKey;
    @Column(nullable = false, length = 20)
    private String outcome;
    @Column(name = "lesion_key", length = 64)
    private String lesionKey;

    protected ScoreItemEntity() {
    }

    ScoreItemEntity(ReadScoreEntity score, String source, String itemKey, String outcome, String lesionKey) {
        this.score = score;
        this.source = source;
        this.itemKey = itemKey;
        this.outcome = outcome;
        this.lesionKey = lesionKey;
    }

    public String getSource() { return source; }
    public String getItemKey() { return itemKey; }
    public String getOutcome() { return outcome; }
    public String getLesionKey() { return lesionKey; }
}
