package org.calibra.casebank.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One stored blob, found: its length is known and its bytes are read on demand, whole or by ranges (a frame of a
 * multi-frame file). Opening streams may fail with {@link BlobStoreUnavailableException} when the store went away.
 */
public interface Blob {

    String sha256();

    long length();

    /** All bytes; the caller closes the stream. */
    InputStream openStream() throws IOException;

    /** {@code length} bytes from {@code offset}; the caller closes the stream. */
    InputStream openRange(long offset, long length) throws IOException;

    /** The blob's own file when the store is a folder: callers that can use a file (memory mapping, positional reads) do. */
    Optional<Path> localFile();

    default byte[] readAllBytes() throws IOException {
        try (InputStream in = openStream()) {
            return in.readAllBytes();
        }
    }
}
