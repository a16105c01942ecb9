package org.calibra.e2e;

import org.openqa.selenium.By;

/** The verifier's "Credentials I checked": the list, its search and its count. */
final class VerifierChecksPage {

    private final Browser browser;

    private VerifierChecksPage(Browser browser) {
        this.browser = browser;
    }

    static VerifierChecksPage open(Browser browser) {
        browser.open("verifier/checks");
        browser.waitFor(d -> d.findElement(By.id("checks-grid")));
        return new VerifierChecksPage(browser);
    }

    /** What the list shows: every rendered row's words, or the empty-state message. */
    String listText() {
        return browser.driver.findElement(By.id("checks-grid")).getText();
    }

    /** "12 checks", or "3 of 12 checks" while narrowed. */
    String count() {
        return browser.driver.findElement(By.id("checks-count")).getText();
    }

    /** Searches (an empty text clears the search) and waits until the count says the list changed. */
    VerifierChecksPage search(String text) {
        return narrowing(() -> Fields.type(browser, "checks-search", text));
    }

    private VerifierChecksPage narrowing(Runnable change) {
        String before = count() + "\n" + listText();
        change.run();
        browser.waitFor(d -> !(count() + "\n" + listText()).equals(before) ? true : null);
        return this;
    }
}
