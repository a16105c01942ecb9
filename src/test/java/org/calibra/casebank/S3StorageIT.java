package org.calibra.casebank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calibra.support.CaseZips.caseZip;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.calibra.casebank.content.CaseBundleReader;
import org.calibra.casebank.internal.CaseImporter;
import org.calibra.casebank.storage.BlobStoreUnavailableException;
import org.calibra.support.IntegrationTest;
import org.calibra.support.S3Server;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application with {@code calibra.storage.type=s3} against a real S3 server (s3proxy, one start for the class):
 * the content of cases/ loaded into the bucket at start-up and served byte for byte by the file door and DICOMweb; and
 * the object store going down during an import — refused in words, no case version pointing at blobs that are not
 * stored, readiness down — then the same import once it is back.
 */
@IntegrationTest
@DirtiesContext
class S3StorageIT {

    private static S3Server s3;

    @DynamicPropertySource
    static void objectStorage(DynamicPropertyRegistry registry) throws Exception {
        s3 = S3Server.start();
        registry.add("calibra.storage.type", () -> "s3");
        registry.add("calibra.storage.s3.endpoint", s3::endpoint);
        registry.add("calibra.storage.s3.bucket", s3::bucket);
        registry.add("calibra.storage.s3.path-style", () -> "true");
        registry.add("calibra.storage.s3.access-key", s3::accessKey);
        registry.add("calibra.storage.s3.secret-key", s3::secretKey);
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @Autowired WebApplicationContext web;
    @Autowired CaseService cases;
    @Autowired CaseUploadService uploads;
    @Autowired CaseImporter importer;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired @Qualifier("blobStoreHealthIndicator") HealthIndicator blobStoreHealth;

    private MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private MockHttpServletResponse educator(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user("educator").roles("EDUCATOR"))).andReturn().getResponse();
    }

    private byte[] inBucket(String sha) {
        try (var client = s3.client()) {
            return client.getObjectAsBytes(b -> b.bucket(s3.bucket()).key(sha.substring(0, 2) + "/" + sha)).asByteArray();
        }
    }

    @Test
    void content_loaded_into_the_bucket_is_served_byte_for_byte_by_the_file_door_and_dicomweb() throws Exception {
        long version = cases.latestVersionId("mr-iac-schwannoma-detected").orElseThrow();
        String sha = cases.imageFiles(version).orElseThrow().getFirst().sha256();
        byte[] stored = inBucket(sha);
        assertThat(CaseBundleReader.sha256(stored)).as("stored under its own hash").isEqualTo(sha);

        var file = educator(get(CaseService.DICOM_URL_PREFIX + sha));
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentAsByteArray()).isEqualTo(stored);
        assertThat(file.getHeader("ETag")).isEqualTo("\"" + sha + "\"");

        var instances = JsonMapper.builder().build().readTree(educator(get("/dicomweb/cases/" + version + "/instances")).getContentAsString());
        var first = instances.get(0);
        String url = "/dicomweb/cases/" + version + "/studies/" + first.path("0020000D").path("Value").get(0).asString() + "/series/"
                + first.path("0020000E").path("Value").get(0).asString() + "/instances/" + first.path("00080018").path("Value").get(0).asString();
        var instance = educator(get(url));
        assertThat(instance.getStatus()).isEqualTo(200);
        assertThat(onlyPart(instance)).as("the instance through DICOMweb").isEqualTo(stored);
        var frame = educator(get(url + "/frames/1").header("Accept", "multipart/related; type=application/octet-stream; transfer-syntax=*"));
        assertThat(frame.getStatus()).isEqualTo(200);
        byte[] pixels = onlyPart(frame);
        assertThat(pixels.length).isPositive();
        assertThat(indexOf(stored, pixels)).as("the frame is a range of the stored file (a ranged GET)").isPositive();
        assertThat(frame.getContentLength()).isEqualTo(frame.getContentAsByteArray().length);
    }

    @Test
    void an_import_while_the_object_store_is_down_fails_in_words_leaves_no_version_and_succeeds_once_it_is_back() throws Exception {
        String slug = "s3-outage-bone-scan";
        var bundle = CaseBundleReader.read(bundleDir(slug), "outage");
        long institution = jdbc.queryForObject("select institution_id from user_account where username = 'educator'", Long.class);
        assertThat(blobStoreHealth.health(false).getStatus()).isEqualTo(Status.UP);

        s3.stop();
        try {
            assertThatThrownBy(() -> tx.execute(s -> importer.importUploaded(bundle, "PUBLISHED", "report", institution)))
                    .isInstanceOf(BlobStoreUnavailableException.class)
                    .hasMessageContaining("S3 blob store: could not").hasMessageContaining("'" + s3.bucket() + "' at " + s3.endpoint())
                    .hasMessageContaining("cannot be reached");
            assertThat(versionsOf(slug)).as("no case version without its blobs").isZero();
            assertThat(jdbc.queryForObject("select count(*) from case_item where slug = ?", Integer.class, slug)).isZero();

            SignedIn.as("educator", "EDUCATOR");
            try {
                PreparedUpload upload = uploads.prepare("outage.zip", caseZip("s3-outage-upload", true));
                assertThat(upload.failed()).isTrue();
                assertThat(upload.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("outage.zip");
                    assertThat(p.message()).startsWith("was not imported: the file store is unavailable").contains(s3.endpoint());
                });
            } finally {
                SignedIn.clear();
            }
            assertThat(blobStoreHealth.health(true).getStatus()).as("readiness: not ready without the object store").isEqualTo(Status.DOWN);
        } finally {
            s3.restart();
        }

        assertThat(blobStoreHealth.health(false).getStatus()).isEqualTo(Status.UP);
        var stored = tx.execute(s -> importer.importUploaded(bundle, "PUBLISHED", "report", institution));
        assertThat(versionsOf(slug)).isEqualTo(1);
        for (var image : cases.imageFiles(stored.versionId()).orElseThrow()) {
            assertThat(CaseBundleReader.sha256(inBucket(image.sha256()))).isEqualTo(image.sha256());
        }
    }

    private int versionsOf(String slug) {
        return jdbc.queryForObject("select count(*) from case_version v join case_item c on c.id = v.case_id where c.slug = ?",
                Integer.class, slug);
    }

    private static Path bundleDir(String slug) throws Exception {
        String yaml = Files.readString(Path.of("cases/nm-bone-scan-injection-site/case.yaml")).replaceFirst("(?m)^id: .*$", "id: " + slug);
        Path dir = Files.createDirectories(Files.createTempDirectory("s3-outage").resolve(slug));
        Files.writeString(dir.resolve("case.yaml"), yaml);
        Files.copy(Path.of("cases/nm-bone-scan-injection-site/JPEG2000.dcm"), dir.resolve("JPEG2000.dcm"));
        return dir;
    }

    /** The body of a multipart/related response of one part. */
    private static byte[] onlyPart(MockHttpServletResponse r) {
        byte[] body = r.getContentAsByteArray();
        String boundary = r.getContentType().replaceAll(".*boundary=", "");
        int start = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) + 4;
        int end = indexOf(body, ("\r\n--" + boundary + "--").getBytes(StandardCharsets.US_ASCII));
        return java.util.Arrays.copyOfRange(body, start, end);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
