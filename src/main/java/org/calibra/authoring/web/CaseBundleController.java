package org.calibra.authoring.web;

import org.calibra.authoring.AuthoringService;
import org.calibra.authoring.DraftNotFound;
import org.calibra.authoring.ExportedBundle;
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
 * Cases in the one format (ADR 0021): a case version or a draft as a bundle zip — case.yaml, DICOM files, heatmaps —
 * which the import page reads back into a draft. Educators (their institution's cases and the shared library) and admins;
 * anything else they may not see is "not found".
 */
@RestController
class CaseBundleController {

    static final String VERSION = "/export/cases/versions/{versionId}/bundle.zip";
    static final String DRAFT = "/export/cases/drafts/{draftId}/bundle.zip";

    private final AuthoringService authoring;

    CaseBundleController(AuthoringService authoring) {
        this.authoring = authoring;
    }

    @GetMapping(VERSION)
    ResponseEntity<byte[]> version(@PathVariable long versionId) {
        return zip(authoring.exportVersion(versionId));
    }

    @GetMapping(DRAFT)
    ResponseEntity<byte[]> draft(@PathVariable long draftId) {
        return zip(authoring.exportDraft(draftId));
    }

    private static ResponseEntity<byte[]> zip(ExportedBundle bundle) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(bundle.fileName()).build().toString())
                .body(bundle.zip());
    }

    /** On the app's own error page, in words (the same whether it does not exist or is another institution's). */
    @ExceptionHandler(DraftNotFound.class)
    void notFound(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        org.calibra.shared.web.ErrorDetails.sendError(request, response, HttpStatus.NOT_FOUND.value(), "There is no case or draft"
                + " with this number that you may export. Open the case from the Case library and use \"Export as a bundle\" there.");
    }
}
