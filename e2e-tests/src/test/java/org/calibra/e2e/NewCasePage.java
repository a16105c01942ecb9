package org.calibra.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The educators' New case page: the synthetic generator's form, its problems, and the draft it makes. */
final class NewCasePage {

    private final Browser browser;

    private NewCasePage(Browser browser) {
        this.browser = browser;
    }

    static NewCasePage open(Browser browser) {
        browser.open("cases/new");
        browser.waitFor(d -> d.findElement(By.id("new-case-generate")));
        return new NewCasePage(browser);
    }

    NewCasePage kind(String label) {
        WebElement radio = browser.driver.findElement(By.xpath("//*[@id='new-case-kind']//vaadin-radio-button[.//label[starts-with(normalize-space(.),'"
                + label + "')]]"));
        scrollTo(radio).click();
        try {
            // the fields of the other kind appear once the server has the choice
            browser.waitFor(d -> "true".equals(radio.getDomProperty("checked")) || radio.getDomAttribute("checked") != null ? true : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the kind did not change; the group is: "
                    + browser.driver.findElement(By.id("new-case-kind")).getDomProperty("outerHTML"), e);
        }
        return this;
    }

    NewCasePage type(String fieldId, String value) {
        WebElement found;
        try {
            found = browser.waitFor(d -> d.findElement(By.cssSelector("#" + fieldId + " input")));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("new-case-no-" + fieldId);
            throw new AssertionError("no input in #" + fieldId + "; the form is: "
                    + browser.driver.findElement(By.id("new-case-synthetic")).getDomProperty("outerHTML"), e);
        }
        WebElement input = found;
        scrollTo(input);
        browser.waitFor(d -> input.isDisplayed() ? true : null);
        input.clear();
        input.sendKeys(value);
        return this;
    }

    /** Generate, expecting the form's problems. */
    String generateRefused() {
        scrollTo(browser.driver.findElement(By.id("new-case-generate"))).click();
        return browser.waitFor(d -> d.findElement(By.id("new-case-synthetic-problems"))).getText();
    }

    /** Generate, expecting the draft's page. */
    DraftPage generate() {
        scrollTo(browser.driver.findElement(By.id("new-case-generate"))).click();
        browser.waitFor(d -> d.getCurrentUrl().matches(".*/cases/drafts/\\d+$") ? true : null);
        return DraftPage.waitUntilShown(browser);
    }

    /** Uploads a .zip of several series; the stack-order step opens. */
    StackOrderPage uploadSeries(java.nio.file.Path zip) {
        WebElement upload = browser.driver.findElement(By.id("new-case-series-upload"));
        WebElement input = (WebElement) ((JavascriptExecutor) browser.driver).executeScript(
                "return arguments[0].querySelector('input[type=file]') || arguments[0].shadowRoot.querySelector('input[type=file]');", upload);
        input.sendKeys(zip.toAbsolutePath().toString());
        return StackOrderPage.waitUntilShown(browser);
    }

    /** How many grey levels the draft page's viewer draws (a blank canvas has one or two). */
    static int distinctLevelsInViewer(Browser browser) {
        browser.waitFor(d -> d.findElement(By.id("viewer")));
        return ViewerPanel.distinctGreyLevels(ViewerPanel.readingViewer(browser).screenshot("viewport"));
    }

    private WebElement scrollTo(WebElement e) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        return e;
    }
}
