package org.calibra.casebank.storage;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Content-addressed storage of the bytes behind cases (DICOM files, AI heatmaps, key images): a blob's key is its SHA-256,
 * so storing is idempotent and a stored blob never changes. Two kinds (ADR 0031): files under a folder, the embedded
 * default ({@link FilesystemBlobStore}), and an S3-compatible bucket ({@link S3BlobStore}), chosen by
 * {@code calibra.storage.type}. Both lay blobs out as {@code ab/abcdef…}, so a folder synced into a bucket is a store.
 * A store that cannot be reached throws {@link BlobStoreUnavailableException}; a blob that is not there is an empty Optional.
 */
public interface BlobStore {

    Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Stores {@code bytes} under their SHA-256 {@code sha256}; a blob already stored is left as it is. */
    void put(String sha256, byte[] bytes);

    boolean exists(String sha256);

    /** The blob, to be read as a whole or by ranges; empty when it is not stored (or {@code sha256} is not a SHA-256). */
    Optional<Blob> open(String sha256);

    /** Where blobs live, for messages and logs: a folder, or a bucket at an endpoint. */
    String location();

    /** {@code ab/abcdef…}: the relative path of a blob, the same in a folder and a bucket. */
    static String key(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
        return sha256.substring(0, 2) + "/" + sha256;
    }
}
