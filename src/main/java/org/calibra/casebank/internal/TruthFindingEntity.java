package org.calibra.casebank.internal;

import jakarta.persistence.*;

/** A ground-truth lesion of a case version. Never sent to a trainee before their read is submitted. */
@Entity
@Table(name = "truth_finding")
public class TruthFindingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_version_id")
    private CaseVersion caseVersion;
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
    @Column(name = "radius_px", nullable = false)
    private double radiusPx;
    @Column(nullable = false)
    private double weight;
    @Column(name = "first_image_index", nullable = false)
    private int firstImageIndex;
    @Column(name = "last_image_index", nullable = false)
    private int lastImageIndex;

    protected TruthFindingEntity() {
    }

    public TruthFindingEntity(CaseVersion caseVersion, String findingKey, String label, int imageIndex, double x, double y,
                              double radiusPx, double weight, int firstImageIndex, int lastImageIndex) {
        this.caseVersion = caseVersion;
        this.findingKey = findingKey;
        this.label = label;
        this.imageIndex = imageIndex;
        this.x = x;
        this.y = y;
        this.radiusPx = radiusPx;
        this.weight = weight;
        this.firstImageIndex = firstImageIndex;
        this.lastImageIndex = lastImageIndex;
    }

    public String getFindingKey() { return findingKey; }
    public String getLabel() { return label; }
    public int getImageIndex() { return imageIndex; }
    public double getX() { return x; }
    public double getY() { return y; }
    public double getRadiusPx() { return radiusPx; }
    public double getWeight() { return weight; }
    public int getFirstImageIndex() { return firstImageIndex; }
    public int getLastImageIndex() { return lastImageIndex; }
}
