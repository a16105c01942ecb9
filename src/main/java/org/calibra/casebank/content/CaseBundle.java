package org.calibra.casebank.content;

import java.util.List;
import org.calibra.casebank.dicom.DicomHeader;

/**
 * A case folder that passed every check: its manifest, its DICOM files (bytes and headers) and the
 * expanded stack. {@code contentHash} covers the manifest and every file, so any change is a new version.
 */
public record CaseBundle(CaseManifest manifest, byte[] manifestBytes, List<DicomFile> files, List<StackImage> stack,
                         List<HeatmapFile> heatmaps, String contentHash, List<KeyImageFile> keyImages) {

    public CaseBundle {
        keyImages = keyImages == null ? List.of() : List.copyOf(keyImages);
    }

    /** A bundle without key images. */
    public CaseBundle(CaseManifest manifest, byte[] manifestBytes, List<DicomFile> files, List<StackImage> stack,
                      List<HeatmapFile> heatmaps, String contentHash) {
        this(manifest, manifestBytes, files, stack, heatmaps, contentHash, List.of());
    }

    /**
     * A DICOM file of the bundle. An instance kept in an external archive has no bytes and no hash: its {@code name}
     * is its WADO-RS URL ({@code <root>/studies/…/series/…/instances/…}) and its header comes from the archive's metadata.
     */
    public record DicomFile(String name, byte[] bytes, String sha256, DicomHeader header) {
        public boolean external() {
            return bytes == null;
        }

        /** The archive's DICOMweb root, for an external instance. */
        public String archiveRoot() {
            return external() ? name.substring(0, name.lastIndexOf("/studies/")) : null;
        }
    }

    /** A checked AI heatmap: an 8-bit grayscale PNG for one image of the stack. */
    public record HeatmapFile(int imageIndex, String name, byte[] bytes, String sha256) {}

    /** A checked key image (ADR 0024): a PNG of the teaching content, with the manifest's entry for it. */
    public record KeyImageFile(CaseManifest.KeyImage entry, byte[] bytes, String sha256) {}

    /** One image of the viewer's stack: a frame of a file. */
    public record StackImage(int index, DicomFile file, int frame) {}

    public double minAcceptanceRadiusMm() {
        return manifest.acceptance() != null && manifest.acceptance().minRadiusMm() != null
                ? manifest.acceptance().minRadiusMm() : DEFAULT_MIN_ACCEPTANCE_MM;
    }

    public static final double DEFAULT_MIN_ACCEPTANCE_MM = 5.0;
}
