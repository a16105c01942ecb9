package org.calibra.reading.internal;

import jakarta.persistence.*;
import java.time.Instant;

@Entity
@org.hibernate.annotations.Immutable
@Table(name = "read_mark")
public class ReadMark {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "read_id")
    private TraineeRead read;
    @Column(name = "mark_key", nullable = false, length = 64)
    private String markKey;
    @Column(name = "image_index", nullable = false)
    private int imageIndex;
    @Column(nullable = false)
    private double x;
    @Column(nullable = false)
    private double y;
    @Column(nullable = false, length = 100)
    private String label;
    @Column(nullable = false)
    private int confidence;
    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    protected ReadMark() {
    }

    public ReadMark(TraineeRead read, String markKey, int imageIndex, double x, double y, String label, int confidence, Instant placedAt) {
        this.read = read;
        this.markKey = markKey;
        this.imageIndex = imageIndex;
        this.x = x;
        this.y = y;
        this.label = label;
        this.confidence = confidence;
        this.placedAt = placedAt;
    }

    public String getMarkKey() { return markKey; }
    public int getImageIndex() { return imageIndex; }
    public double getX() { return x; }
    public double getY() { return y; }
    public String getLabel() { return label; }
    public int getConfidence() { return confidence; }
    public Instant getPlacedAt() { return placedAt; }
}
