package org.calibra.casebank;

/**
 * One stack entry as stored: frame {@code frame} (0-based) of the DICOM blob {@code sha256}; or, for an image kept in an
 * external DICOMweb archive, no blob but the archive's service root and the instance's UIDs.
 */
public record CaseImageFile(int index, String sha256, int frame, String archiveRoot, String studyUid, String seriesUid, String sopUid) {

    public boolean external() {
        return sha256 == null;
    }
}
