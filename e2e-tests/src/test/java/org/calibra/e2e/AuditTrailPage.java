package org.calibra.e2e;

import org.openqa.selenium.By;

/** The admin's audit trail view. */
final class AuditTrailPage {

    private final Browser browser;

    AuditTrailPage(Browser browser) {
        this.browser = browser;
    }

    static AuditTrailPage open(Browser browser) {
        browser.open("audit");
        browser.waitFor(d -> d.findElement(By.id("audit-view")));
        return new AuditTrailPage(browser);
    }

    /** Presses "Verify the chain" and returns the verdict shown. */
    String verifyChain() {
        browser.driver.findElement(By.id("verify-chain")).click();
        browser.waitFor(d -> !d.findElement(By.id("chain-result")).getText().isBlank());
        return browser.driver.findElement(By.id("chain-result")).getText();
    }

    /** Shows only one kind of event, chosen by its words (e.g. "Account changes"). */
    AuditTrailPage kind(String words) {
        Fields.select(browser, "audit-kind", words);
        browser.waitFor(d -> d.findElement(By.id("audit-count")).getText().endsWith("entries") || d.findElement(By.id("audit-count")).getText()
                .endsWith("entry") ? true : null);
        return this;
    }

    /** Narrows the entries to those containing the text (or done by or about a person of that name). */
    AuditTrailPage search(String text) {
        Fields.type(browser, "audit-search", text);
        return this;
    }

    /** Waits until the entries shown contain all these texts (the list loads a page at a time). */
    AuditTrailPage waitForEntries(String... texts) {
        browser.waitFor(d -> java.util.Arrays.stream(texts).allMatch(entriesText()::contains) ? true : null);
        return this;
    }

    String entriesText() {
        return browser.driver.findElement(By.id("audit-entries")).getText();
    }
}
