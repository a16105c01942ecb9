package org.calibra.casebank.web;

import java.time.Duration;
import org.calibra.casebank.CaseImageAccess;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.storage.BlobStore;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves DICOM Part 10 files ({@code wadouri:}, multi-frame stacks) and AI heatmaps by SHA-256. The URL says
 * nothing about the case or its truth, and the bytes behind it never change (strong ETag = the hash, immutable).
 * Only to users who may see a case version using the blob ({@link CaseImageAccess}, the same rule as DICOMweb) or a case
 * draft using it ({@link org.calibra.casebank.DraftImageAccess}); everyone else gets 404, whether the blob exists or not.
 * A file of the folder store goes out as a file (ranges served by seeking); an S3 object is streamed from the bucket.
 */
@RestController
class DicomFileController {

    private static final MediaType DICOM = MediaType.parseMediaType("application/dicom");
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();
    private final BlobStore blobs;
    private final CaseService cases;
    private final CaseImageAccess access;
    private final java.util.List<org.calibra.casebank.DraftImageAccess> drafts;

    DicomFileController(BlobStore blobs, CaseService cases, CaseImageAccess access, java.util.List<org.calibra.casebank.DraftImageAccess> drafts) {
        this.blobs = blobs;
        this.cases = cases;
        this.access = access;
        this.drafts = drafts;
    }

    @GetMapping(CaseService.DICOM_URL_PREFIX + "{sha256}")
    ResponseEntity<Resource> dicom(@PathVariable String sha256, @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        return serve(sha256, DICOM, ifNoneMatch);
    }

    /** AI heatmaps (PNG). Like the AI marks, the reading view hands out their URLs only when the AI may be seen. */
    @GetMapping(CaseService.HEATMAP_URL_PREFIX + "{sha256}")
    ResponseEntity<Resource> heatmap(@PathVariable String sha256, @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        return serve(sha256, MediaType.IMAGE_PNG, ifNoneMatch, access::mayViewAi); // what the reading mode allows now, not only the case
    }

    /**
     * Key images (PNG, ADR 0024). They show the answer: only blobs that are some version's key image, only to users who may see
     * that version's answers — never through the image or heatmap doors, which do not know these blobs.
     */
    @GetMapping(CaseService.KEY_IMAGE_URL_PREFIX + "{sha256}")
    ResponseEntity<Resource> keyImage(@PathVariable String sha256, @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        return serve(sha256, MediaType.IMAGE_PNG, ifNoneMatch, cases.versionsUsingKeyImageBlob(sha256), access::mayViewAnswers);
    }

    private ResponseEntity<Resource> serve(String sha256, MediaType type, String ifNoneMatch) {
        return serve(sha256, type, ifNoneMatch, access::mayView);
    }

    private ResponseEntity<Resource> serve(String sha256, MediaType type, String ifNoneMatch, java.util.function.LongPredicate mayView) {
        return serve(sha256, type, ifNoneMatch, cases.versionsUsingBlob(sha256), mayView);
    }

    private ResponseEntity<Resource> serve(String sha256, MediaType type, String ifNoneMatch, java.util.List<Long> versionsUsing,
                                                     java.util.function.LongPredicate mayView) {
        if (versionsUsing.stream().noneMatch(mayView::test) && drafts.stream().noneMatch(d -> d.mayView(sha256))) { // a draft's file: staff who may see the draft
            return ResponseEntity.notFound().build();
        }
        var blob = blobs.open(sha256);
        if (blob.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String etag = "\"" + sha256 + "\"";
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(IMMUTABLE).build();
        }
        return ResponseEntity.ok().contentType(type).eTag(etag).cacheControl(IMMUTABLE).body(blob.get().localFile().<Resource>map(FileSystemResource::new).orElseGet(() -> new BlobResource(blob.get())));
    }
}
