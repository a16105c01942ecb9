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

    /** The curves drawn in the browser: chart ids that hold at least one plotted line with points. */
    java.util.List<String> chartsWithACurve() {
        return browser.driver.findElements(By.cssSelector("#module-curves calibra-chart")).stream()
                .filter(c -> !((java.util.List<?>) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                        "return Array.from(arguments[0].shadowRoot.querySelectorAll('g.curve path[d*=L]'));", c)).isEmpty())
                .map(c -> c.getAttribute("id")).toList();
    }

    String reliance() {
        return browser.driver.findElement(By.id("module-reliance")).getText();
    }

    /** Follows "Decision record of this attempt" and returns the record's text. */
    String decisionRecord() {
        var link = browser.waitFor(d -> d.findElement(By.id("decision-link")));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", link);
        link.click();
        return browser.waitFor(d -> d.findElement(By.id("decision-reads")).isDisplayed() ? d.findElement(By.id("decision-record")).getText() : null);
    }

    ReadingPage start() {
        var button = browser.waitFor(d -> d.findElement(By.id("start-module")));
        // below a long case list (a resumed attempt) it may sit under the bottom edge, as a user scrolls to it
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        return ReadingPage.waitUntilShown(browser);
    }
}
