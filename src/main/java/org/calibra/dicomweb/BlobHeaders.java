package org.calibra.dicomweb;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.calibra.casebank.dicom.DicomFormatException;
import org.calibra.casebank.dicom.DicomHeader;
import org.calibra.casebank.dicom.DicomHeaders;
import org.calibra.casebank.storage.Blob;
import org.calibra.casebank.storage.BlobStore;
import org.calibra.casebank.storage.BlobStoreUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Parsed headers of DICOM blobs. A blob never changes (its name is its hash), so a header is parsed once — a file of the
 * folder store memory-mapped, not read onto the heap; an object of the S3 store fetched once — and kept; a header is a
 * few KiB, so thousands fit easily.
 */
@Component
class BlobHeaders {

    private static final int MAX_ENTRIES = 20_000;
    private final BlobStore blobs;
    private final Map<String, DicomHeader> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DicomHeader> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    BlobHeaders(BlobStore blobs) {
        this.blobs = blobs;
    }

    Blob blob(String sha256) {
        try {
            return blobs.open(sha256).orElseThrow(() -> new DicomWebException(HttpStatus.INTERNAL_SERVER_ERROR,
                    "the stored DICOM file " + sha256 + " is missing from the blob store"));
        } catch (BlobStoreUnavailableException e) {
            throw new DicomWebException(HttpStatus.SERVICE_UNAVAILABLE, "the stored DICOM file " + sha256 + " cannot be read now: the blob store is unavailable");
        }
    }

    DicomHeader header(String sha256) {
        synchronized (cache) {
            DicomHeader h = cache.get(sha256);
            if (h != null) {
                return h;
            }
        }
        DicomHeader h;
        try {
            Blob blob = blob(sha256);
            h = blob.localFile().isPresent() ? DicomHeaders.read(blob.localFile().get()) : DicomHeaders.read(blob.readAllBytes());
        } catch (BlobStoreUnavailableException e) {
            throw new DicomWebException(HttpStatus.SERVICE_UNAVAILABLE, "the stored DICOM file " + sha256 + " cannot be read now: the blob store is unavailable");
        } catch (IOException | DicomFormatException e) {
            throw new DicomWebException(HttpStatus.INTERNAL_SERVER_ERROR, "the stored DICOM file " + sha256 + " cannot be read: " + e.getMessage());
        }
        synchronized (cache) {
            cache.put(sha256, h);
        }
        return h;
    }
}
