package org.calibra.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.calibra.casebank.content.CaseBundleReader;
import org.calibra.casebank.storage.Blob;
import org.calibra.casebank.storage.FilesystemBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The multipart/related body, its announced length, Accept negotiation and ETag matching. */
class MultipartTest {

    @ParameterizedTest(name = "read from a file: {0}")
    @ValueSource(booleans = {true, false})
    void parts_are_blob_ranges_between_boundaries_and_the_length_is_exact(boolean local, @TempDir Path tmp) throws Exception {
        byte[] bytes = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        var store = new FilesystemBlobStore(tmp);
        String sha = CaseBundleReader.sha256(bytes);
        store.put(sha, bytes);
        Blob stored = store.open(sha).orElseThrow();
        Blob file = local ? stored : streamsOnly(stored); // the second as an S3 object is read: ranged streams, no file
        var body = new Multipart(List.of(new Multipart.Part("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1", file,
                List.of(new long[] {2, 3}, new long[] {10, 2})), new Multipart.Part("image/jls", file, List.of(new long[] {0, 1}))));
        var out = new ByteArrayOutputStream();
        body.write(out);
        String b = body.boundary;
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(
                "--" + b + "\r\nContent-Type: application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1\r\n\r\n234ab\r\n"
                        + "--" + b + "\r\nContent-Type: image/jls\r\n\r\n0\r\n--" + b + "--\r\n");
        assertThat(body.length()).isEqualTo(out.size());
        assertThat(body.contentType("application/octet-stream")).isEqualTo("multipart/related; type=\"application/octet-stream\"; boundary=" + b);
        assertThat(new Multipart(List.of()).boundary).as("a fresh random boundary each time").isNotEqualTo(b);
    }

    private static Blob streamsOnly(Blob b) {
        return new Blob() {
            public String sha256() {
                return b.sha256();
            }

            public long length() {
                return b.length();
            }

            public InputStream openStream() throws IOException {
                return b.openStream();
            }

            public InputStream openRange(long offset, long length) throws IOException {
                return b.openRange(offset, length);
            }

            public Optional<Path> localFile() {
                return Optional.empty();
            }
        };
    }

    @Test
    void accept_headers_as_cornerstone_ohif_and_curl_send_them() {
        String cornerstone = "multipart/related; type=application/octet-stream; transfer-syntax=*";
        assertThat(AcceptHeader.parse(cornerstone).acceptsMultipart("application/octet-stream", "1.2.840.10008.1.2.1", true)).isTrue();
        assertThat(AcceptHeader.parse(cornerstone).acceptsMultipart("image/jls", "1.2.840.10008.1.2.4.80", false)).isTrue();
        assertThat(AcceptHeader.parse(null).acceptsMultipart("application/dicom", "1.2.840.10008.1.2.4.90", false)).isTrue();
        assertThat(AcceptHeader.parse("*/*").acceptsJson()).isTrue();
        String explicit = "multipart/related; type=\"application/octet-stream\"; transfer-syntax=1.2.840.10008.1.2.1";
        assertThat(AcceptHeader.parse(explicit).acceptsMultipart("application/octet-stream", "1.2.840.10008.1.2.1", true)).isTrue();
        assertThat(AcceptHeader.parse(explicit).acceptsMultipart("image/jp2", "1.2.840.10008.1.2.4.90", false))
                .as("no transcoding of compressed frames").isFalse();
        assertThat(AcceptHeader.parse("multipart/related; type=\"image/jls\", application/json;q=0.5").acceptsMultipart("image/jp2",
                "1.2.840.10008.1.2.4.90", false)).isFalse();
        assertThat(AcceptHeader.parse("image/png").acceptsMultipart("application/dicom", "1.2.840.10008.1.2.1", false)).isFalse();
        assertThat(AcceptHeader.parse("application/dicom+json, */*;q=0").acceptsJson()).isTrue();
        assertThat(AcceptHeader.parse("text/html").acceptsJson()).isFalse();
    }

    @Test
    void if_none_match_uses_weak_comparison_and_lists() {
        String etag = HttpCaching.etag("f", List.of("abc/1"));
        assertThat(etag).isEqualTo("\"f-abc/1\"");
        assertThat(HttpCaching.matches(etag, "\"x\", " + etag)).isTrue();
        assertThat(HttpCaching.matches(etag, "W/" + etag)).isTrue();
        assertThat(HttpCaching.matches(etag, "*")).isTrue();
        assertThat(HttpCaching.matches(etag, "\"f-abc/2\"")).isFalse();
        assertThat(HttpCaching.etag("m1", List.of("a", "b"))).as("many tags: their hash").matches("\"m1-[0-9a-f]{64}\"");
    }
}
