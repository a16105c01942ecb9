package org.calibra.casebank.internal;

import jakarta.persistence.*;

@Entity
@Table(name = "ai_finding")
public class AiFindingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "ai_suggestion_id")
    private AiSuggestionEntity suggestion;
    @Column(name = "finding_key", nullable = false, length = 64)
    private String findingKey;
    @Column(nullable = false, length = 100)
    private String label;
    @Column(name = "image_index", nullable = false)
    private int imageIndex;
    @Column(nullable = false)
    private double x;
    @Column(nullable = false)
    private double y;
    @Column(nullable = false)
    private double probability;

    protected AiFindingEntity() {
    }

    public AiFindingEntity(AiSuggestionEntity suggestion, String findingKey, String label, int imageIndex, double x, double y, double probability) {
        this.suggestion = suggestion;
        this.findingKey = findingKey;
        this.label = label;
        this.imageIndex = imageIndex;
        this.x = x;
        this.y = y;
        this.probability = probability;
    }

    public String getFindingKey() { return findingKey; }
    public String getLabel() { return label; }
    public int getImageIndex() { return imageIndex; }
    public double getX() { return x; }
    public double getY() { return y; }
    public double getProbability() { return probability; }
}
