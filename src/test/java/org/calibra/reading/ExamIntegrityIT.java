package org.calibra.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.calibra.casebank.AnswerOrder;
import org.calibra.casebank.CaseImageAccess;
import org.calibra.casebank.CaseService;
import org.calibra.competency.CompetencyService;
import org.calibra.content.ContentLoader;
import org.calibra.scoring.ScoringService;
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

/**
 * Issue 11: the answer must not reach a trainee through the doors around the reading view — a case whose truth they saw
 * in one module drawn again as unseen (exposure control, ADR 0015), the AI's heatmaps before the reading mode shows the
 * AI, and an answer order that gives the right diagnosis away.
 */
@IntegrationTest
class ExamIntegrityIT {

    private static final String CURRICULUM = """
            schemaVersion: 1
            id: integrity-test
            title: "Integrity test"
            description: "Curriculum for ExamIntegrityIT: modules whose pools overlap on purpose."
            certificate:
              title: "Integrity test certificate"
              validityMonths: 12
              competencies: ["Reads each case once"]
            modules:
              - id: integrity-concurrent
                title: "Concurrent"
                description: "Two radiographs with the AI shown."
                readingMode: concurrent
                order: fixed
                cases: [synth-cxr-001, synth-cxr-002]
                minimumCases: 2
                thresholds:
                  - metric: accuracy
                    min: 0.5
              - id: integrity-unaided
                title: "Unaided, four of five"
                description: "Shares synth-cxr-001 with the concurrent module."
                readingMode: unaided
                order: fixed
                cases: [synth-cxr-001, synth-cxr-003, synth-cxr-004, synth-cxr-007, synth-cxr-012]
                casesPerAttempt: 4
                minimumCases: 3
                thresholds:
                  - metric: accuracy
                    min: 0.5
              - id: integrity-whole-pool
                title: "Unaided, the whole pool"
                description: "Shares synth-cxr-002 with the concurrent module, and cannot leave it out."
                readingMode: unaided
                order: fixed
                cases: [synth-cxr-002, synth-cxr-014, synth-cxr-017]
                minimumCases: 2
                thresholds:
                  - metric: accuracy
                    min: 0.5
              - id: integrity-strict
                title: "Unaided, needs three of three"
                description: "Shares two cases with the concurrent module."
                readingMode: unaided
                order: fixed
                cases: [synth-cxr-001, synth-cxr-002, synth-cxr-019]
                minimumCases: 2
                thresholds:
                  - metric: accuracy
                    min: 0.5
              - id: integrity-on-request
                title: "On request"
                description: "The AI on request."
                readingMode: on-request
                order: fixed
                cases: [synth-cxr-005, synth-cxr-024]
                minimumCases: 1
                thresholds:
                  - metric: accuracy
                    min: 0.5
              - id: integrity-second-reader
                title: "Second reader"
                description: "The AI after the first read."
                readingMode: second-reader
                order: fixed
                cases: [synth-cxr-006, synth-cxr-024]
                minimumCases: 1
                thresholds:
                  - metric: accuracy
                    min: 0.5
            """;

    @Autowired ApplicationContext context;
    @Autowired ContentLoader loader;
    @Autowired ReadingService reading;
    @Autowired ScoringService scoring;
    @Autowired CompetencyService competency;
    @Autowired CaseService cases;
    @Autowired CaseImageAccess access;

    @TempDir
    Path tmp;

    @BeforeEach
    void loadTheTestCurriculum() throws Exception {
        org.calibra.support.ContentCopy.loadWithCurriculum(loader, tmp, "integrity-test", CURRICULUM);
    }

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    private void residentNamed(String username) {
        TestAccounts.create(context, username, Role.RESIDENT);
        SignedIn.as(username, "RESIDENT");
    }

    private static ModuleCaseEntry entry(ReadingScenario scenario, String slug) {
        return scenario.cases().stream().filter(e -> e.slug().equals(slug)).findFirst().orElseThrow();
    }

