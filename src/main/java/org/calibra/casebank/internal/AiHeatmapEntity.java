package org.calibra.casebank.internal;

import jakarta.persistence.*;

/** An AI heatmap of one image; the PNG itself is in the blob store under its SHA-256. */
@Entity
@Table(name = "ai_heatmap")
public class AiHeatmapEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "ai_suggestion_id")
    private AiSuggestionEntity suggestion;
    @Column(name = "image_index", nullable = false)
    private int imageIndex;
    @Column(name = "blob_sha256", nullable = false, length = 64)
    private String blobSha256;

    protected AiHeatmapEntity() {
    }

    public AiHeatmapEntity(AiSuggestionEntity suggestion, int imageIndex, String blobSha256) {
        this.suggestion = suggestion;
        this.imageIndex = imageIndex;
        this.blobSha256 = blobSha256;
    }

    public int getImageIndex() { return imageIndex; }
    public String getBlobSha256() { return blobSha256; }
}
