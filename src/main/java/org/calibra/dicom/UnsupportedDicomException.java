package org.calibra.dicom;

/** The file is readable DICOM, but asks for something Calibra does not do (an encoding, a frame layout). */
public class UnsupportedDicomException extends DicomException {

    public UnsupportedDicomException(String message) {
        super(message);
    }
}
