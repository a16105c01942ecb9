package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 17 §2: a resident works through the adaptive demo module (curricula/adaptive-chest-radiographs.yaml) in the
 * browser. Each next case is the server's choice (the "Next case" button is all the page offers); the attempt ends when
 * the engine stops — between the module's minimum of 4 and maximum of 8 cases — and the decision record shows every
 * step and, in words, why it stopped.
 *
 * <p>A resident of its own, new on every run: the suite shares one app and the demo residents' state.
 */
class AdaptiveModuleE2E {

    private static final String PASSWORD = "steady compass morning";

    @Test
    void a_resident_reads_the_adaptive_module_to_its_stop_and_the_decision_record_says_why() {
        try (var admin = new Browser(); var browser = new Browser()) {
            String username = NewResident.invite(admin, browser, "cat", "Dr. Ada Adaptive", PASSWORD);

            var reading = LoginPage.open(browser).signInAs(username, PASSWORD).openModule("cxr-adaptive").start();
            int read = 0;
            FeedbackPage feedback;
            while (true) {
                // the truth is the test's knowledge (case files), never the page's: a resident who calls every case right
                var truth = DemoContent.byTitle(reading.caseTitle());
                reading.assess(truth.abnormal(), truth.diagnosis(), 4);
                feedback = reading.submit();
                read++;
                assertThat(read).as("the module reads at most its maximum of 8 cases").isLessThanOrEqualTo(8);
                if (!feedback.hasNextCase()) {
                    break;
                }
                reading = feedback.nextCase();
            }
            assertThat(read).as("no decision before the module's minimum of 4 cases").isGreaterThanOrEqualTo(4);
            browser.screenshot("adaptive-stopped");
            String record = feedback.backToModule().decisionRecord();
            assertThat(record).contains("How the adaptive module decided")
                    .contains("Stopped after " + read + " cases:")
                    .containsPattern("Stopped after " + read + " cases: the evidence that your ability is above the pass level reached "
                            + "the configured certainty \\(likelihood ratio \\d+\\.\\d ≥ 19\\.0\\)\\. Decision: passed\\.");
            assertThat(browser.driver.findElements(By.cssSelector("#adaptive-steps vaadin-grid-cell-content")).stream()
                    .filter(c -> c.getText().equals("The most informative case at your ability estimate then")).count())
                    .as("every read case has its reason").isEqualTo(read);
            browser.screenshot("adaptive-decision-record");
        }
    }
}
