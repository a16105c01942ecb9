package org.calibra.casebank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.calibra.casebank.content.CaseBundleReader;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.support.IntegrationTest;
import static org.calibra.support.CaseZips.caseZip;
import static org.calibra.support.CaseZips.unzip;
import static org.calibra.support.CaseZips.zip;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The upload door against the real database: de-identified and stored for a draft (never a version, ADR 0021), nothing
 * stored when anything fails, an exported file taken back as it is; versions held for review before drafts existed.
 */
@IntegrationTest
class CaseUploadIT {

    @Autowired CaseUploadService uploads;
    @Autowired CaseService cases;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.calibra.casebank.internal.CaseImporter importer;
    @Autowired TransactionTemplate tx;
    @Value("${calibra.storage.blob-dir}") Path blobs;

    @BeforeEach
    void educator() {
        SignedIn.as("educator", "EDUCATOR");
    }

    @AfterEach
    void clear() {
        SignedIn.clear();
    }

    @Test
    void an_upload_is_de_identified_and_its_files_stored_but_no_case_version_is_made() throws Exception {
        int before = count();
        PreparedUpload p = uploads.prepare("bone.zip", caseZip("prepared-bone-scan", true));

        assertThat(p.failed()).isFalse();
        assertThat(p.hadManifest()).isTrue();
        assertThat(p.manifest().id()).isEqualTo("prepared-bone-scan");
        assertThat(p.flagged()).singleElement().satisfies(f -> assertThat(f.file() + " " + f.reason()).contains("JPEG2000.dcm", "secondary capture"));
        assertThat(p.report()).contains("(0010,0010) PatientName | emptied");
        assertThat(count()).as("uploads become drafts, never versions").isEqualTo(before);
        String sha = p.files().get("JPEG2000.dcm");
        String stored = new String(Files.readAllBytes(blobs.resolve(sha.substring(0, 2)).resolve(sha)), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain("1.3.6.1.4.1.5962.1.2.8.20040826185059.5457").contains("2.25."); // original StudyInstanceUID
    }

    @Test
    void a_file_this_installation_already_stores_comes_back_byte_for_byte() throws Exception {
        PreparedUpload first = uploads.prepare("mr.zip", caseZip("prepared-mr", false));
        String sha = first.files().get("MR_small.dcm");
        byte[] clean = Files.readAllBytes(blobs.resolve(sha.substring(0, 2)).resolve(sha));
        byte[] yaml = unzip(caseZip("prepared-mr", false)).get("prepared-mr/case.yaml");

        PreparedUpload again = uploads.prepare("again.zip", zip(Map.of("case.yaml", yaml, "MR_small.dcm", clean)));

        assertThat(again.files().get("MR_small.dcm")).as("not de-identified a second time (its UIDs would move)").isEqualTo(sha);
        assertThat(again.report()).contains("already de-identified by this installation");
    }

    @Test
    void without_case_yaml_a_skeleton_marked_todo_is_written_from_the_images() throws Exception {
        PreparedUpload p = uploads.prepare("scan.zip", zip(Map.of("a/b/x.dcm", Files.readAllBytes(Path.of("cases/mr-brain-0417/0051.dcm")))));

        assertThat(p.hadManifest()).isFalse();
        assertThat(p.files()).containsOnlyKeys("series-01/image-0001.dcm");
        assertThat(p.manifest().title()).contains("TODO");
        assertThat(p.manifest().images()).extracting(CaseManifest.ImageEntry::file).containsExactly("series-01/image-0001.dcm");
    }

    @Test
    void a_bundle_with_one_broken_file_stores_nothing_and_names_the_file() throws Exception {
        var entries = unzip(caseZip("uploaded-broken", false));
        entries.put("uploaded-broken/extra.dcm", "not a DICOM file".getBytes());

        PreparedUpload p = uploads.prepare("broken.zip", zip(entries));

        assertThat(p.failed()).isTrue();
        assertThat(p.files()).isEmpty();
        assertThat(p.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("broken.zip/extra.dcm");
            assertThat(problem.message()).startsWith("is not a DICOM image");
        });
    }

    @Test
    void a_case_yaml_that_is_not_yaml_stores_nothing() throws Exception {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("case.yaml", "id: [broken".getBytes(StandardCharsets.UTF_8));
        entries.put("MR_small.dcm", Files.readAllBytes(Path.of("cases/mr-iac-schwannoma-detected/MR_small.dcm")));

        PreparedUpload p = uploads.prepare("bad-yaml.zip", zip(entries));

        assertThat(p.failed()).isTrue();
        assertThat(p.problems()).singleElement().satisfies(problem -> assertThat(problem.message()).startsWith("is not valid YAML"));
    }

    @Test
    void a_file_that_is_not_a_zip_stores_nothing() {
        PreparedUpload p = uploads.prepare("not-a.zip", "just text, not a zip archive".getBytes(StandardCharsets.UTF_8));

        assertThat(p.failed()).isTrue();
        assertThat(p.problems()).isNotEmpty();
    }

    @Test
    void a_version_held_for_review_before_drafts_existed_is_still_published_and_audited() throws Exception {
        String yaml = Files.readString(Path.of("cases/nm-bone-scan-injection-site/case.yaml")).replaceFirst("(?m)^id: .*$", "id: legacy-held-bone-scan");
        Path dir = Files.createDirectories(Files.createTempDirectory("legacy").resolve("legacy-held-bone-scan"));
        Files.writeString(dir.resolve("case.yaml"), yaml);
        Files.copy(Path.of("cases/nm-bone-scan-injection-site/JPEG2000.dcm"), dir.resolve("JPEG2000.dcm"));
        var legacy = CaseBundleReader.read(dir, "legacy");
        long institution = jdbc.queryForObject("select institution_id from user_account where username = 'educator'", Long.class);
        var stored = tx.execute(s -> importer.importUploaded(legacy, "PENDING_REVIEW", "report", institution));
        assertThat(cases.latestVersionId("legacy-held-bone-scan")).isEmpty();
        assertThat(uploads.pendingReview()).anyMatch(p -> p.slug().equals("legacy-held-bone-scan"));

        uploads.publish(stored.versionId(), 1L);

        assertThat(cases.latestVersionId("legacy-held-bone-scan")).contains(stored.versionId());
        assertThat(jdbc.queryForList("select action from audit_entry where subject = 'case:legacy-held-bone-scan/v1' order by seq", String.class))
                .containsExactly("case.published");
        assertThatThrownBy(() -> uploads.publish(stored.versionId(), 1L)).hasMessageContaining("not pending review");
    }

    @Test
    void residents_may_not_upload() {
        SignedIn.as("resident", "RESIDENT");
        assertThatThrownBy(() -> uploads.prepare("x.zip", new byte[0])).isInstanceOf(AuthorizationDeniedException.class);
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

    private int count() {
        return jdbc.queryForObject("select count(*) from case_version", Integer.class);
    }
}
