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
