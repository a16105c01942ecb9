package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * On-request reading in the browser: the AI is not on the page (not even in the viewer's data) until the
 * resident asks; asking is counted on the module page, and a read that overrode a right AI is listed for review.
 */
class OnRequestE2E {

    @Test
    void the_ai_stays_out_of_the_page_until_asked_for_and_the_module_page_counts_the_request() {
        try (var browser = new Browser()) {
            // the demo curricula share their cases: a resident who read them elsewhere would meet repeats here (ADR 0015)
            var reading = LoginPage.open(browser).signInAs("resident3", "resident3").openModule("ask-when-needed").start();
            var truth = DemoContent.byTitle(reading.caseTitle());

            assertThat(browser.driver.findElement(By.id("ai-offer")).getText()).contains("hidden until you ask");
            assertThat(browser.driver.findElements(By.id("ai-score"))).isEmpty();
            assertThat(String.valueOf(reading.viewerProperty("aiMarks"))).as("AI marks in the viewer before asking").isIn("", "[]", "null");
            assertThat(reading.aiMarksDrawn()).isZero();

            browser.driver.findElement(By.id("ai-request")).click();
            WebElement score = browser.waitFor(d -> d.findElement(By.id("ai-score")));
            assertThat(score.getText()).startsWith("AI suggestion:");
            browser.screenshot("on-request-after-asking");
            int aiMarks = truth.aiMarkCount();
            if (aiMarks > 0) {
                browser.waitFor(d -> reading.aiMarksDrawn() > 0 ? true : null);
            }

            // the opposite of the truth, whatever the AI said: a read to review
            reading.assess(!truth.abnormal(), truth.abnormal() ? null : truth.anyAbnormalDiagnosis(), 2);
            var feedback = reading.submit();
            assertThat(browser.driver.findElement(By.id("ai-and-you")).getText()).startsWith("You asked for the AI and");
            var module = feedback.backToModule();

            assertThat(module.reliance()).contains("You asked for the AI on 1 of 1 case(s)");
            assertThat(browser.driver.findElement(By.id("review-list")).getText()).contains(truth.abnormal() ? "called normal, but abnormal"
                    : "called abnormal, but normal");
            @SuppressWarnings("unchecked")
            var bars = (java.util.List<Object>) browser.driver.executeScript(
                    "return Array.from(arguments[0].shadowRoot.querySelectorAll('[data-bar]')).map(b => b.getAttribute('data-bar'));",
                    browser.driver.findElement(By.id("reliance-chart")));
            assertThat(bars).contains("Asked for the AI");
            Charts.assertReadable(browser, "reliance-chart");
            assertThat(browser.driver.findElement(By.id("cohort-unavailable")).getText()).contains("at least 5 others");
        }
    }
}
