package org.calibra.scoring.web;

import org.calibra.scoring.ReaderStudyExport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A module's reads as a JAFROC reader study (zip of truth.csv, nl.csv, ll.csv, cases.csv, README.txt); educators and
 * admins only. With nothing to export, a direct call gets 409 and the reason in words (the Reader studies page says
 * the same and offers no link then).
 */
@RestController
class ReaderStudyController {

    static final String PATH = "/export/modules/{moduleId}/jafroc.zip";

    private final ReaderStudyExport export;

    ReaderStudyController(ReaderStudyExport export) {
        this.export = export;
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> jafroc(@PathVariable long moduleId) {
        byte[] zip = export.zip(moduleId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("calibra-module-" + moduleId + "-jafroc.zip").build().toString())
                .body(zip);
    }

    /** Nothing to export yet is the educator's situation, not a server fault: say why, on the app's own page. */
    @ExceptionHandler(ReaderStudyExport.ExportException.class)
    void nothingToExport(ReaderStudyExport.ExportException e, jakarta.servlet.http.HttpServletRequest request,
                         jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        org.calibra.shared.web.ErrorDetails.sendError(request, response, HttpStatus.CONFLICT.value(), e.getMessage());
    }
}
