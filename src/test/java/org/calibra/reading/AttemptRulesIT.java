package org.calibra.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.calibra.casebank.CaseService;
import org.calibra.competency.CompetencyService;
import org.calibra.content.ContentLoader;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Module rules from a curriculum written for this test: prerequisites, draws, strata, unreachable attempts, cool-down, time limit. */
@IntegrationTest
class AttemptRulesIT {

    private static final String CURRICULUM = """
            schemaVersion: 1
            id: rules-test
            title: "Rules test"
            description: "Curriculum for AttemptRulesIT."
            certificate:
              title: "Rules test certificate"
              validityMonths: 12
              competencies: ["Follows the rules"]
            modules:
              - id: rules-basics
                title: "Basics"
                description: "Two demo cases."
                readingMode: unaided
                order: fixed
                cases: [mr-iac-schwannoma-detected, ct-thoracic-spine-staging-normal]
                minimumCases: 2
                thresholds:
                  - metric: accuracy
                    min: 0.5
              - id: rules-radiographs
                title: "Radiographs"
                description: "Six of the synthetic radiographs, drawn per trainee."
                readingMode: unaided
                caseTags: [[synthetic, chest-radiograph]]
                casesPerAttempt: 6
                prerequisites: [rules-basics]
                timeLimitMinutes: 30
                retake:
                  cooldownHours: 24
                minimumCases: 4
                minimumAbnormalCases: 2
                minimumNormalCases: 2
                thresholds:
                  - metric: sensitivity
                    min: 0.9
            """;

    @Autowired ApplicationContext context;
    @Autowired ContentLoader loader;
    @Autowired ReadingService reading;
    @Autowired CompetencyService competency;
    @Autowired CaseService cases;
    @Autowired JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    @BeforeEach
    void loadTheTestCurriculum() throws Exception {
        org.calibra.support.ContentCopy.loadWithCurriculum(loader, tmp, "rules-test", CURRICULUM);
    }

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void a_module_is_locked_until_its_prerequisite_is_passed_then_draws_six_stratified_cases_per_trainee() {
        TestAccounts.create(context, "rules-a", Role.RESIDENT);
        TestAccounts.create(context, "rules-b", Role.RESIDENT);
        SignedIn.as("rules-a", "RESIDENT");
        var radiographs = new ReadingScenario(context, "rules-radiographs");
        assertThatThrownBy(() -> reading.startOrResume(radiographs.module().id())).isInstanceOf(ReadRejectedException.class)
                .hasMessage("Pass the module 'Basics' first: this module builds on it.");
        assertThat(competency.progress(radiographs.module().id()).locked()).isTrue();

        var basics = new ReadingScenario(context, "rules-basics");
        basics.cases().forEach(basics::readCorrectly);
        var attempt = reading.startOrResume(radiographs.module().id());

        assertThat(attempt.caseSlugs()).hasSize(6).doesNotHaveDuplicates().allMatch(s -> s.startsWith("synth-cxr-"));
        var strata = caseStrata(attempt);
        assertThat(strata.values().stream().filter(Boolean::booleanValue).count()).isGreaterThanOrEqualTo(2);
        assertThat(strata.values().stream().filter(b -> !b).count()).isGreaterThanOrEqualTo(2);
        assertThat(attempt.deadline()).isEqualTo(attempt.startedAt().plusSeconds(30 * 60));
        assertThat(radiographs.cases()).extracting(ModuleCaseEntry::slug).containsExactlyElementsOf(attempt.caseSlugs());

        SignedIn.as("rules-b", "RESIDENT");
        new ReadingScenario(context, "rules-basics").cases().forEach(new ReadingScenario(context, "rules-basics")::readCorrectly);
        var other = reading.startOrResume(radiographs.module().id());
        assertThat(other.caseSlugs()).as("a neighbour's draw").isNotEqualTo(attempt.caseSlugs());
    }

    @Test
    void an_attempt_that_cannot_reach_its_threshold_says_so_can_be_ended_and_the_retake_waits_for_the_cool_down() {
        TestAccounts.create(context, "rules-c", Role.RESIDENT);
        SignedIn.as("rules-c", "RESIDENT");
        var basics = new ReadingScenario(context, "rules-basics");
        basics.cases().forEach(basics::readCorrectly);
        var radiographs = new ReadingScenario(context, "rules-radiographs");
        long module = radiographs.module().id();
        var attempt = reading.startOrResume(module);
        var strata = caseStrata(attempt);
        var firstAbnormal = radiographs.cases().stream().filter(c -> strata.get(c.slug())).findFirst().orElseThrow();

        radiographs.readWrongly(firstAbnormal); // sensitivity 0/1: at best 5/6 = 0.83 < 0.9
        var progress = competency.progress(module);
        assertThat(progress.unreachable()).hasValueSatisfying(u -> assertThat(u.bestPossible()).isEqualTo(5.0 / 6));

        competency.abandonUnreachable(module);
        var record = competency.decision(attempt.id()).orElseThrow();
        assertThat(record.reads()).singleElement().satisfies(l -> {
            assertThat(l.caseSlug()).isEqualTo(firstAbnormal.slug());
            assertThat(l.caseOutcome()).isEqualTo("FN");
        });
        assertThat(record.evaluation().passed()).isFalse();
        assertThat(record.evaluation().minimumAbnormal()).isEqualTo(2);
        assertThat(reading.currentAttempt(module).orElseThrow().status()).isEqualTo(AttemptInfo.Status.NOT_PASSED);
        assertThatThrownBy(() -> reading.retake(module)).isInstanceOf(ReadRejectedException.class)
                .hasMessageContaining("A new attempt can start from").hasMessageContaining("cool-down of 24.0 hours");
        assertThat(competency.progress(module).retakeFrom()).isPresent();
    }

    @Test
    void a_read_after_the_time_limit_is_refused_and_the_attempt_ends_without_passing() {
        TestAccounts.create(context, "rules-d", Role.RESIDENT);
        SignedIn.as("rules-d", "RESIDENT");
        var basics = new ReadingScenario(context, "rules-basics");
        basics.cases().forEach(basics::readCorrectly);
        var radiographs = new ReadingScenario(context, "rules-radiographs");
        long module = radiographs.module().id();
        var attempt = reading.startOrResume(module);
        var late = radiographs.submission(radiographs.cases().getFirst(), true);
        jdbc.update("update module_attempt set deadline_at = ? where id = ?", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)),
                attempt.id());

        assertThatThrownBy(() -> reading.submit(late)).isInstanceOf(ReadRejectedException.class).hasMessageContaining("time limit");
        var ended = reading.currentAttempt(module).orElseThrow();
        assertThat(ended.status()).isEqualTo(AttemptInfo.Status.NOT_PASSED);
        assertThat(ended.endReason()).isEqualTo(AttemptInfo.ENDED_BY_TIME_LIMIT);
        assertThat(jdbc.queryForObject("select count(*) from trainee_read where attempt_id = ?", Integer.class, attempt.id())).isZero();
    }

    /** Test oracle only: which drawn cases are abnormal, from the case bank. */
    private java.util.Map<String, Boolean> caseStrata(AttemptInfo attempt) {
        return cases.strata(attempt.caseSlugs());
    }
}
