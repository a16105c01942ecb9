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
            assertThat(truth.lesions()).as("the first CT case of the module has a nodule").isNotEmpty();
            browser.waitFor(d -> "true".equals(reading.viewer().getAttribute("data-volume")) ? true : null);

            var nodule = truth.lesions().getFirst();
            assertThat(nodule.lastImage()).as("a nodule spans several slices").isGreaterThan(nodule.firstImage());
            int edge = nodule.firstImage();
            reading.markAt(edge, nodule.x(), nodule.y());
            reading.waitForMarkRows(1);
            assertThat(browser.driver.findElement(By.id("findings")).getText()).contains("image " + (edge + 1));
            reading.assess(true, truth.diagnosis(), 4);
            var revision = reading.commitFirstRead();
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
        }
    }
}
