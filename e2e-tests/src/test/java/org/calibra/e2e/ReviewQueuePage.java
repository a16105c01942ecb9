package org.calibra.e2e;

import org.openqa.selenium.By;

/** The institution's drafts waiting for a second educator. */
final class ReviewQueuePage {

    private final Browser browser;

    private ReviewQueuePage(Browser browser) {
        this.browser = browser;
    }

    static ReviewQueuePage open(Browser browser) {
        browser.open("cases/reviews");
        browser.waitFor(d -> d.findElement(By.id("review-queue")));
        return new ReviewQueuePage(browser);
    }

    String rowOf(String slug) {
        return browser.driver.findElement(By.id("review-row-" + slug)).getText();
    }

    DraftPage open(String slug) {
        browser.driver.findElement(By.id("review-open-" + slug)).click();
        return DraftPage.waitUntilShown(browser);
    }
}
