package org.calibra.e2e;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

final class FeedbackPage {

    private final Browser browser;

    private FeedbackPage(Browser browser) {
        this.browser = browser;
    }

    static FeedbackPage waitUntilShown(Browser browser) {
        browser.waitFor(d -> d.findElement(By.id("feedback-view")));
        return new FeedbackPage(browser);
    }

    String verdict() {
        return text("feedback-verdict");
    }

    String marksAndLesions() {
        return text("feedback-marks");
    }

    String beforeAndAfter() {
        return text("before-and-after");
    }

    String aiVerdict() {
        return text("ai-verdict");
    }

    String teachingPoints() {
        return text("teaching-points");
    }

    String runningMetrics() {
        return text("running-metrics");
    }

    String moduleStatus() {
        return text("module-status");
    }

    /** The truth circles the viewer draws over the image (by their test ids). */
    int truthShapesDrawn() {
        WebElement viewer = browser.waitFor(d -> d.findElement(By.id("viewer")));
        browser.waitFor(d -> "ready".equals(viewer.getAttribute("data-state")) ? true : null);
        @SuppressWarnings("unchecked")
        var ids = (List<Object>) ((JavascriptExecutor) browser.driver).executeScript(
                "return Array.from(arguments[0].shadowRoot.querySelectorAll('[data-testid^=truth-]')).map(e => e.getAttribute('data-testid'));", viewer);
        return ids.size();
    }

    boolean hasNextCase() {
        return !browser.driver.findElements(By.id("next-case")).isEmpty();
    }

    ReadingPage nextCase() {
        browser.driver.findElement(By.id("next-case")).click();
        return ReadingPage.waitUntilShown(browser);
    }

    ModulePage backToModule() {
        browser.driver.findElement(By.id("back-to-module")).click();
        browser.waitFor(d -> d.findElement(By.id("module-view")));
        return new ModulePage(browser);
    }

    CertificatesPage seeCertificate() {
        browser.driver.findElement(By.id("see-certificate")).click();
        browser.waitFor(d -> d.findElement(By.id("certificates-view")));
        return new CertificatesPage(browser);
    }

    private String text(String id) {
        return browser.waitFor(d -> d.findElement(By.id(id))).getText();
    }
}
