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
 * The oversight pages as the browser gets them (the UIDL of the route's first render): the Trainees page carries the
 * resident who read and the link to the attempt's decision record — on main it carried neither, its grids had no rows — and
 * the case statistics and cohort pages open for the educator and not for a resident.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"calibra.security.login-rate-limit.capacity=1000", "calibra.security.login-rate-limit.per-minute=1000"})
@ActiveProfiles("test")
@ExtendWith(ContextSecurityStrategy.class)
class OversightPagesRenderedIT {

    private static final int PORT = freePort();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @Autowired ApplicationContext context;

    @Test
    void trainees_shows_the_resident_and_the_decision_record_link_and_the_module_pages_open_for_the_educator_only() {
        TestAccounts.create(context, "rendered-reader", Role.RESIDENT);
        SignedIn.as("rendered-reader", "RESIDENT");
        var scenario = new ReadingScenario(context);
        // one abnormal and one normal case, whatever this resident's draw: the cohort's sensitivity needs an abnormal read
        var strata = context.getBean(org.calibra.casebank.CaseService.class)
                .strata(scenario.cases().stream().map(org.calibra.reading.ModuleCaseEntry::slug).toList());
        var abnormal = scenario.cases().stream().filter(c -> Boolean.TRUE.equals(strata.get(c.slug()))).findFirst().orElseThrow();
        var normal = scenario.cases().stream().filter(c -> Boolean.FALSE.equals(strata.get(c.slug()))).findFirst().orElseThrow();
        scenario.readCorrectly(abnormal);
        long attemptId = scenario.readWrongly(normal).attemptId();
        long module = scenario.module().id();
        SignedIn.clear();

        var educator = RenderedPage.signIn(PORT, "educator");
        String trainees = educator.uidl("trainees");
        assertThat(trainees).contains("trainees-view").contains("Test rendered-reader").contains("decisions/" + attemptId)
                .contains("modules/" + module + "/case-statistics").contains("modules/" + module + "/cohort");

        String caseStatistics = educator.uidl("modules/" + module + "/case-statistics");
        assertThat(caseStatistics).contains("case-statistics-view").contains("Download as CSV");
        var cases = context.getBean(org.calibra.casebank.CaseService.class);
        String firstSlug = scenario.module().caseSlugs().getFirst();
        String firstTitle = cases.forReading(cases.latestVersionId(firstSlug).orElseThrow()).orElseThrow().title();
        assertThat(caseStatistics).as("cases are named by title, not slug").contains(firstTitle);
        assertThat(caseStatistics).as("the calibrated cases say the demo has too few reads, not a number").contains("Calibrated cases")
                .contains("No case can be calibrated yet").contains("Not enough reads to calibrate (").contains(" of 10 needed)")
                .doesNotContain("Fitted with the");
        String cohort = educator.uidl("modules/" + module + "/cohort");
        assertThat(cohort).contains("cohort-view").contains("calibra-chart").contains("cohort-table-sensitivity");

        var resident = RenderedPage.signIn(PORT, "rendered-reader");
        assertThat(resident.uidl("modules/" + module + "/case-statistics")).doesNotContain("case-statistics-view");
        assertThat(resident.uidl("trainees")).as("the resident is not shown the Trainees page").doesNotContain("trainees-view");
    }

    /**
     * Twelve residents read three cases of the second-reader demo module, first unaided then with the AI, right and wrong in a
     * fixed mix: the educator's page fits the cases (Rasch: too few reads for the 2PL), shows each difficulty and
     * discrimination with its standard error and the difficulty unaided vs with the AI, and says why the unread cases have none.
     */
    @Test
    void the_educator_sees_the_cases_of_a_second_reader_module_calibrated_from_its_reads() {
        int[][] aided = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}, {1, 1, 1}, {1, 1, 0},
                {1, 0, 1}, {1, 1, 1}};
        // the same calls unaided on the first two cases; the third is right more often unaided (8 of 12) than with the AI (5 of 12)
        int[][] unaided = {{0, 0, 0}, {1, 0, 0}, {0, 1, 1}, {1, 0, 0}, {1, 1, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1},
                {1, 0, 1}, {1, 1, 1}};
        long module = 0;
        java.util.List<String> slugs = java.util.List.of();
        for (int k = 0; k < aided.length; k++) {
            String name = "calibrated-reader-" + k;
            TestAccounts.create(context, name, Role.RESIDENT);
            SignedIn.as(name, "RESIDENT");
            var scenario = new ReadingScenario(context, "second-opinion");
            var reading = context.getBean(org.calibra.reading.ReadingService.class);
            var entries = scenario.cases().stream().sorted(java.util.Comparator.comparing(org.calibra.reading.ModuleCaseEntry::slug)).limit(3).toList();
            reading.startOrResume(scenario.module().id());
            for (int c = 0; c < 3; c++) {
                var first = scenario.submission(entries.get(c), unaided[k][c] == 1);
                reading.submit(new org.calibra.reading.ReadSubmission(first.moduleId(), first.caseVersionId(), first.openedAt(), first.assessmentAbnormal(),
                        first.diagnosis(), first.overallConfidence(), first.marks(), org.calibra.reading.ReadSubmission.AiExposure.none(),
                        org.calibra.reading.ReadPhase.INITIAL));
                reading.submit(scenario.submission(entries.get(c), aided[k][c] == 1));
            }
            module = scenario.module().id();
            slugs = entries.stream().map(org.calibra.reading.ModuleCaseEntry::slug).toList();
        }
        SignedIn.clear();
        var read = slugs;

        String page = RenderedPage.signIn(PORT, "educator").uidl("modules/" + module + "/case-statistics");

        assertThat(page).contains("case-calibration").contains("Fitted with the Rasch model").contains("shared by all cases")
                .contains("Difficulty unaided and with the AI").contains("unaided ").contains("with the AI ").contains(" ± ")
                .contains("Not enough reads to calibrate (0 of 10 needed)");
        SignedIn.as("educator", "EDUCATOR");
        var calibration = context.getBean(org.calibra.oversight.CaseCalibrationReport.class).calibrate(module);
        SignedIn.clear();
        assertThat(calibration.model()).contains(org.calibra.oversight.CalibrationModel.RASCH);
        assertThat(calibration.estimates()).extracting(org.calibra.oversight.ItemEstimate::caseId).containsExactlyInAnyOrderElementsOf(read);
        assertThat(calibration.cases()).filteredOn(c -> read.contains(c.caseId())).allSatisfy(c -> {
            assertThat(c.reads()).isEqualTo(12);
            assertThat(c.ai()).as("unaided vs with the AI").isPresent();
        });
        // the third case: 8 of 12 right unaided, 5 of 12 with the AI
        var third = calibration.cases().stream().filter(c -> c.caseId().equals(read.get(2))).findFirst().orElseThrow().ai().orElseThrow();
        assertThat(third.withAiDifficulty()).isGreaterThan(third.unaidedDifficulty());
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
