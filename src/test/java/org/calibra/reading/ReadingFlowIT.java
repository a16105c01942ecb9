package org.calibra.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.calibra.certification.CertificateRecord;
import org.calibra.certification.CertificateService;
import org.calibra.competency.CompetencyService;
import org.calibra.scoring.ScoringService;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.calibra.content.ContentLoader;
import org.calibra.support.ContentCopy;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** The path of a read through the real services and database: submit, score, evaluate, certify. */
@IntegrationTest
class ReadingFlowIT {

    @Autowired ApplicationContext context;
    @Autowired ReadingService reading;
    @Autowired ScoringService scoring;
    @Autowired CompetencyService competency;
    @Autowired CertificateService certificates;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void a_resident_who_reads_correctly_passes_after_the_minimum_and_gets_a_verifiable_certificate() {
        TestAccounts.create(context, "good-reader", Role.RESIDENT);
        SignedIn.as("good-reader", "RESIDENT");
        var scenario = new ReadingScenario(context);
        var entries = scenario.cases();
        int minimum = scenario.module().minimumCases();

        for (int i = 0; i < minimum; i++) {
            assertThat(competency.progress(scenario.module().id()).passed()).isFalse();
            scenario.readCorrectly(entries.get(i));
        }

        var progress = competency.progress(scenario.module().id());
        assertThat(progress.passed()).isTrue();
        assertThat(progress.metrics().sensitivity().estimate()).hasValue(1.0);
        assertThat(progress.metrics().specificity().estimate()).hasValue(1.0);
        assertThat(progress.performance().rocAuc()).hasValueSatisfying(a -> assertThat(a.auc()).isEqualTo(1.0));
        assertThat(progress.performance().wafroc()).hasValueSatisfying(w -> assertThat(w.estimate()).isEqualTo(1.0));
        List<CertificateRecord> mine = certificates.mine();
        assertThat(mine).hasSize(1);
        var cert = mine.getFirst();
        assertThat(cert.status()).isEqualTo(CertificateRecord.Status.VALID);
        assertThat(cert.publicId()).matches("[A-Za-z0-9_-]{22}");
        assertThat(cert.evidence()).singleElement().satisfies(e -> assertThat(e.casesRead()).isEqualTo(minimum));

        SignedIn.clear();
        assertThat(certificates.verify(cert.publicId())).hasValueSatisfying(c -> assertThat(c.holderName()).isEqualTo("Test good-reader"));
        assertThat(certificates.verify("not-a-certificate-id-at-all")).isEmpty();
        assertThat(certificates.verify("../../etc")).isEmpty();
    }

    @Test
    void a_second_submission_of_the_same_case_is_rejected_and_not_counted() {
        TestAccounts.create(context, "double-submitter", Role.RESIDENT);
        SignedIn.as("double-submitter", "RESIDENT");
        var scenario = new ReadingScenario(context);
        var first = scenario.cases().getFirst();
        var read = scenario.readCorrectly(first);

        assertThatThrownBy(() -> scenario.readCorrectly(first)).isInstanceOf(ReadRejectedException.class)
                .hasMessageContaining("already been submitted");
        assertThat(jdbc.queryForObject("select count(*) from trainee_read where attempt_id = ?", Integer.class, read.attemptId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from read_score s join trainee_read r on r.id = s.read_id where r.attempt_id = ?",
                Integer.class, read.attemptId())).isEqualTo(1);
        assertThat(competency.progress(scenario.module().id()).casesRead()).isEqualTo(1);
    }

    @Test
    void a_resident_who_reads_every_case_wrongly_ends_the_attempt_without_a_certificate() {
        TestAccounts.create(context, "poor-reader", Role.RESIDENT);
        SignedIn.as("poor-reader", "RESIDENT");
        var scenario = new ReadingScenario(context);
        scenario.cases().forEach(scenario::readWrongly);

        var progress = competency.progress(scenario.module().id());
        assertThat(progress.finishedWithoutPassing()).isTrue();
        assertThat(progress.metrics().sensitivity().estimate()).hasValue(0.0);
        assertThat(progress.performance().rocAuc()).as("every call wrong, all with confidence 4")
                .hasValueSatisfying(a -> assertThat(a.auc()).isEqualTo(0.0));
        assertThat(progress.performance().wafroc()).as("no lesion found, a false positive on every normal case")
                .hasValueSatisfying(w -> assertThat(w.estimate()).isEqualTo(0.0));
        assertThat(certificates.mine()).isEmpty();
        var nextCase = scenario.cases().getFirst();
        assertThat(nextCase.isRead()).isTrue();
    }

