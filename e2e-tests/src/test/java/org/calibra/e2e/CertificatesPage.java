package org.calibra.e2e;

import org.openqa.selenium.By;

final class CertificatesPage {

    private final Browser browser;

    CertificatesPage(Browser browser) {
        this.browser = browser;
    }

    static CertificatesPage open(Browser browser) {
        browser.open("certificates");
        browser.waitFor(d -> d.findElement(By.id("certificates-view")));
        return new CertificatesPage(browser);
    }

    String certificateText() {
        return browser.driver.findElement(By.cssSelector(".certificate-card")).getText();
    }

    String verificationLink() {
        return browser.driver.findElement(By.id("verify-link")).getAttribute("href");
    }

    void signOut() {
        browser.driver.findElement(By.id("logout")).click();
        browser.waitFor(d -> d.findElement(By.id("login-form")));
    }
}
