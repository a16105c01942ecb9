package org.calibra.e2e;

import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The educators' import page: upload a .zip, read the outcome and the report, publish or reject held versions. */
final class CaseImportPage {

    private final Browser browser;

    private CaseImportPage(Browser browser) {
        this.browser = browser;
    }

    static CaseImportPage open(Browser browser) {
        browser.open("cases/import");
        browser.waitFor(d -> d.findElement(By.id("import-upload")));
        return new CaseImportPage(browser);
    }

    /** Chooses the file in vaadin-upload's file input (auto-upload), then waits for the outcome. */
    CaseImportPage upload(Path zip) {
        WebElement upload = browser.driver.findElement(By.id("import-upload"));
        WebElement input = (WebElement) ((JavascriptExecutor) browser.driver).executeScript(
                "return arguments[0].querySelector('input[type=file]') || arguments[0].shadowRoot.querySelector('input[type=file]');", upload);
        input.sendKeys(zip.toAbsolutePath().toString());
        browser.waitFor(d -> d.findElement(By.id("import-status")));
        return this;
    }

    String status() {
        return browser.driver.findElement(By.id("import-status")).getText();
    }

    String report() {
        return browser.driver.findElement(By.id("import-report")).getText();
    }

    String flagged() {
        return browser.driver.findElement(By.id("import-flags")).getText();
    }

    /** The database id of a version held for review, shown as data on its row. */
    long pendingVersionId(String slug, int version) {
        return Long.parseLong(browser.waitFor(d -> d.findElement(By.id("pending-" + slug + "-v" + version))).getAttribute("data-version-id"));
    }

    CaseImportPage publish(String slug, int version) {
        WebElement button = browser.driver.findElement(By.id("publish-" + slug + "-v" + version));
        // below the report: scroll it into view as a user would
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        browser.waitFor(d -> button.isDisplayed() ? true : null);
        button.click();
        browser.waitFor(d -> d.findElements(By.id("pending-" + slug + "-v" + version)).isEmpty() ? true : null);
        return this;
    }
}
