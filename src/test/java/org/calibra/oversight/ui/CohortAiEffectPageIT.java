package org.calibra.oversight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.ContextSecurityStrategy;
import org.calibra.support.ReadingScenario;
import org.calibra.support.RenderedPage;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cohort page's AI effect as the browser gets it (the UIDL of the route's first render). A class of its own, so its own
 * application and database: the case-calibration test in {@link OversightPagesRenderedIT} reads the same second-reader
 * module, and each test's figures must rest only on its own residents' reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"calibra.security.login-rate-limit.capacity=1000", "calibra.security.login-rate-limit.per-minute=1000"})
@ActiveProfiles("test")
@ExtendWith(ContextSecurityStrategy.class)
class CohortAiEffectPageIT {

    private static final int PORT = freePort();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @Autowired ApplicationContext context;

    /**
     * Three residents read six cases of the second-reader demo module: unaided they miss some, with the AI they are right every
     * time. The cohort page says in words and numbers that the AI raised the cohort's ROC AUC, with the OR test, and lists each
     * resident's own change; the decision record tells the resident's own change too.
     */
    @Test
    void the_cohort_page_of_a_second_reader_module_shows_the_ai_effect_in_words_and_numbers() {
        var reading = context.getBean(org.calibra.reading.ReadingService.class);
        long module = 0;
        long attemptId = 0;
        int[][] wrongUnaided = {{0, 1}, {2}, {0, 3, 4}};
        for (int r = 0; r < wrongUnaided.length; r++) {
            String user = "ai-effect-reader-" + r;
            TestAccounts.create(context, user, Role.RESIDENT);
            SignedIn.as(user, "RESIDENT");
            var scenario = new ReadingScenario(context, "second-opinion");
            module = scenario.module().id();
            reading.startOrResume(module);
            var entries = scenario.cases().stream().sorted(java.util.Comparator.comparingLong(e -> e.caseVersionId())).limit(6).toList();
            for (int k = 0; k < entries.size(); k++) {
                final int index = k;
                boolean right = java.util.Arrays.stream(wrongUnaided[r]).noneMatch(w -> w == index);
                var unaided = scenario.submission(entries.get(k), right);
                reading.submit(new org.calibra.reading.ReadSubmission(unaided.moduleId(), unaided.caseVersionId(), unaided.openedAt(),
                        unaided.assessmentAbnormal(), unaided.diagnosis(), unaided.overallConfidence(), unaided.marks(),
                        org.calibra.reading.ReadSubmission.AiExposure.none(), org.calibra.reading.ReadPhase.INITIAL));
                attemptId = reading.submit(scenario.submission(entries.get(k), true)).attemptId();
            }
            SignedIn.clear();
        }

        var educator = RenderedPage.signIn(PORT, "educator");
        String cohort = educator.uidl("modules/" + module + "/cohort");
        assertThat(cohort).contains("Does the AI help this cohort?").contains("ai-effect-summary")
                .contains("With the AI, this cohort's ROC AUC rose by").contains("3 residents, 6 cases")
                .contains("ai-effect-table").contains("With the AI minus unaided").contains("Test of no difference between the two readings: F(1, ")
                .contains("ai-effect-trainees").contains("Test ai-effect-reader-0").contains("Test ai-effect-reader-2");

        SignedIn.as("educator", "EDUCATOR");
        var report = context.getBean(org.calibra.scoring.CohortAiEffect.class).of(module).orElseThrow();
        SignedIn.clear();
        var finding = report.cohort().finding().orElseThrow();
        double meanOwnChange = report.trainees().stream().mapToDouble(t -> t.effect().orElseThrow().difference()).average().orElseThrow();
        assertThat(finding.difference().estimate()).as("on the same six cases, the cohort's change is the mean of each resident's")
                .isCloseTo(meanOwnChange, org.assertj.core.api.Assertions.within(1e-12)).isPositive();
        assertThat(report.trainees()).allSatisfy(t -> assertThat(t.pairedCases()).isEqualTo(6));

        String decision = educator.uidl("decisions/" + attemptId);
        assertThat(decision).contains("decision-ai-effect").contains("The AI's effect on you: your ROC AUC went from");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
