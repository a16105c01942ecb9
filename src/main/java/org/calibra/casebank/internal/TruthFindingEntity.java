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
    /** "circle", "ellipse", "box" or "contour" (ADR 0020). */
    @Column(nullable = false, length = 16)
    private String shape = CIRCLE;
    /** The drawn shapes as JSON ({@link OutlineJson}); null for a circle, which x, y and radiusPx describe. */
    @Column(length = 1000000)
    private String outline;
    @Column(name = "code_scheme", length = 16)
    private String codeScheme;
    @Column(name = "code_value", length = 64)
    private String codeValue;
    @Column(name = "code_meaning", length = 200)
    private String codeMeaning;

    public static final String CIRCLE = "circle";

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

    /**
     * A lesion with a drawn shape and/or a code. For a drawn shape, x, y and radiusPx are its centroid and the radius of
     * the circle of equal area on imageIndex; {@code outline} is its JSON ({@link OutlineJson}), null for a circle.
     */
    public TruthFindingEntity(CaseVersion caseVersion, String findingKey, String label, int imageIndex, double x, double y,
                              double radiusPx, double weight, int firstImageIndex, int lastImageIndex, String shape, String outline,
                              String codeScheme, String codeValue, String codeMeaning) {
        this(caseVersion, findingKey, label, imageIndex, x, y, radiusPx, weight, firstImageIndex, lastImageIndex);
        this.shape = shape;
        this.outline = outline;
        this.codeScheme = codeScheme;
        this.codeValue = codeValue;
        this.codeMeaning = codeMeaning;
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
    public String getShape() { return shape; }
    public String getOutline() { return outline; }
    public String getCodeScheme() { return codeScheme; }
    public String getCodeValue() { return codeValue; }
    public String getCodeMeaning() { return codeMeaning; }
}
