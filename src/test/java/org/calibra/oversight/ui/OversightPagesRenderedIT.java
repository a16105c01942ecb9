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
        scenario.readCorrectly(scenario.cases().get(0));
        long attemptId = scenario.readWrongly(scenario.cases().get(1)).attemptId();
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
        String cohort = educator.uidl("modules/" + module + "/cohort");
        assertThat(cohort).contains("cohort-view").contains("calibra-chart").contains("cohort-table-sensitivity");

        var resident = RenderedPage.signIn(PORT, "rendered-reader");
        assertThat(resident.uidl("modules/" + module + "/case-statistics")).doesNotContain("case-statistics-view");
        assertThat(resident.uidl("trainees")).as("the resident is not shown the Trainees page").doesNotContain("trainees-view");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
