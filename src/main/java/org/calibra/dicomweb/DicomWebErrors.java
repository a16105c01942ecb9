package org.calibra.dicomweb;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** DICOMweb errors as a status and one line of text saying what was wrong (PS3.18 8.5: a status and a warning). */
@RestControllerAdvice(basePackageClasses = DicomWebErrors.class)
class DicomWebErrors {

    @ExceptionHandler(DicomWebException.class)
    ResponseEntity<String> handle(DicomWebException e) {
        return ResponseEntity.status(e.status).contentType(MediaType.TEXT_PLAIN).header("Cache-Control", "no-store").body(e.getMessage() + "\n");
    }
}
