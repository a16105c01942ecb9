package org.calibra.e2e;

import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The educators' import page: upload a .zip, read the outcome and the report, go on to the draft it became. */
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

    /** The draft the upload became. */
    DraftPage openDraft() {
        browser.driver.findElement(By.id("import-draft-link")).click();
        return DraftPage.waitUntilShown(browser);
    }
}
