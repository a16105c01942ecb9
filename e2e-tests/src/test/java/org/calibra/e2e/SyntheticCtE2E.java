package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A generated CT volume read as a second reader: the case says it is synthetic, the viewer offers MPR, a mark on
 * an edge slice of a nodule (not its centre slice) is a hit, and the feedback draws the nodule on that slice.
 */
class SyntheticCtE2E {

    @Test
    void a_mark_on_an_edge_slice_of_a_synthetic_nodule_is_a_hit() {
        try (var browser = new Browser()) {
            var reading = LoginPage.open(browser).signInAs("resident", "resident").openModule("ct-nodules-second-reader").start();
            var truth = DemoContent.byTitle(reading.caseTitle());
            assertThat(browser.driver.findElement(By.id("synthetic-badge")).getText()).startsWith("Synthetic case");
            // the draw is the resident's own: read normal cases (correctly) until one with a nodule comes up
            for (int guard = 0; truth.lesions().isEmpty(); guard++) {
                assertThat(guard).as("a draw of 10 holds at least 4 abnormal cases").isLessThan(7);
                reading.assess(false, null, 4);
                var next = reading.commitFirstRead().submit();
                reading = next.nextCase();
                truth = DemoContent.byTitle(reading.caseTitle());
            }
            var page = reading;
            var found = truth;
            browser.waitFor(d -> "true".equals(page.viewer().getAttribute("data-volume")) ? true : null);

            var nodule = found.lesions().getFirst();
            assertThat(nodule.lastImage()).as("a nodule spans several slices").isGreaterThan(nodule.firstImage());
            int edge = nodule.firstImage();
            page.markAt(edge, nodule.x(), nodule.y());
            page.waitForMarkRows(1);
            assertThat(browser.driver.findElement(By.id("findings")).getText()).contains("image " + (edge + 1));
            page.assess(true, found.diagnosis(), 4);
            var revision = page.commitFirstRead();
            var feedback = revision.submit();
            browser.screenshot("synthetic-ct-feedback");

            assertThat(feedback.marksAndLesions()).contains("hit lesion " + nodule.id())
                    .contains("images " + (nodule.firstImage() + 1) + "–" + (nodule.lastImage() + 1));
            assertThat(browser.driver.findElement(By.id("ai-and-you")).getText()).startsWith("You");
            // the truth layer draws the nodule on the edge slice the mark is on
            var viewer = browser.driver.findElement(By.cssSelector("calibra-viewer"));
            browser.driver.executeScript("return arguments[0].showImage(arguments[1]);", viewer, edge);
            browser.waitFor(d -> ((Number) browser.driver.executeScript(
                    "return arguments[0].shadowRoot.querySelectorAll('[data-testid=truth-" + nodule.id() + "]').length;", viewer))
                    .intValue() > 0 ? true : null);
            assertThat(browser.cspViolations()).as("the CSP lets the volume loader, its workers and MPR run").isEmpty();
        }
    }
}
