package org.calibra.casebank.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.calibra.casebank.content.CaseBundleReader;
import org.calibra.support.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The S3 blob store against a real S3 server (s3proxy, one per class): bytes back as stored, whole and by ranges, puts
 * that never overwrite, the folder store's key layout, missing keys, a multi-MB blob, and settings that cannot work
 * refused with words naming the bucket and endpoint.
 */
class S3BlobStoreIT {

    private static S3Server server;
    private static S3BlobStore store;

    @BeforeAll
    static void s3() throws Exception {
        server = S3Server.start();
        store = S3BlobStore.connect(settings(server.bucket(), server.secretKey(), ""));
        store.checkBucket();
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        server.close();
    }

    private static S3StorageProperties settings(String bucket, String secret, String prefix) {
        return new S3StorageProperties(server.endpoint(), bucket, "us-east-1", true, server.accessKey(), secret, prefix);
    }

    private static String sha(byte[] bytes) {
        return CaseBundleReader.sha256(bytes);
    }

    @Test
    void bytes_come_back_as_stored_whole_and_by_range_under_the_folder_stores_layout() throws Exception {
        byte[] bytes = "a DICOM file, or near enough".getBytes(StandardCharsets.US_ASCII);
        String sha = sha(bytes);

        store.put(sha, bytes);

        Blob blob = store.open(sha).orElseThrow();
        assertThat(blob.length()).isEqualTo(bytes.length);
        assertThat(blob.readAllBytes()).isEqualTo(bytes);
        try (var in = blob.openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        try (var in = blob.openRange(2, 5)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("DICOM");
        }
        assertThat(blob.localFile()).isEmpty();
        assertThat(store.exists(sha)).isTrue();
        try (var s3 = server.client()) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket(server.bucket()).key(sha.substring(0, 2) + "/" + sha)).asByteArray())
                    .as("key ab/abcdef…, as the folder store's path, so `aws s3 sync data/blobs` makes a store").isEqualTo(bytes);
        }
    }

    @Test
    void a_put_of_a_stored_key_changes_nothing() throws Exception {
        byte[] bytes = "first".getBytes(StandardCharsets.US_ASCII);
        String sha = sha(bytes);
        store.put(sha, bytes);

        store.put(sha, bytes);
        store.put(sha, "other bytes under the same key".getBytes(StandardCharsets.US_ASCII)); // never happens; shows no overwrite

        assertThat(store.open(sha).orElseThrow().readAllBytes()).isEqualTo(bytes);
    }

    @Test
    void a_missing_key_is_empty_not_an_error() {
        String absent = sha("never stored".getBytes(StandardCharsets.US_ASCII));
        assertThat(store.open(absent)).isEmpty();
        assertThat(store.exists(absent)).isFalse();
        assertThat(store.open("not-a-sha")).isEmpty();
        assertThatThrownBy(() -> store.put("../escape", new byte[1])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA-256");
    }

    @Test
    void a_multi_megabyte_blob_round_trips_and_reads_by_range() throws Exception {
        byte[] bytes = new byte[12 * 1024 * 1024 + 17];
        new Random(42).nextBytes(bytes);
        String sha = sha(bytes);

        store.put(sha, bytes);

        Blob blob = store.open(sha).orElseThrow();
        assertThat(blob.length()).isEqualTo(bytes.length);
        try (var in = blob.openStream()) {
            assertThat(sha(in.readAllBytes())).isEqualTo(sha);
        }
        try (var in = blob.openRange(9_000_000, 1_000_000)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 9_000_000, 10_000_000));
        }
    }

    @Test
    void a_prefix_puts_blobs_under_it() {
        byte[] bytes = "prefixed".getBytes(StandardCharsets.US_ASCII);
        String sha = sha(bytes);
        try (var prefixed = S3BlobStore.connect(settings(server.bucket(), server.secretKey(), "/calibra/blobs"));
             var s3 = server.client()) {
            prefixed.put(sha, bytes);
            assertThat(s3.headObject(b -> b.bucket(server.bucket()).key("calibra/blobs/" + sha.substring(0, 2) + "/" + sha)).contentLength())
                    .isEqualTo(bytes.length);
            assertThat(store.exists(sha)).as("not at the top").isFalse();
        }
    }

    @Test
    void a_missing_bucket_or_wrong_keys_are_refused_in_words() {
        try (var noBucket = S3BlobStore.connect(settings("no-such-bucket", server.secretKey(), ""))) {
            assertThatThrownBy(noBucket::checkBucket).isInstanceOf(BlobStoreUnavailableException.class)
                    .hasMessageContaining("'no-such-bucket'").hasMessageContaining(server.endpoint()).hasMessageContaining("does not exist");
        }
        try (var wrongKey = S3BlobStore.connect(settings(server.bucket(), "wrong-secret", ""))) {
            assertThatThrownBy(wrongKey::checkBucket).isInstanceOf(BlobStoreUnavailableException.class)
                    .hasMessageContaining("'" + server.bucket() + "'").hasMessageContaining("access is denied");
            assertThatThrownBy(() -> wrongKey.put(sha(new byte[] {1}), new byte[] {1})).isInstanceOf(BlobStoreUnavailableException.class)
                    .hasMessageContaining("could not look up blob").hasMessageContaining("403");
        }
    }

    @Test
    void the_configuration_names_what_is_wrong_before_the_application_starts() {
        var config = new BlobStoreConfiguration();
        Path dir = Path.of("target/unused-blobs");
        assertThat(config.blobStore("filesystem", dir, settings("", "", ""))).isInstanceOf(FilesystemBlobStore.class);
        assertThatThrownBy(() -> config.blobStore("ftp", dir, settings("", "", ""))).hasMessageContaining("calibra.storage.type is 'ftp'")
                .hasMessageContaining("expected filesystem").hasMessageContaining("or s3");
        assertThatThrownBy(() -> config.blobStore("s3", dir, settings(" ", "", ""))).hasMessageContaining("calibra.storage.s3.bucket is empty");
        assertThatThrownBy(() -> config.blobStore("s3", dir, settings("absent", server.secretKey(), ""))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'absent' at " + server.endpoint()).hasMessageContaining("Expected an existing bucket");
        try (var s3 = (S3BlobStore) config.blobStore("S3", dir, settings(server.bucket(), server.secretKey(), ""))) {
            assertThat(s3.location()).isEqualTo("the bucket '" + server.bucket() + "' at " + server.endpoint());
        }
    }
}
