package org.calibra.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The administrator's credentials page: revoke, suspend or reinstate a certificate with a reason. */
final class CredentialAdminPage {

    private final Browser browser;

    private CredentialAdminPage(Browser browser) {
        this.browser = browser;
    }

    static CredentialAdminPage open(Browser browser) {
        browser.open("admin/credentials");
        browser.waitFor(d -> d.findElement(By.id("credential-admin-view")));
        return new CredentialAdminPage(browser);
    }

    String rowText(String publicId) {
        return row(publicId).getText();
    }

    void revoke(String publicId, String reason) {
        change("revoke", publicId, reason);
    }

    private void change(String verb, String publicId, String reason) {
        WebElement button = browser.waitFor(d -> d.findElement(By.id(verb + "-" + publicId)));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        WebElement field = browser.waitFor(d -> d.findElement(By.cssSelector("#status-reason textarea")));
        field.sendKeys(reason);
        browser.driver.findElement(By.id("confirm-status-change")).click();
        browser.waitFor(d -> d.findElements(By.id("status-reason")).isEmpty() ? true : null);
        browser.waitFor(d -> d.findElements(By.id(verb + "-" + publicId)).isEmpty() ? true : null);
    }

    private WebElement row(String publicId) {
        return browser.waitFor(d -> d.findElement(By.id("credential-row-" + publicId)));
    }
}
