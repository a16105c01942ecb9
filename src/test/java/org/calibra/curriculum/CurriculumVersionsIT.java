package org.calibra.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.calibra.casebank.CaseService;
import org.calibra.certification.CertificateService;
import org.calibra.competency.CompetencyService;
import org.calibra.content.ContentLoader;
import org.calibra.curriculum.content.CurriculumReader;
import org.calibra.reading.AttemptInfo;
import org.calibra.reading.ReadingService;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.security.UserService;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Curriculum versions (ADR 0025): an attempt is decided under the version it started on, its certificate names that
 * version, certificates already issued never change, and the file and the builder are two doors to the same versions.
 */
@IntegrationTest
class CurriculumVersionsIT {

    /** Four demo cases (two abnormal), a point threshold on sensitivity that one miss in two abnormal cases fails. */
    private static String curriculum(String id, String sensitivity) {
        return """
                schemaVersion: 1
                id: %1$s
                title: "Versions test %1$s"
                description: "Curriculum for CurriculumVersionsIT."
                certificate:
                  title: "Versions test certificate"
                  validityMonths: 12
                  competencies: ["Reads under the rules it started with"]
                modules:
                  - id: %1$s-m
                    title: "Versioned module"
                    description: "Four demo cases."
                    readingMode: unaided
                    order: fixed
                    cases: [ct-thoracic-spine-staging-normal, mr-iac-schwannoma-detected, mr-brain-0417, mr-iac-schwannoma-ai-missed]
                    minimumCases: 4
                    thresholds:
                      - metric: sensitivity
                        min: %2$s
                """.formatted(id, sensitivity);
    }

    @Autowired ApplicationContext context;
    @Autowired ContentLoader loader;
    @Autowired CurriculumImportService publishing;
    @Autowired CurriculumService curricula;
    @Autowired ReadingService reading;
    @Autowired CompetencyService competency;
    @Autowired CertificateService certificates;
    @Autowired CaseService cases;
    @Autowired UserService users;
    @Autowired JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void raising_a_threshold_mid_attempt_leaves_the_attempt_and_its_certificate_under_the_version_it_started_on() throws Exception {
        org.calibra.support.ContentCopy.loadWithCurriculum(loader, tmp, "versions-a", curriculum("versions-a", "0.5"));
        TestAccounts.create(context, "versions-res", Role.RESIDENT);
        TestAccounts.create(context, "versions-late", Role.RESIDENT);
        TestAccounts.create(context, "versions-edu", Role.EDUCATOR);

        SignedIn.as("versions-res", "RESIDENT");
        var scenario = new ReadingScenario(context, "versions-a-m");
        long module = scenario.module().id();
        var attempt = reading.startOrResume(module);
        assertThat(attempt.curriculumVersion()).isEqualTo(1);
        var strata = cases.strata(attempt.caseSlugs());
        var entries = scenario.cases();
        var missed = entries.stream().filter(e -> strata.get(e.slug())).findFirst().orElseThrow();
        scenario.readWrongly(missed); // sensitivity will be 1/2: meets 0.5, fails 0.9

        // the educator raises the threshold and publishes version 2 in the builder, while the attempt is open
        var v2 = publish("versions-a", "0.9", "versions-edu");
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.changes()).containsExactly("Module 'Versioned module': thresholds: sensitivity ≥ 50% → sensitivity ≥ 90%");

        SignedIn.as("versions-res", "RESIDENT");
        assertThat(competency.progress(module).module().thresholds()).extracting(ModuleInfo.ThresholdRule::min).containsExactly(0.5);
        entries.stream().filter(e -> e != missed).forEach(scenario::readCorrectly);

