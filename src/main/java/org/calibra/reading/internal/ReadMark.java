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
    @Column(nullable = false, length = 10)
    private String shape;
    @Column(name = "width_px", nullable = false)
    private double widthPx;
    @Column(name = "height_px", nullable = false)
    private double heightPx;
    @Column(length = 2000)
    private String note;
    /** The centre in patient coordinates (mm), when the image says where it lies in the patient. */
    @Column(name = "patient_x_mm")
    private Double patientXmm;
    @Column(name = "patient_y_mm")
    private Double patientYmm;
    @Column(name = "patient_z_mm")
    private Double patientZmm;

    protected ReadMark() {
    }

    public ReadMark(TraineeRead read, String markKey, int imageIndex, double x, double y, String label, int confidence, Instant placedAt,
                    String shape, double widthPx, double heightPx, String note, double[] patientMm) {
        this(read, markKey, imageIndex, x, y, label, confidence, placedAt);
        this.shape = shape;
        this.widthPx = widthPx;
        this.heightPx = heightPx;
        this.note = note;
        if (patientMm != null) {
            this.patientXmm = patientMm[0];
            this.patientYmm = patientMm[1];
            this.patientZmm = patientMm[2];
        }
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
        this.shape = "point";
    }

    public String getMarkKey() { return markKey; }
    public int getImageIndex() { return imageIndex; }
    public double getX() { return x; }
    public double getY() { return y; }
    public String getLabel() { return label; }
    public int getConfidence() { return confidence; }
    public Instant getPlacedAt() { return placedAt; }
    public String getShape() { return shape; }
    public double getWidthPx() { return widthPx; }
    public double getHeightPx() { return heightPx; }
    public String getNote() { return note; }
    public Double getPatientXmm() { return patientXmm; }
    public Double getPatientYmm() { return patientYmm; }
    public Double getPatientZmm() { return patientZmm; }
}
