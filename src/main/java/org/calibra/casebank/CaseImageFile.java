package org.calibra.casebank;

/** One stack entry of a case version as stored: frame {@code frame} (0-based) of the DICOM blob {@code sha256}. */
public record CaseImageFile(int index, String sha256, int frame) {}
