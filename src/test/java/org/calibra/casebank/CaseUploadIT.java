package org.calibra.casebank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.calibra.curriculum.CurriculumService;
import org.calibra.support.IntegrationTest;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** The upload door against the real database: held for review, published or rejected, audited, nothing identifying stored. */
@IntegrationTest
class CaseUploadIT {

    @Autowired CaseUploadService uploads;
    @Autowired CaseService cases;
    @Autowired CurriculumService curricula;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.calibra.content.ContentLoader loader;
    @Value("${calibra.storage.blob-dir}") Path blobs;

    @BeforeEach
    void educator() {
        SignedIn.as("educator", "EDUCATOR");
    }

    @AfterEach
    void clear() {
        SignedIn.clear();
    }

    /** A demo case's manifest under a new id with the 'imported' tag, and its image (a secondary capture when {@code sc}). */
    static byte[] caseZip(String id, boolean sc) throws Exception {
        String source = sc ? "cases/nm-bone-scan-injection-site" : "cases/mr-iac-schwannoma-detected";
        String yaml = Files.readString(Path.of(source, "case.yaml")).replaceFirst("(?m)^id: .*$", "id: " + id)
                .replaceFirst("(?m)^tags: \\[", "tags: [imported, ");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(id + "/case.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        try (var files = Files.list(Path.of(source))) {
            for (Path f : files.filter(p -> !p.getFileName().toString().equals("case.yaml")).toList()) {
                entries.put(id + "/" + f.getFileName(), Files.readAllBytes(f));
            }
        }
        return zip(entries);
    }

    static byte[] zip(Map<String, byte[]> entries) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void a_secondary_capture_is_held_for_review_then_published_joins_the_imported_module_and_is_audited() throws Exception {
        UploadOutcome o = uploads.upload("bone.zip", caseZip("uploaded-bone-scan", true), 1L);

        assertThat(o.kind()).isEqualTo(UploadOutcome.Kind.PENDING_REVIEW);
        assertThat(o.flagged()).singleElement().asString().contains("JPEG2000.dcm", "secondary capture");
        assertThat(o.report()).contains("(0010,0010) PatientName | emptied");
        assertThat(cases.latestVersionId("uploaded-bone-scan")).as("pending: no module reads it").isEmpty();
        assertThat(importedModulePool()).doesNotContain("uploaded-bone-scan");
        assertThat(uploads.pendingReview()).anyMatch(p -> p.slug().equals("uploaded-bone-scan"));

        uploads.publish(o.versionId(), 1L);

        assertThat(cases.latestVersionId("uploaded-bone-scan")).contains(o.versionId());
        assertThat(importedModulePool()).contains("ct-thoracic-spine-staging-normal", "uploaded-bone-scan");
        assertThat(jdbc.queryForList("select action from audit_entry where subject = 'case:uploaded-bone-scan/v1' order by seq", String.class))
                .containsExactly("case.imported", "case.published");
        assertThat(jdbc.queryForObject("select origin from case_item where slug = 'uploaded-bone-scan'", String.class)).isEqualTo("upload");
        assertThatThrownBy(() -> uploads.publish(o.versionId(), 1L)).hasMessageContaining("not pending review");
    }