    @Test
    void feedback_shows_hits_misses_and_the_ai_verdict_but_only_to_the_reader() {
        TestAccounts.create(context, "reader-a", Role.RESIDENT);
        TestAccounts.create(context, "reader-b", Role.RESIDENT);
        SignedIn.as("reader-a", "RESIDENT");
        var scenario = new ReadingScenario(context);
        var abnormal = scenario.cases().stream()
                .filter(e -> context.getBean(org.calibra.casebank.CaseService.class).truth(e.caseVersionId()).orElseThrow().abnormal())
                .findFirst().orElseThrow();
        var read = scenario.readCorrectly(abnormal);

        var feedback = scoring.feedback(read.readId()).orElseThrow();
        assertThat(feedback.caseOutcome()).isEqualTo("TP");
        assertThat(feedback.lesions()).allSatisfy(l -> assertThat(l.detected()).isTrue());
        assertThat(feedback.marks()).allSatisfy(m -> assertThat(m.outcome()).isEqualTo("hit"));
        assertThat(feedback.truth().teachingPoints()).isNotEmpty();

        SignedIn.as("reader-b", "RESIDENT");
        assertThat(scoring.feedback(read.readId())).isEmpty();
        assertThat(reading.read(read.readId())).isEmpty();
    }

    @Test
    void a_case_changed_after_it_was_read_stays_at_the_version_read_and_cannot_be_read_again(@TempDir Path tmp) throws Exception {
        TestAccounts.create(context, "version-reader", Role.RESIDENT);
        SignedIn.as("version-reader", "RESIDENT");
        var scenario = new ReadingScenario(context);
        var first = scenario.cases().getFirst();
        var read = scenario.readCorrectly(first);

        ContentCopy.into(tmp);
        Path manifest = tmp.resolve("cases").resolve(first.slug()).resolve("case.yaml");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("teachingPoints:\n", "teachingPoints:\n  - \"Changed after the read.\"\n"));
        context.getBean(ContentLoader.class).load(tmp.resolve("cases"), tmp.resolve("curricula"));
        long newVersion = context.getBean(org.calibra.casebank.CaseService.class).latestVersionId(first.slug()).orElseThrow();

        assertThat(newVersion).isNotEqualTo(first.caseVersionId());
        assertThat(scenario.cases().getFirst().caseVersionId()).as("the module shows the version that was read").isEqualTo(first.caseVersionId());
        assertThat(reading.openCase(scenario.module().id(), newVersion)).as("the new version is not a second chance").isEmpty();
        assertThat(reading.read(read.readId()).orElseThrow().caseVersionId()).isEqualTo(first.caseVersionId());
        context.getBean(ContentLoader.class).load(Path.of("cases"), Path.of("curricula")); // the repository content again, for other tests
    }

    @Test
    void reads_are_refused_to_anyone_who_is_not_a_resident() {
        SignedIn.as("verifier", "VERIFIER");
        assertThatThrownBy(() -> reading.cases(1L)).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void marks_outside_the_image_or_with_unknown_labels_are_rejected_in_words() {
        TestAccounts.create(context, "sloppy-reader", Role.RESIDENT);
        SignedIn.as("sloppy-reader", "RESIDENT");
        var scenario = new ReadingScenario(context);
        var entry = scenario.cases().getFirst();
        reading.startOrResume(scenario.module().id());
        var good = scenario.submission(entry, true);
        var outside = new ReadSubmission(good.moduleId(), good.caseVersionId(), good.openedAt(), good.assessmentAbnormal(), good.diagnosis(), 3,
                List.of(new ReadSubmission.MarkInput("M1", 0, 99999, 5, "x", 3, good.openedAt())), good.ai());
        assertThatThrownBy(() -> reading.submit(outside)).isInstanceOf(ReadRejectedException.class).hasMessageContaining("label");
        var badConfidence = new ReadSubmission(good.moduleId(), good.caseVersionId(), good.openedAt(), good.assessmentAbnormal(), good.diagnosis(), 9,
                good.marks(), good.ai());
        assertThatThrownBy(() -> reading.submit(badConfidence)).isInstanceOf(ReadRejectedException.class).hasMessageContaining("1 to 5");
        assertThat(reading.readOf(scenario.module().id(), entry.caseVersionId())).isEmpty();
    }
}
