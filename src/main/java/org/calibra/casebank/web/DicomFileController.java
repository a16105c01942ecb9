package org.calibra.casebank.web;

import java.nio.file.Path;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.storage.BlobStore;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves DICOM Part 10 files to the viewer ({@code wadouri:}). The URL is the file's SHA-256: it says
 * nothing about the case or its truth, and the bytes behind it never change, so browsers may cache them.
 * Signed-in users only (SecurityConfig). DICOMweb comes with the case-library issue.
 */
@RestController
class DicomFileController {

    private static final MediaType DICOM = MediaType.parseMediaType("application/dicom");
    private final BlobStore blobs;

    DicomFileController(BlobStore blobs) {
        this.blobs = blobs;
    }

    @GetMapping(CaseService.DICOM_URL_PREFIX + "{sha256}")
    ResponseEntity<FileSystemResource> dicom(@PathVariable String sha256) {
        return serve(sha256, DICOM);
    }

    /** AI heatmaps (PNG). Like the AI marks, the reading view hands out their URLs only when the AI may be seen. */
    @GetMapping(CaseService.HEATMAP_URL_PREFIX + "{sha256}")
    ResponseEntity<FileSystemResource> heatmap(@PathVariable String sha256) {
        return serve(sha256, MediaType.IMAGE_PNG);
    }

    private ResponseEntity<FileSystemResource> serve(String sha256, MediaType type) {
        return blobs.find(sha256)
                .map(Path::toFile)
                .map(f -> ResponseEntity.ok().contentType(type).cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(7)).cachePrivate())
                        .body(new FileSystemResource(f)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
