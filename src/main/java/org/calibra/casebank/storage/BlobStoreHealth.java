package org.calibra.casebank.storage;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Readiness of the blob store (health component {@code blobStore}, in the readiness group): a node whose bucket cannot be
 * reached serves no images and stores no imports, so the load balancer should stop sending it users. A folder store is
 * local and reported up (a failing disk shows in the errors of the requests that use it).
 */
class BlobStoreHealth extends AbstractHealthIndicator {

    private final BlobStore blobs;

    BlobStoreHealth(BlobStore blobs) {
        super("the blob store cannot be used");
        this.blobs = blobs;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (blobs instanceof S3BlobStore s3) {
            s3.checkBucket(); // throws: down, with the message as the error detail (shown only with details on)
        }
        builder.up().withDetail("location", blobs.location());
    }
}
