package org.calibra.e2e;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The stack-order step of a draft: its series in order, include boxes, Move up/down by keyboard, save. */
final class StackOrderPage {

    private final Browser browser;

    private StackOrderPage(Browser browser) {
        this.browser = browser;
    }

    static StackOrderPage waitUntilShown(Browser browser) {
        browser.waitFor(d -> d.findElement(By.id("stack-save")));
        return new StackOrderPage(browser);
    }

    /** Each series as listed, in stack order. */
    List<String> series() {
        // read in one script: the list is re-rendered after a move, and elements found before it would be stale
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) ((JavascriptExecutor) browser.driver).executeScript(
                "return Array.from(document.querySelectorAll('#stack-series > li vaadin-checkbox label')).map(l => l.textContent.trim());");
        return labels;
    }

    /** Focuses "Move down" of the series at {@code position} (1 first) with the keyboard's Enter, not a click. */
    StackOrderPage moveDownWithKeyboard(int position) {
        String before = String.join("|", series());
        WebElement button = browser.driver.findElement(By.id("stack-down-" + position));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", button);
        button.sendKeys(Keys.ENTER);
        browser.waitFor(d -> String.join("|", series()).equals(before) ? null : true);
        return this;
    }

    /** The id of the element that has the keyboard focus. */
    String focused() {
        return (String) ((JavascriptExecutor) browser.driver).executeScript("return document.activeElement && document.activeElement.id;");
    }

    StackOrderPage exclude(int position) {
        WebElement box = browser.driver.findElement(By.cssSelector("#stack-include-" + position + " input"));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
        box.click();
        return this;
    }

    DraftPage save() {
        browser.driver.findElement(By.id("stack-save")).click();
        browser.waitFor(d -> d.getCurrentUrl().matches(".*/cases/drafts/\\d+$") ? true : null);
        return DraftPage.waitUntilShown(browser);
    }
}