    @Test
    void a_rejected_version_is_never_read_and_the_stored_images_carry_no_original_identifiers() throws Exception {
        UploadOutcome o = uploads.upload("bone.zip", caseZip("uploaded-rejected", true), 1L);
        uploads.reject(o.versionId(), 1L);

        assertThat(cases.latestVersionId("uploaded-rejected")).isEmpty();
        assertThat(jdbc.queryForObject("select status from case_version where id = ?", String.class, o.versionId())).isEqualTo("REJECTED");
        String sha = jdbc.queryForObject("select blob_sha256 from case_image where case_version_id = ?", String.class, o.versionId());
        String stored = new String(Files.readAllBytes(blobs.resolve(sha.substring(0, 2)).resolve(sha)), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain("1.3.6.1.4.1.5962.1.2.8.20040826185059.5457") // original StudyInstanceUID
                .contains("2.25.");
        String report = jdbc.queryForObject("select deid_report from case_version where id = ?", String.class, o.versionId());
        assertThat(report).contains("StudyInstanceUID").doesNotContain("1.3.6.1.4.1.5962");
    }

    @Test
    void an_image_without_burned_in_risk_is_published_at_once_and_the_same_upload_again_changes_nothing() throws Exception {
        byte[] zip = caseZip("uploaded-mr", false);
        UploadOutcome first = uploads.upload("mr.zip", zip, 1L);
        UploadOutcome again = uploads.upload("mr.zip", zip, 1L);

        assertThat(first.kind()).isEqualTo(UploadOutcome.Kind.PUBLISHED);
        assertThat(again.kind()).isEqualTo(UploadOutcome.Kind.UNCHANGED);
        assertThat(again.versionId()).isEqualTo(first.versionId());
    }

    @Test
    void without_case_yaml_the_educator_gets_a_clean_bundle_and_nothing_is_stored() throws Exception {
        int before = count();
        UploadOutcome o = uploads.upload("scan.zip", zip(Map.of("a/b/x.dcm", Files.readAllBytes(Path.of("cases/mr-brain-0417/0051.dcm")))), 1L);

        assertThat(o.kind()).isEqualTo(UploadOutcome.Kind.SKELETON);
        assertThat(new String(o.cleanBundle(), StandardCharsets.ISO_8859_1)).contains("case.yaml", "import-report.md", "series-01/image-0001.dcm");
        assertThat(count()).isEqualTo(before);
        UploadOutcome todo = uploads.upload("scan-clean.zip", o.cleanBundle(), 1L);
        assertThat(todo.kind()).isEqualTo(UploadOutcome.Kind.FAILED);
        assertThat(todo.problems()).allSatisfy(p -> assertThat(p.message()).contains("TODO"));
    }

    @Test
    void a_bundle_with_one_broken_file_stores_nothing_and_names_the_file() throws Exception {
        int before = count();
        byte[] good = caseZip("uploaded-broken", false);
        var entries = new LinkedHashMap<String, byte[]>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(good))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        entries.put("uploaded-broken/extra.dcm", "not a DICOM file".getBytes());

        UploadOutcome o = uploads.upload("broken.zip", zip(entries), 1L);

        assertThat(o.kind()).isEqualTo(UploadOutcome.Kind.FAILED);
        assertThat(o.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("broken.zip/extra.dcm");
            assertThat(p.message()).startsWith("not DICOM");
        });
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void an_upload_cannot_replace_a_case_of_the_repository() throws Exception {
        UploadOutcome o = uploads.upload("x.zip", caseZip("mr-iac-schwannoma-detected", false), 1L);
        assertThat(o.kind()).isEqualTo(UploadOutcome.Kind.FAILED);
        assertThat(o.problems().getFirst().message()).contains("cases/ folder", "another id");
    }

    @Test
    void residents_may_not_upload() {
        SignedIn.as("resident", "RESIDENT");
        assertThatThrownBy(() -> uploads.upload("x.zip", new byte[0], 1L)).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void cases_from_the_repository_are_stored_de_identified_and_published() throws Exception {
        Map<String, Object> row = jdbc.queryForMap("select i.blob_sha256 as sha, v.status as status, v.deid_report as report from case_image i"
                + " join case_version v on v.id = i.case_version_id join case_item c on c.id = v.case_id"
                + " where c.slug = 'mr-iac-schwannoma-detected' order by v.version desc limit 1");
        String sha = (String) row.get("sha");
        byte[] stored = Files.readAllBytes(blobs.resolve(sha.substring(0, 2)).resolve(sha));

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("CompressedSamples") // MR_small's PatientName
                .doesNotContain("1.3.6.1.4.1.5962.1.2.4.20040826185059.5457"); // its StudyInstanceUID
        assertThat(org.calibra.dicom.DicomReader.read(stored).data().string(org.calibra.dicom.Tags.PatientIdentityRemoved)).isEqualTo("YES");
        assertThat(row.get("status")).isEqualTo("PUBLISHED");
        assertThat((String) row.get("report")).contains("(0010,0010) PatientName | emptied");
    }

    @Test
    void start_up_loading_leaves_uploaded_cases_alone() throws Exception {
        UploadOutcome o = uploads.upload("mr.zip", caseZip("uploaded-survives-restart", false), 1L);

        loader.load(Path.of("cases"), Path.of("curricula"));

        assertThat(cases.latestVersionId("uploaded-survives-restart")).contains(o.versionId());
        assertThat(jdbc.queryForObject("select count(*) from case_version v join case_item c on c.id = v.case_id"
                + " where c.slug = 'uploaded-survives-restart'", Integer.class)).isEqualTo(1);
    }

    private java.util.List<String> importedModulePool() {
        var c = curricula.listCurricula().stream().filter(x -> x.slug().equals("imported-cases")).findFirst().orElseThrow();
        return c.modules().getFirst().caseSlugs();
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from case_version", Integer.class);
    }
}
