package org.calibra.casebank.storage;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link BlobStore}, by {@code calibra.storage.type}: {@code filesystem} (default, under
 * {@code calibra.storage.blob-dir}) or {@code s3} ({@code calibra.storage.s3.*}). An S3 bucket that cannot be used stops
 * the start-up with a message naming the endpoint and bucket, rather than failing at the first import.
 */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BlobStoreConfiguration.class);

    @Bean
    BlobStore blobStore(@Value("${calibra.storage.type:filesystem}") String type, @Value("${calibra.storage.blob-dir}") Path blobDir,
                        S3StorageProperties s3) {
        return switch (type.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "filesystem", "" -> new FilesystemBlobStore(blobDir);
            case "s3" -> {
                S3BlobStore store = S3BlobStore.connect(s3);
                try {
                    store.checkBucket();
                } catch (BlobStoreUnavailableException e) {
                    store.close();
                    throw new IllegalStateException(e.getMessage() + ". Expected an existing bucket reachable with the configured"
                            + " calibra.storage.s3.* settings (docs/deployment.md, \"Object storage (S3)\")", e);
                }
                log.info("blobs are stored in {}", store.location());
                yield store;
            }
            default -> throw new IllegalStateException("calibra.storage.type is '" + type + "'; expected filesystem (blobs under"
                    + " calibra.storage.blob-dir, the default) or s3 (an S3-compatible bucket, calibra.storage.s3.*)");
        };
    }

    /** Named so the health component is {@code blobStore} (application.properties puts it in the readiness group). */
    @Bean
    BlobStoreHealth blobStoreHealthIndicator(BlobStore blobs) {
        return new BlobStoreHealth(blobs);
    }
}
