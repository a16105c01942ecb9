package org.calibra.dicomweb;

import org.springframework.http.HttpStatus;

/** A request DICOMweb answers with an error status and a message that names what was wrong and what is expected. */
class DicomWebException extends RuntimeException {

    final HttpStatus status;

    DicomWebException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    /** The same answer for "does not exist" and "not yours", so nobody learns which studies exist. */
    static DicomWebException notFound(String what) {
        return new DicomWebException(HttpStatus.NOT_FOUND, what + " not found");
    }
}
