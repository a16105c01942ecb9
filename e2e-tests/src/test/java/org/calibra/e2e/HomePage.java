package org.calibra.e2e;

import org.openqa.selenium.By;

final class HomePage {

    private final Browser browser;

    HomePage(Browser browser) {
        this.browser = browser;
    }

    String text() {
        return browser.driver.findElement(By.id("home-view")).getText();
    }

    static HomePage open(Browser browser) {
        browser.open("");
        browser.waitFor(d -> d.findElement(By.id("home-view")));
        return new HomePage(browser);
    }

    /** The text of the "Next step" button, e.g. "Continue First reads with a concurrent AI". */
    String nextStepButton() {
        return browser.driver.findElement(By.id("next-step-button")).getText();
    }

    /** A module's status line on Home, e.g. "Passed after 6 of 7 cases". */
    String moduleStatus(String moduleSlug) {
        return browser.driver.findElement(By.id("module-status-" + moduleSlug)).getText();
    }

    boolean hasOpenButton(String moduleSlug) {
        return !browser.driver.findElements(By.id("open-module-" + moduleSlug)).isEmpty();
    }

    String signedInUser() {
        return browser.driver.findElement(By.id("current-user")).getText();
    }

    ModulePage openModule(String moduleSlug) {
        var button = browser.waitFor(d -> d.findElement(By.id("open-module-" + moduleSlug)));
        // as a user scrolls to it: further down the list it may sit under the bottom edge
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        browser.waitFor(d -> d.findElement(By.id("module-view")));
        return new ModulePage(browser);
    }
}
