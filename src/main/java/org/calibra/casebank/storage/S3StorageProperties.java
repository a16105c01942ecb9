package org.calibra.casebank.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code calibra.storage.s3.*}: where the S3 blob store is (used when {@code calibra.storage.type=s3}; docs/deployment.md,
 * "Object storage (S3)"). No keys: the AWS SDK's default credential chain (environment, profile, instance role).
 *
 * @param endpoint  the service's URL, e.g. http://rgw.example:7480; empty for AWS S3 itself in {@code region}
 * @param bucket    the bucket, which must exist
 * @param region    the signing region (us-east-1 for most S3-compatible servers)
 * @param pathStyle bucket in the path rather than the host name: true for Ceph RGW, s3proxy, MinIO-likes
 * @param prefix    an optional key prefix, e.g. {@code calibra/} (blobs are then {@code calibra/ab/abcdef…})
 */
@ConfigurationProperties("calibra.storage.s3")
public record S3StorageProperties(String endpoint, String bucket, @DefaultValue("us-east-1") String region,
                                  @DefaultValue("false") boolean pathStyle, String accessKey, String secretKey, String prefix) {

    boolean hasEndpoint() {
        return endpoint != null && !endpoint.isBlank();
    }

    boolean hasKeys() {
        return accessKey != null && !accessKey.isBlank();
    }

    /** The prefix with exactly one trailing slash, or empty. */
    String keyPrefix() {
        if (prefix == null || prefix.isBlank()) {
            return "";
        }
        String p = prefix.strip().replaceAll("^/+", "");
        return p.endsWith("/") ? p : p + "/";
    }
}
