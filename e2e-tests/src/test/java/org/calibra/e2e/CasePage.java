package org.calibra.e2e;

import org.openqa.selenium.By;

/** A case's staff page: its state, its versions (who, when, what changed). */
final class CasePage {

    private final Browser browser;

    private CasePage(Browser browser) {
        this.browser = browser;
    }

    static CasePage open(Browser browser, String slug) {
        browser.open("cases/" + slug);
        browser.waitFor(d -> d.findElement(By.id("case-versions")));
        return new CasePage(browser);
    }

    String state() {
        return browser.driver.findElement(By.id("case-state")).getText();
    }

    String versions() {
        return browser.driver.findElement(By.id("case-versions")).getText();
    }
}
