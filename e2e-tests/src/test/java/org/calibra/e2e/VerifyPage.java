package org.calibra.e2e;

import org.openqa.selenium.By;

final class VerifyPage {

    private final Browser browser;

    private VerifyPage(Browser browser) {
        this.browser = browser;
    }

    static VerifyPage openUrl(Browser browser, String url) {
        browser.driver.get(url);
        browser.waitFor(d -> d.findElement(By.id("verify-view")));
        return new VerifyPage(browser);
    }

    String status() {
        return browser.waitFor(d -> d.findElement(By.id("certificate-status"))).getText();
    }

    String holder() {
        return browser.driver.findElement(By.id("certificate-holder")).getText();
    }

    String title() {
        return browser.driver.findElement(By.id("certificate-title")).getText();
    }

    String dates() {
        return browser.driver.findElement(By.id("certificate-dates")).getText();
    }

    boolean signedIn() {
        return !browser.driver.findElements(By.id("current-user")).isEmpty();
    }
}