    @Test
    void a_case_whose_feedback_the_trainee_saw_in_one_module_is_not_drawn_as_unseen_in_another() {
        residentNamed("exposed-reader");
        var concurrent = new ReadingScenario(context, "integrity-concurrent");
        concurrent.readCorrectly(entry(concurrent, "synth-cxr-001")); // its feedback page now shows the truth

        var unaided = new ReadingScenario(context, "integrity-unaided");
        assertThat(unaided.cases()).extracting(ModuleCaseEntry::slug).as("the draw before the attempt starts")
                .containsExactly("synth-cxr-003", "synth-cxr-004", "synth-cxr-007", "synth-cxr-012");
        var attempt = reading.startOrResume(unaided.module().id());
        assertThat(attempt.caseSlugs()).doesNotContain("synth-cxr-001").hasSize(4);
        assertThat(unaided.cases()).noneMatch(ModuleCaseEntry::repeat);
    }

    @Test
    void a_seen_case_the_draw_cannot_leave_out_is_a_repeat_read_with_feedback_but_never_counted() {
        residentNamed("repeat-reader");
        var concurrent = new ReadingScenario(context, "integrity-concurrent");
        var firstRead = concurrent.readCorrectly(entry(concurrent, "synth-cxr-002"));

        var whole = new ReadingScenario(context, "integrity-whole-pool");
        assertThat(entry(whole, "synth-cxr-002").repeat()).as("flagged before reading").isTrue();
        assertThat(reading.isRepeat(whole.module().id(), entry(whole, "synth-cxr-002").caseVersionId())).isTrue();
        assertThat(competency.progress(whole.module().id()).repeats()).isEqualTo(1);
        var repeat = whole.readCorrectly(entry(whole, "synth-cxr-002"));

        assertThat(repeat.counted()).isFalse();
        assertThat(repeat.repeatOfReadId()).isEqualTo(firstRead.readId());
        assertThat(scoring.feedback(repeat.readId())).as("practice still gets feedback").isPresent();
        var progress = competency.progress(whole.module().id());
        assertThat(progress.casesRead()).as("a repeat does not count").isZero();
        assertThat(scoring.decisionLines(progress.attempt().orElseThrow().id())).singleElement()
                .satisfies(line -> assertThat(line.counted()).isFalse());

        whole.readCorrectly(entry(whole, "synth-cxr-014"));
        whole.readCorrectly(entry(whole, "synth-cxr-017"));
        progress = competency.progress(whole.module().id());
        assertThat(progress.casesRead()).isEqualTo(2);
        assertThat(progress.passed()).as("two counted cases meet the minimum of two").isTrue();
    }

    @Test
    void an_attempt_that_could_not_reach_a_decision_on_unseen_cases_does_not_start_and_says_why() {
        residentNamed("overexposed-reader");
        var concurrent = new ReadingScenario(context, "integrity-concurrent");
        concurrent.cases().forEach(concurrent::readCorrectly);

        var strict = new ReadingScenario(context, "integrity-strict");
        assertThat(reading.exposureRefusal(strict.module().id())).as("the module page says it before Start").isPresent();
        assertThatThrownBy(() -> reading.startOrResume(strict.module().id())).isInstanceOf(ReadRejectedException.class)
                .hasMessageContaining("already seen the answers to 2 of the 3 cases").hasMessageContaining("too few for this module to reach a decision");
        assertThat(reading.currentAttempt(strict.module().id())).isEmpty();
    }

    @Test
    void a_case_read_in_another_module_while_this_attempt_was_open_becomes_a_repeat_when_submitted() {
        residentNamed("parallel-reader");
        var strict = new ReadingScenario(context, "integrity-strict");
        reading.startOrResume(strict.module().id()); // draws synth-cxr-001 unseen
        var concurrent = new ReadingScenario(context, "integrity-concurrent");
        concurrent.readCorrectly(entry(concurrent, "synth-cxr-001"));

        assertThat(entry(strict, "synth-cxr-001").repeat()).isTrue();
        var late = strict.readCorrectly(entry(strict, "synth-cxr-001"));
        assertThat(late.counted()).isFalse();
        assertThat(competency.progress(strict.module().id()).casesRead()).isZero();
    }

