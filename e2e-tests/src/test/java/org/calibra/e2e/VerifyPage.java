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

    /** The verdict's sentence: what the outcome means, with the issuer's reason when revoked or suspended. */
    String verdictMessage() {
        return browser.waitFor(d -> d.findElement(By.id("verdict-message"))).getText();
    }

    /** "What was checked", one line each. */
    java.util.List<String> whatWasChecked() {
        return browser.driver.findElements(By.cssSelector("#what-was-checked li")).stream().map(org.openqa.selenium.WebElement::getText).toList();
    }

    String evidenceSummary() {
        return browser.driver.findElement(By.id("evidence-summary")).getText();
    }

    boolean signedIn() {
        return !browser.driver.findElements(By.id("current-user")).isEmpty();
    }
}
