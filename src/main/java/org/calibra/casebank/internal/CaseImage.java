package org.calibra.casebank.internal;

import jakarta.persistence.*;

/** One stack entry of a case version: a frame of a DICOM file kept in the blob store. */
@Entity
@Table(name = "case_image")
public class CaseImage {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_version_id")
    private CaseVersion caseVersion;
    @Column(name = "image_index", nullable = false)
    private int imageIndex;
    @Column(name = "file_name", nullable = false, length = 500)
    private String fileName;
    @Column(name = "frame_number", nullable = false)
    private int frameNumber;
    /** Null for an image kept in an external archive (then archiveUrl and archiveStudyUid say where). */
    @Column(name = "blob_sha256", length = 64)
    private String blobSha256;
    @Column(name = "archive_url", length = 1000)
    private String archiveUrl;
    @Column(name = "archive_study_uid", length = 64)
    private String archiveStudyUid;
    @Column(name = "sop_instance_uid", length = 64)
    private String sopInstanceUid;
    @Column(name = "series_instance_uid", length = 64)
    private String seriesInstanceUid;
    @Column(length = 16)
    private String modality;
    @Column(name = "pixel_rows", nullable = false)
    private int pixelRows;
    @Column(name = "pixel_columns", nullable = false)
    private int pixelColumns;
    @Column(name = "frame_count", nullable = false)
    private int frameCount;
    @Column(name = "row_spacing_mm")
    private Double rowSpacingMm;
    @Column(name = "column_spacing_mm")
    private Double columnSpacingMm;
    @Column(name = "position_x")
    private Double positionX;
    @Column(name = "position_y")
    private Double positionY;
    @Column(name = "position_z")
    private Double positionZ;
    /** Row then column direction cosines, backslash-separated as in DICOM. */
    @Column(length = 200)
    private String orientation;

    protected CaseImage() {
    }

    /** Only for single-frame images: a multi-frame file's top-level position is not each frame's. */
    public void placeInPatient(org.calibra.shared.PatientPlane p) {
        if (p == null) {
            return;
        }
        positionX = p.px();
        positionY = p.py();
        positionZ = p.pz();
        orientation = p.rowX() + "\\" + p.rowY() + "\\" + p.rowZ() + "\\" + p.colX() + "\\" + p.colY() + "\\" + p.colZ();
    }

    public org.calibra.shared.PatientPlane getPlane() {
        if (positionX == null || orientation == null) {
            return null;
        }
        return org.calibra.shared.PatientPlane.parse(positionX + "\\" + positionY + "\\" + positionZ, orientation);
    }

    public CaseImage(CaseVersion caseVersion, int imageIndex, String fileName, int frameNumber, String blobSha256,
                     String sopInstanceUid, String seriesInstanceUid, String modality, int pixelRows, int pixelColumns,
                     int frameCount, Double rowSpacingMm, Double columnSpacingMm) {
        this.caseVersion = caseVersion;
        this.imageIndex = imageIndex;
        this.fileName = fileName;
        this.frameNumber = frameNumber;
        this.blobSha256 = blobSha256;
        this.sopInstanceUid = sopInstanceUid;
        this.seriesInstanceUid = seriesInstanceUid;
        this.modality = modality;
        this.pixelRows = pixelRows;
        this.pixelColumns = pixelColumns;
        this.frameCount = frameCount;
        this.rowSpacingMm = rowSpacingMm;
        this.columnSpacingMm = columnSpacingMm;
    }

    /** The image lives in an external DICOMweb archive (ADR 0013): its service root and study; no blob. */
    public void keptInArchive(String root, String studyUid) {
        this.archiveUrl = root;
        this.archiveStudyUid = studyUid;
    }

    public Long getCaseVersionId() { return caseVersion.getId(); }
    public String getArchiveUrl() { return archiveUrl; }
    public String getArchiveStudyUid() { return archiveStudyUid; }
    public String getSopInstanceUid() { return sopInstanceUid; }
    public String getSeriesInstanceUid() { return seriesInstanceUid; }
    public int getImageIndex() { return imageIndex; }
    public String getFileName() { return fileName; }
    public int getFrameNumber() { return frameNumber; }
    public String getBlobSha256() { return blobSha256; }
    public int getPixelRows() { return pixelRows; }
    public int getPixelColumns() { return pixelColumns; }
    public int getFrameCount() { return frameCount; }
    public Double getRowSpacingMm() { return rowSpacingMm; }
    public Double getColumnSpacingMm() { return columnSpacingMm; }
}
