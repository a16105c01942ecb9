package org.calibra.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The admin's Users page: the list, its search, the new-user dialog, row actions and their confirmations. */
final class UsersPage {

    private final Browser browser;

    UsersPage(Browser browser) {
        this.browser = browser;
    }

    static UsersPage open(Browser browser) {
        browser.open("users");
        browser.waitFor(d -> d.findElement(By.id("users-view")));
        return new UsersPage(browser);
    }

    /** Creates a local user by invitation and returns the one-time link the dialog shows. */
    String invite(String username, String name, String role) {
        Fields.click(browser, "new-user");
        Fields.type(browser, "new-username", username);
        Fields.type(browser, "new-display-name", name);
        chooseInDialog("new-role", role);
        Fields.click(browser, "create-user");
        WebElement link = browser.waitFor(d -> d.findElement(By.cssSelector("#one-time-link input")));
        browser.waitFor(d -> !link.getDomProperty("value").isBlank() ? true : null);
        String url = link.getDomProperty("value");
        Fields.click(browser, "link-done");
        browser.waitFor(d -> d.findElements(By.id("one-time-link")).isEmpty() ? true : null);
        return url;
    }

    /** Picks an item of a select in the dialog: from the opened list only (the rows behind show their roles as select items too). */
    private void chooseInDialog(String selectId, String words) {
        Fields.click(browser, selectId);
        browser.waitFor(d -> d.findElements(By.xpath("//vaadin-select-list-box//vaadin-select-item[starts-with(normalize-space(.), '" + words + "')]"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
        browser.waitFor(d -> d.findElement(By.id(selectId)).getText().contains(words) ? true : null);
    }

    /** Narrows the list to rows whose name or username contains the text. */
    UsersPage search(String text) {
        Fields.type(browser, "user-search", text);
        browser.waitFor(d -> d.findElement(By.id("user-count")).getText().contains(" of ") ? true : null);
        return this;
    }

    String listText() {
        return browser.driver.findElement(By.id("users")).getText();
    }

    boolean hasAction(String actionId) {
        return !browser.driver.findElements(By.id(actionId)).isEmpty();
    }

    /** Presses a row action (e.g. {@code disable-rosa}) and returns the confirmation's header, which names the person. */
    String ask(String actionId) {
        // the grid re-renders its rows after a search: take the button once it is on screen
        WebElement button = browser.waitFor(d -> d.findElements(By.id(actionId)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        Fields.scrollTo(browser, button);
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].click()", button);
        WebElement dialog = browser.waitFor(d -> d.findElement(By.id("confirm-dialog")));
        browser.waitFor(d -> d.findElement(By.id("confirm-yes")).isDisplayed() ? true : null);
        return (String) ((JavascriptExecutor) browser.driver).executeScript("return arguments[0].header", dialog);
    }

    /** Confirms the open dialog and returns the notification that reports the change. */
    String confirm() {
        browser.driver.findElement(By.id("confirm-yes")).click();
        return browser.waitFor(d -> {
            Object text = ((JavascriptExecutor) d).executeScript("""
                    const cards = [];
                    const walk = root => root.querySelectorAll('*').forEach(e => {
                        if (e.tagName.toLowerCase() === 'vaadin-notification-card') cards.push(e.textContent.trim());
                        if (e.shadowRoot) walk(e.shadowRoot);
                    });
                    walk(document);
                    return cards.filter(t => t.length > 0).pop() || null;""");
            return text == null ? null : text.toString();
        });
    }

    /** Waits until the list shows the text (a status after a change, say). */
    UsersPage waitForText(String text) {
        browser.waitFor(d -> d.findElement(By.id("users")).getText().contains(text) ? true : null);
        return this;
    }
}
