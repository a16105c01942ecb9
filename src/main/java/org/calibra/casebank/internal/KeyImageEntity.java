package org.calibra.casebank.internal;

import jakarta.persistence.*;

/** A key image of a case version's teaching content (ADR 0024); the PNG itself is in the blob store under its SHA-256. */
@Entity
@Table(name = "case_key_image")
public class KeyImageEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_version_id")
    private CaseVersion caseVersion;
    @Column(name = "list_position", nullable = false)
    private int position;
    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;
    @Column(name = "image_index", nullable = false)
    private int imageIndex;
    @Column(nullable = false, length = 500)
    private String caption;
    @Column(name = "blob_sha256", nullable = false, length = 64)
    private String blobSha256;

    protected KeyImageEntity() {
    }

    public KeyImageEntity(CaseVersion caseVersion, int position, String fileName, int imageIndex, String caption, String blobSha256) {
        this.caseVersion = caseVersion;
        this.position = position;
        this.fileName = fileName;
        this.imageIndex = imageIndex;
        this.caption = caption;
        this.blobSha256 = blobSha256;
    }

    public int getPosition() { return position; }
    public String getFileName() { return fileName; }
    public int getImageIndex() { return imageIndex; }
    public String getCaption() { return caption; }
    public String getBlobSha256() { return blobSha256; }
}
