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

    String entriesText() {
        return browser.driver.findElement(By.id("audit-entries")).getText();
    }
}
