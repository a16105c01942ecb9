package org.calibra.e2e;

import org.openqa.selenium.By;

final class ModulePage {

    private final Browser browser;

    ModulePage(Browser browser) {
        this.browser = browser;
    }

    String status() {
        return browser.driver.findElement(By.id("module-status")).getText();
    }

    ReadingPage start() {
        browser.waitFor(d -> d.findElement(By.id("start-module"))).click();
        return ReadingPage.waitUntilShown(browser);
    }
}