    @Test
    void heatmaps_follow_the_reading_mode_and_phase_not_only_the_case() {
        long cxr003 = cases.latestVersionId("synth-cxr-003").orElseThrow();
        long cxr001 = cases.latestVersionId("synth-cxr-001").orElseThrow();
        long cxr005 = cases.latestVersionId("synth-cxr-005").orElseThrow();
        long cxr006 = cases.latestVersionId("synth-cxr-006").orElseThrow();

        residentNamed("heatmap-unaided");
        var unaided = new ReadingScenario(context, "integrity-unaided");
        reading.startOrResume(unaided.module().id());
        assertThat(access.mayView(cxr003)).as("the images of a drawn case").isTrue();
        assertThat(access.mayViewAi(cxr003)).as("no AI in an unaided module before the read is in").isFalse();
        unaided.readCorrectly(entry(unaided, "synth-cxr-003"));
        assertThat(access.mayViewAi(cxr003)).as("feedback after submission").isTrue();

        residentNamed("heatmap-concurrent");
        reading.startOrResume(new ReadingScenario(context, "integrity-concurrent").module().id());
        assertThat(access.mayViewAi(cxr001)).as("concurrent: shown from the start").isTrue();

        residentNamed("heatmap-on-request");
        var onRequest = new ReadingScenario(context, "integrity-on-request");
        reading.startOrResume(onRequest.module().id());
        assertThat(access.mayViewAi(cxr005)).as("on request: not before asking").isFalse();
        reading.recordAiRequest(onRequest.module().id(), cxr005);
        assertThat(access.mayViewAi(cxr005)).as("on request: once asked").isTrue();
        assertThatThrownBy(() -> reading.recordAiRequest(unaided.module().id(), cxr003)).isInstanceOf(ReadRejectedException.class);

        residentNamed("heatmap-second-reader");
        var second = new ReadingScenario(context, "integrity-second-reader");
        reading.startOrResume(second.module().id());
        assertThat(access.mayViewAi(cxr006)).as("second reader: not before the first read").isFalse();
        var s = second.submission(entry(second, "synth-cxr-006"), true);
        reading.submit(new ReadSubmission(s.moduleId(), s.caseVersionId(), s.openedAt(), s.assessmentAbnormal(), s.diagnosis(),
                s.overallConfidence(), s.marks(), ReadSubmission.AiExposure.none(), ReadPhase.INITIAL));
        assertThat(access.mayViewAi(cxr006)).as("second reader: after the first read is committed").isTrue();

        SignedIn.as("verifier", "VERIFIER");
        assertThat(access.mayViewAi(cxr006)).isFalse();
        SignedIn.as("educator", "EDUCATOR");
        assertThat(access.mayViewAi(cxr006)).isTrue();
    }

    @Test
    void the_answer_options_come_in_an_order_that_does_not_depend_on_the_answer() {
        int abnormal = 0;
        int trueFirst = 0;
        for (long id : cases.versionIds()) {
            var kase = cases.forReading(id).orElseThrow();
            assertThat(kase.diagnoses()).as(kase.slug()).isEqualTo(AnswerOrder.diagnoses(kase.diagnoses()));
            assertThat(kase.labels()).as(kase.slug()).isEqualTo(AnswerOrder.labels(kase.labels()));
            var truth = cases.truth(id).orElseThrow();
            if (truth.abnormal()) {
                abnormal++;
                List<String> options = kase.diagnoses().stream().filter(d -> !d.equals(AnswerOrder.NORMAL)).toList();
                if (options.getFirst().equals(truth.diagnosis())) {
                    trueFirst++;
                }
            }
        }
        assertThat(abnormal).isPositive();
        assertThat(trueFirst).as("abnormal cases whose true diagnosis is the first option after 'normal'").isLessThan(abnormal);
    }
}
