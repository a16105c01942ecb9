package org.calibra.dicom;

/** A file that cannot be read or written as DICOM; the message says what, where and what was expected. */
public class DicomException extends RuntimeException {

    public DicomException(String message) {
        super(message);
    }
}
