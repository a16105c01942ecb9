package org.calibra.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Filling Vaadin inputs as a user does: by keyboard and clicks, found by element id. Shared by the form page objects. */
final class Fields {

    private Fields() {
    }

    /** Replaces the text of a text field or area, then leaves it (Tab) so the server sees the value. */
    static void type(Browser browser, String fieldId, String text) {
        WebElement input = browser.waitFor(d -> d.findElement(By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea")));
        scrollTo(browser, input);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
    }

    /** Picks an item of a Vaadin combo box by typing it and pressing Enter. */
    static void pick(Browser browser, String comboId, String item) {
        WebElement input = browser.waitFor(d -> d.findElement(By.cssSelector("#" + comboId + " input")));
        scrollTo(browser, input);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), item);
        browser.waitFor(d -> !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty() ? true : null);
        input.sendKeys(Keys.ENTER);
        // the element's value is Flow's item key; what the user sees is the input's text
        browser.waitFor(d -> item.equals(d.findElement(By.cssSelector("#" + comboId + " input")).getDomProperty("value"))
                && !"true".equals(d.findElement(By.id(comboId)).getDomProperty("opened")) ? true : null);
    }

    /**
     * Adds one item to a Vaadin multi-select combo box: types {@code filter} (which must leave exactly one item), takes the
     * first item with the keyboard, and waits until the component holds one more selected item.
     */
    static void pickAlso(Browser browser, String comboId, String filter) {
        WebElement combo = browser.waitFor(d -> d.findElement(By.id(comboId)));
        WebElement input = combo.findElement(By.cssSelector("input"));
        scrollTo(browser, input);
        long before = selectedCount(browser, combo);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), filter);
        // the overlay's items may live in shadow roots: look through them for the one item the filter leaves
        WebElement item = browser.waitFor(d -> (WebElement) ((JavascriptExecutor) d).executeScript("""
                const found = [];
                const walk = root => root.querySelectorAll('*').forEach(e => {
                    if (e.tagName.toLowerCase() === 'vaadin-multi-select-combo-box-item' && !e.hidden
                            && e.getClientRects().length > 0 && e.textContent.includes(arguments[0])) found.push(e);
                    if (e.shadowRoot) walk(e.shadowRoot);
                });
                walk(document);
                return found.length === 1 ? found[0] : null;""", filter));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].click();", item);
        browser.waitFor(d -> selectedCount(browser, combo) == before + 1 ? true : null);
        input.sendKeys(Keys.ESCAPE);
    }

    private static long selectedCount(Browser browser, WebElement combo) {
        return ((Number) ((JavascriptExecutor) browser.driver).executeScript("return (arguments[0].selectedItems || []).length;", combo)).longValue();
    }

    /** Opens a vaadin-select and clicks the first item whose words start with {@code words}. */
    static void select(Browser browser, String selectId, String words) {
        WebElement select = browser.waitFor(d -> d.findElement(By.id(selectId)));
        scrollTo(browser, select);
        select.click();
        // several selects may have opened before: take the item that is on screen now
        browser.waitFor(d -> d.findElements(By.xpath("//vaadin-select-item[starts-with(normalize-space(.), '" + words + "')]")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
        browser.waitFor(d -> d.findElement(By.id(selectId)).getText().contains(words) ? true : null);
    }

    static void click(Browser browser, String id) {
        WebElement button = browser.waitFor(d -> d.findElement(By.id(id)));
        scrollTo(browser, button);
        button.click();
    }

    static void scrollTo(Browser browser, WebElement element) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }
}
