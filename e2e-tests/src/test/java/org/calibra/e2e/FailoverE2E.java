package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.calibra.audit.AuditVerifyCli;
import org.calibra.support.NodeProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Failover, as a resident lives it (issue 16): two nodes from the boot jar behind HAProxy with sticky sessions, on one
 * PostgreSQL and one S3 bucket ({@link LocalCluster}). The resident signs in through the balancer, reads and submits
 * cases on the node HAProxy's cookie names; that node is killed (SIGKILL) while a read is open. HAProxy sends the
 * resident's submit to the other node, which does not know the session: they sign in again, are back at that case,
 * and finish the module in the same attempt (every read of the first node counts). Afterwards PostgreSQL holds every submitted read exactly once, each audited once, and the audit
 * chain verifies with the same verifier as {@code ./calibra audit-verify}.
 */
class FailoverE2E {

    private static final String MODULE = "first-reads";

    @BeforeAll
    static void onlyWhenTheJourneysRun() {
        assumeFalse(Boolean.getBoolean("calibra.e2e.skip"), "end-to-end tests skipped (-DskipE2E=true)");
        LocalCluster.requireHaproxy();
    }

    @Test
    void when_the_node_serving_a_resident_dies_they_sign_in_again_on_the_other_and_every_read_is_stored_once() throws Exception {
        try (var cluster = LocalCluster.start(2); var browser = new Browser(cluster.baseUrl())) {
            try {
                journey(cluster, browser);
            } catch (Throwable failure) {
                System.err.println(cluster.diagnostics());
                try {
                    browser.screenshot("failover-failure");
                } catch (RuntimeException noScreenshot) {
                    failure.addSuppressed(noScreenshot);
                }
                throw failure;
            }
        }
    }

    private static void journey(LocalCluster cluster, Browser browser) throws Exception {
        List<String> submitted = new ArrayList<>(); // titles of the cases the browser saw feedback for, in order
        var reading = LoginPage.open(browser).signInAs("resident", "resident").openModule(MODULE).start();
        String serving = nodeCookie(browser);
        assertThat(serving).as("HAProxy's sticky cookie names the node").isIn("node1", "node2");

        var feedback = submitACorrectRead(reading, submitted);
        reading = feedback.nextCase();
        feedback = submitACorrectRead(reading, submitted);
        assertThat(nodeCookie(browser)).as("sticky: the whole session stays on one node").isEqualTo(serving);

        // the next read is open, marked and assessed when its node dies
        reading = feedback.nextCase();
        var interrupted = DemoContent.byTitle(reading.caseTitle());
        reading.markTheLesionsOf(interrupted);
        reading.assess(interrupted.abnormal(), interrupted.diagnosis(), 4);
        cluster.node(serving).kill();
        String survivor = serving.equals("node1") ? "node2" : "node1";
        assertThat(cluster.node(survivor).isAlive()).isTrue();
        // the submit reaches only the survivor, which does not know the session: Vaadin reloads the page into sign-in
        browser.driver.findElement(By.id("submit-read")).click();
        browser.waitFor(d -> d.findElement(By.id("login-form")));
        reading = new LoginPage(browser).signInBackToReading("resident", "resident");
        assertThat(nodeCookie(browser)).as("HAProxy re-pins the browser to the surviving node").isEqualTo(survivor);
        cluster.awaitStatus(Set.of(serving), "DOWN");

        // the read the dead node never received is not stored; the same attempt goes on at that case, marks gone
        assertThat(cluster.jdbc().queryForObject("""
                select count(*) from trainee_read r join case_version v on v.id = r.case_version_id where v.title = ?""", Integer.class,
                interrupted.title())).as("the interrupted read is not stored").isZero();
        assertThat(reading.caseTitle()).as("back at the case whose read was lost").isEqualTo(interrupted.title());
        assertThat(reading.markRows()).as("the dead node's screen state is gone").isZero();
        assertThat(reading.distinctLevelsInViewport()).as("the survivor serves the images from the shared bucket").isGreaterThan(10);
        while (true) {
            feedback = submitACorrectRead(reading, submitted);
            assertThat(feedback.runningMetrics()).as("reads from both nodes count").contains("Cases read: " + submitted.size());
            if (!feedback.hasNextCase()) {
                break;
            }
            reading = feedback.nextCase();
        }
        assertThat(feedback.moduleStatus()).isEqualTo("Passed after 6 of 7 cases");
        assertThat(submitted).as("no case offered twice").doesNotHaveDuplicates().hasSize(6).contains(interrupted.title());

        everyReadStoredAndAuditedOnce(cluster, submitted);
        theAuditChainVerifies(cluster);
    }

    private static FeedbackPage submitACorrectRead(ReadingPage reading, List<String> submitted) {
        var truth = DemoContent.byTitle(reading.caseTitle());
        reading.markTheLesionsOf(truth);
        reading.assess(truth.abnormal(), truth.diagnosis(), 4);
        var feedback = reading.submit();
        submitted.add(truth.title());
        assertThat(feedback.verdict()).isEqualTo("Correct");
        return feedback;
    }

    private static String nodeCookie(Browser browser) {
        var cookie = browser.driver.manage().getCookieNamed(LocalCluster.NODE_COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    /** No loss, no duplicate: one stored read per submitted case, and one read.submitted audit entry per stored read. */
    private static void everyReadStoredAndAuditedOnce(LocalCluster cluster, List<String> submitted) {
        var jdbc = cluster.jdbc();
        List<String> storedTitles = jdbc.queryForList("""
                select v.title from trainee_read r join case_version v on v.id = r.case_version_id
                join user_account u on u.id = r.user_id where u.username = 'resident'""", String.class);
        assertThat(storedTitles).as("stored reads").containsExactlyInAnyOrderElementsOf(submitted);
        List<String> readSubjects = jdbc.queryForList("select 'read:' || id from trainee_read", String.class);
        assertThat(jdbc.queryForList("select subject from audit_entry where action = 'read.submitted'", String.class))
                .as("audited reads").containsExactlyInAnyOrderElementsOf(readSubjects);
    }

    /** The operator's verifier ({@code ./calibra audit-verify URL USER PASSWORD}), run against the cluster's database. */
    private static void theAuditChainVerifies(LocalCluster cluster) throws InterruptedException {
        try (var verifier = NodeProcess.start("audit-verify", AuditVerifyCli.class, List.of(cluster.jdbcUrl(), "postgres", "postgres"))) {
            assertThat(verifier.awaitExit(Duration.ofMinutes(1))).as(verifier.tail()).isZero();
            assertThat(verifier.output()).contains("audit chain intact");
        }
    }
}
