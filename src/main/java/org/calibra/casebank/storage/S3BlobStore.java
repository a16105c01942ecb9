package org.calibra.casebank.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects of an S3-compatible bucket (AWS S3, Ceph RGW, s3proxy…), keyed {@code [prefix]ab/abcdef…} like the
 * folder store's paths. Objects are written once: a put first asks whether the key exists (HEAD), since a blob's bytes
 * are fixed by its key. Reads stream from the service — whole, or one ranged GET per range. Every failure to talk to
 * the service becomes a {@link BlobStoreUnavailableException} naming the endpoint, bucket and operation.
 */
public class S3BlobStore implements BlobStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String where;

    S3BlobStore(S3Client s3, S3StorageProperties p) {
        this.s3 = s3;
        this.bucket = p.bucket();
        this.prefix = p.keyPrefix();
        this.where = "the bucket '" + p.bucket() + "' at " + (p.hasEndpoint() ? p.endpoint() : "AWS S3 (" + p.region() + ")");
    }

    /** A client for {@code p}, with the JDK's HTTP connection; not yet checked (see {@link #checkBucket()}). */
    public static S3BlobStore connect(S3StorageProperties p) {
        if (p.bucket() == null || p.bucket().isBlank()) {
            throw new IllegalStateException("calibra.storage.type is s3 but calibra.storage.s3.bucket is empty: name the bucket that"
                    + " holds the blobs (it must exist already)");
        }
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(3)).socketTimeout(Duration.ofSeconds(60)))
                .region(Region.of(p.region()))
                .forcePathStyle(p.pathStyle())
                // checksums only where the API requires them: older S3-compatible servers reject the newer trailing checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(p.hasKeys()
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(p.accessKey(), p.secretKey() == null ? "" : p.secretKey()))
                        : DefaultCredentialsProvider.builder().build());
        if (p.hasEndpoint()) {
            try {
                builder.endpointOverride(URI.create(p.endpoint().strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("calibra.storage.s3.endpoint '" + p.endpoint() + "' is not a URL; expected e.g."
                        + " http://rgw.example.org:7480, or empty for AWS S3", e);
            }
        }
        return new S3BlobStore(builder.build(), p);
    }

    /**
     * HeadBucket: the bucket exists and these credentials may use it. At start-up a failure stops the application with
     * this message; readiness asks the same question.
     */
    public void checkBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            String why = switch (e.statusCode()) {
                case 404 -> "it does not exist; create it first (blobs are never stored elsewhere)";
                case 403, 401 -> "access is denied; the credentials need s3:ListBucket (HeadBucket), s3:GetObject and s3:PutObject on it";
                case 301, 307, 400 -> "the service answered " + e.statusCode() + " (" + reason(e) + "); check calibra.storage.s3.region and"
                        + " calibra.storage.s3.path-style (true for Ceph RGW, s3proxy, MinIO-likes)";
                default -> "the service answered " + e.statusCode() + " (" + reason(e) + ")";
            };
            throw new BlobStoreUnavailableException("S3 blob store: " + where + " cannot be used: " + why, e);
        } catch (SdkException e) {
            throw unavailable("reach", "", e);
        }
    }

    @Override
    public void put(String sha256, byte[] bytes) {
        String key = key(sha256);
        if (head(sha256, key).isPresent()) {
            return; // content-addressed: the same key always holds the same bytes
        }
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentLength((long) bytes.length).contentType("application/octet-stream"),
                    RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw unavailable("store", sha256, e);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return SHA256.matcher(sha256).matches() && head(sha256, key(sha256)).isPresent();
    }

    @Override
    public Optional<Blob> open(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        String key = key(sha256);
        return head(sha256, key).map(h -> new ObjectBlob(sha256, key, h.contentLength()));
    }

    @Override
    public String location() {
        return where;
    }

    @Override
    public void close() {
        s3.close();
    }

    private String key(String sha256) {
        return prefix + BlobStore.key(sha256);
    }

    private Optional<HeadObjectResponse> head(String sha256, String key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty(); // HEAD has no body, so some services give a bare 404 rather than NoSuchKey
            }
            throw unavailable("look up", sha256, e);
        } catch (SdkException e) {
            throw unavailable("look up", sha256, e);
        }
    }

    private BlobStoreUnavailableException unavailable(String operation, String sha256, SdkException e) {
        String what = sha256.isEmpty() ? "" : " blob " + sha256;
        String why = e instanceof S3Exception s ? "the service answered " + s.statusCode() + " (" + reason(s) + ")"
                : e instanceof SdkClientException ? "it cannot be reached (" + e.getMessage() + ")" : e.getMessage();
        return new BlobStoreUnavailableException("S3 blob store: could not " + operation + what + " in " + where + ": " + why, e);
    }

    private static String reason(S3Exception e) {
        var details = e.awsErrorDetails();
        if (details == null) {
            return "no details";
        }
        String code = details.errorCode();
        String message = details.errorMessage();
        return message != null && !message.isBlank() ? message : code != null ? code : "no details";
    }

    private final class ObjectBlob implements Blob {

        private final String sha256;
        private final String key;
        private final long length;

        ObjectBlob(String sha256, String key, long length) {
            this.sha256 = sha256;
            this.key = key;
            this.length = length;
        }

        @Override
        public String sha256() {
            return sha256;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public InputStream openStream() throws IOException {
            return get(GetObjectRequest.builder().bucket(bucket).key(key).build());
        }

        @Override
        public InputStream openRange(long offset, long count) throws IOException {
            if (count <= 0) {
                return InputStream.nullInputStream();
            }
            return get(GetObjectRequest.builder().bucket(bucket).key(key).range("bytes=" + offset + "-" + (offset + count - 1)).build());
        }

        private InputStream get(GetObjectRequest request) throws IOException {
            try {
                return s3.getObject(request);
            } catch (NoSuchKeyException e) {
                throw new IOException("blob " + sha256 + " is no longer in " + where, e);
            } catch (SdkException e) {
                throw unavailable("read", sha256, e);
            }
        }

        @Override
        public Optional<Path> localFile() {
            return Optional.empty();
        }

        @Override
        public byte[] readAllBytes() throws IOException {
            try {
                return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
            } catch (NoSuchKeyException e) {
                throw new IOException("blob " + sha256 + " is no longer in " + where, e);
            } catch (SdkException e) {
                throw unavailable("read", sha256, e);
            }
        }
    }
}
