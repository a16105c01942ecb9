package org.calibra.casebank.dicom;

/** The bytes are not a DICOM Part 10 file Calibra can use; the message says why, in words. */
public class DicomFormatException extends Exception {
    public DicomFormatException(String message) {
        super(message);
    }
}
