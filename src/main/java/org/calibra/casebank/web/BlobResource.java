package org.calibra.casebank.web;

import java.io.IOException;
import java.io.InputStream;
import org.calibra.casebank.storage.Blob;
import org.springframework.core.io.AbstractResource;

/** A blob without a local file (an S3 object) as a response body: its length is known, its bytes streamed when written. */
final class BlobResource extends AbstractResource {

    private final Blob blob;

    BlobResource(Blob blob) {
        this.blob = blob;
    }

    @Override
    public String getDescription() {
        return "blob " + blob.sha256();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return blob.openStream();
    }

    @Override
    public long contentLength() {
        return blob.length();
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public long lastModified() {
        return 0; // content-addressed: the ETag is the hash, no Last-Modified
    }
}
