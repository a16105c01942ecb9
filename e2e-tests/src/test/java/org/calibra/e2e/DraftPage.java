package org.calibra.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** A case draft: its state, problems and flagged-image banners; send it for review; as a second educator, approve it. */
final class DraftPage {

    private final Browser browser;

    private DraftPage(Browser browser) {
        this.browser = browser;
    }

    static DraftPage waitUntilShown(Browser browser) {
        browser.waitFor(d -> d.findElement(By.id("draft-state")));
        return new DraftPage(browser);
    }

    String state() {
        return browser.driver.findElement(By.id("draft-state")).getText();
    }

    boolean hasNoProblems() {
        return !browser.driver.findElements(By.id("draft-no-problems")).isEmpty();
    }

    /** The images flagged for burned-in text, as the page lists them (where and why). */
    String flaggedImages() {
        return browser.driver.findElement(By.id("draft-flags")).getText();
    }

    /** Whether the viewer shows its burned-in text banner over the image it shows (waits for the viewer to say so). */
    boolean viewerWarnsAboutTheShownImage() {
        return browser.waitFor(d -> "true".equals(d.findElement(By.id("viewer")).getDomAttribute("data-flagged")) ? true : null);
    }

    /** Why the signed-in educator may not approve (an author), or empty. */
    String whyNotAllowedToApprove() {
        return browser.driver.findElements(By.id("review-not-allowed")).stream().map(WebElement::getText).findFirst().orElse("");
    }

    DraftPage sendForReview() {
        click("draft-submit");
        browser.waitFor(d -> "in review".equals(d.findElement(By.id("draft-state")).getText()) ? true : null);
        return this;
    }

    /** Confirms every flagged image was looked at, then approves: the case is published. */
    DraftPage approveAfterLookingAtTheFlaggedImages() {
        click("review-flags-checked");
        click("review-approve");
        browser.waitFor(d -> "published".equals(d.findElement(By.id("draft-state")).getText()) ? true : null);
        return this;
    }

    /** The case version the approval published. */
    long publishedVersionId() {
        return Long.parseLong(browser.driver.findElement(By.id("draft-state")).getDomAttribute("data-version-id"));
    }

    /** The AI section's list of differences between the AI's marks and the truth that no error label explains. */
    String aiUnlabelled() {
        WebElement list = browser.waitFor(d -> d.findElement(By.id("draft-ai-unlabelled")));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'end'})", list);
        return list.getText();
    }

    /** The AI section's words for mark {@code n}: where it is. */
    String aiMark(int n) {
        return browser.waitFor(d -> d.findElement(By.id("draft-ai-mark-" + n + "-where"))).getText();
    }

    private void click(String id) {
        WebElement e = browser.waitFor(d -> d.findElement(By.id(id)));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        browser.waitFor(d -> e.isDisplayed() ? true : null);
        e.click();
    }
}
