package org.calibra.casebank.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.calibra.casebank.content.CaseBundleReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder store behind the same interface as S3: the ab/abcdef… layout, ranges, no overwrite, missing blobs empty. */
class FilesystemBlobStoreTest {

    @Test
    void blobs_are_files_under_ab_slash_sha_read_whole_or_by_range(@TempDir Path dir) throws Exception {
        var store = new FilesystemBlobStore(dir);
        byte[] bytes = "0123456789".getBytes(StandardCharsets.US_ASCII);
        String sha = CaseBundleReader.sha256(bytes);

        store.put(sha, bytes);
        store.put(sha, "different".getBytes(StandardCharsets.US_ASCII));

        Path file = dir.resolve(sha.substring(0, 2)).resolve(sha);
        assertThat(Files.readAllBytes(file)).as("written once, never overwritten").isEqualTo(bytes);
        Blob blob = store.open(sha).orElseThrow();
        assertThat(blob.length()).isEqualTo(10);
        assertThat(blob.localFile()).contains(file.toAbsolutePath().normalize());
        assertThat(blob.readAllBytes()).isEqualTo(bytes);
        try (var in = blob.openRange(3, 4)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("3456");
        }
        assertThat(store.exists(sha)).isTrue();
    }

    @Test
    void a_missing_or_malformed_key_is_empty(@TempDir Path dir) {
        var store = new FilesystemBlobStore(dir);
        String absent = CaseBundleReader.sha256(new byte[] {1});
        assertThat(store.open(absent)).isEmpty();
        assertThat(store.exists(absent)).isFalse();
        assertThat(store.open("../../etc/passwd")).isEmpty();
        assertThat(store.exists("../../etc/passwd")).isFalse();
    }
}