        var decided = reading.currentAttempt(module).orElseThrow();
        assertThat(decided.status()).as("decided under version 1: sensitivity 1/2 ≥ 0.5").isEqualTo(AttemptInfo.Status.PASSED);
        var record = competency.decision(decided.id()).orElseThrow();
        assertThat(record.module().version()).isEqualTo(1);
        assertThat(record.evaluation().passed()).isTrue();
        var certificate = certificates.mine().getFirst();
        assertThat(certificate.evidence()).singleElement().satisfies(e -> {
            assertThat(e.curriculumVersion()).isEqualTo(1);
            assertThat(e.thresholds()).containsExactly("sensitivity ≥ 50%");
        });
        String evidenceBefore = jdbc.queryForObject("select evidence from certificate where public_id = ?", String.class, certificate.publicId());
        String jwtBefore = jdbc.queryForObject("select credential_jwt from certificate where public_id = ?", String.class, certificate.publicId());
        assertThat(org.calibra.certification.credential.CredentialJwt.class).isNotNull();
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(jwtBefore.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8))
                .as("the signed credential's evidence").contains("Decided under curriculum version 1.");

        // a resident starting now starts on version 2 and is held to 0.9
        SignedIn.as("versions-late", "RESIDENT");
        var late = reading.startOrResume(module);
        assertThat(late.curriculumVersion()).isEqualTo(2);
        assertThat(competency.progress(module).module().thresholds()).extracting(ModuleInfo.ThresholdRule::min).containsExactly(0.9);

        // version 3 changes nothing already earned
        publish("versions-a", "0.3", "versions-edu");
        assertThat(jdbc.queryForObject("select evidence from certificate where public_id = ?", String.class, certificate.publicId()))
                .isEqualTo(evidenceBefore);
        assertThat(jdbc.queryForObject("select credential_jwt from certificate where public_id = ?", String.class, certificate.publicId()))
                .isEqualTo(jwtBefore);
        SignedIn.as("versions-res", "RESIDENT");
        assertThat(competency.decision(decided.id()).orElseThrow().module().thresholds()).extracting(ModuleInfo.ThresholdRule::min)
                .containsExactly(0.5);
        assertThat(curricula.versions("versions-a")).extracting(CurriculumVersionInfo::version).containsExactly(3, 2, 1);
        assertThat(curricula.versions("versions-a").get(1).publishedBy()).isEqualTo("Test versions-edu");
        assertThat(curricula.versions("versions-a").get(2).source()).isEqualTo("curricula/versions-a.yaml");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'curriculum.published' and subject = ?",
                Integer.class, "curriculum:versions-a/v2")).isEqualTo(1);
    }

    @Test
    void an_unchanged_file_does_not_undo_a_builder_version_and_a_changed_file_becomes_the_next_version() throws Exception {
        org.calibra.support.ContentCopy.loadWithCurriculum(loader, tmp, "versions-b", curriculum("versions-b", "0.5"));
        TestAccounts.create(context, "versions-edu-b", Role.EDUCATOR);
        publish("versions-b", "0.8", "versions-edu-b");

        loader.load(Path.of("cases"), tmp.resolve("curricula")); // a restart with the same file
        assertThat(curricula.versions("versions-b")).extracting(CurriculumVersionInfo::version).containsExactly(2, 1);
        assertThat(curricula.sourceOf("versions-b")).hasValueSatisfying(yaml -> assertThat(yaml).contains("min: 0.8"));

        Files.writeString(tmp.resolve("curricula/versions-b.yaml"), curriculum("versions-b", "0.7"));
        loader.load(Path.of("cases"), tmp.resolve("curricula"));
        var versions = curricula.versions("versions-b");
        assertThat(versions).extracting(CurriculumVersionInfo::version).containsExactly(3, 2, 1);
        assertThat(versions.getFirst().publishedBy()).isNull();
        assertThat(versions.getFirst().changes()).containsExactly("Module 'Versioned module': thresholds: sensitivity ≥ 80% → sensitivity ≥ 70%");
    }

    @Test
    void publishing_is_refused_without_a_change_and_for_another_institutions_educator_or_a_resident() throws Exception {
        org.calibra.support.ContentCopy.loadWithCurriculum(loader, tmp, "versions-c", curriculum("versions-c", "0.5"));
        TestAccounts.create(context, "versions-edu-c", Role.EDUCATOR);
        TestAccounts.create(context, "versions-res-c", Role.RESIDENT);
        long other = context.getBean(org.calibra.institution.InstitutionService.class).namedOrCreated("Versions Other Hospital").id();
        TestAccounts.create(context, "versions-edu-other", Role.EDUCATOR, other);

        assertThatThrownBy(() -> publish("versions-c", "0.5", "versions-edu-c")).isInstanceOf(CurriculumImportService.PublishRefused.class)
                .hasMessage("Nothing has changed since version 1; there is nothing to publish.");
        assertThatThrownBy(() -> publish("versions-c", "0.6", "versions-edu-other")).isInstanceOf(CurriculumImportService.PublishRefused.class)
                .hasMessageContaining("Only educators of the institution that owns a curriculum");
        assertThatThrownBy(() -> publish("versions-c", "0.6", "versions-res-c")).isInstanceOf(CurriculumImportService.PublishRefused.class);
        assertThat(curricula.versions("versions-c")).hasSize(1);
        assertThat(curricula.mayEdit(users.findByUsername("versions-edu-other").orElseThrow(), "versions-c")).isFalse();
        assertThat(curricula.mayEdit(users.findByUsername("versions-edu-c").orElseThrow(), "versions-c")).isTrue();
    }

    /** The builder's door: a checked manifest published by an educator. */
    private CurriculumImportService.Published publish(String id, String sensitivity, String educator) throws Exception {
        Path file = Files.createDirectories(tmp.resolve("builder")).resolve(id + ".yaml");
        Files.writeString(file, curriculum(id, sensitivity));
        var checked = CurriculumReader.read(file, id + ".yaml", Set.copyOf(List.of("ct-thoracic-spine-staging-normal",
                "mr-iac-schwannoma-detected", "mr-brain-0417", "mr-iac-schwannoma-ai-missed")));
        return publishing.publish(checked, users.findByUsername(educator).orElseThrow());
    }
}
