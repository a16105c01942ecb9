package org.calibra.e2e;

import org.openqa.selenium.By;

/** Keycloak's own login page (theme keycloak.v2): username, password, "Sign In". */
final class KeycloakLoginPage {

    private final Browser browser;

    KeycloakLoginPage(Browser browser) {
        this.browser = browser;
    }

    /** Waits until the browser shows Keycloak's login form (after Calibra redirected it there). */
    static KeycloakLoginPage shown(Browser browser) {
        browser.waitFor(d -> d.getCurrentUrl().startsWith(KeycloakServer.URL + "/realms/calibra/") && !d.findElements(By.id("kc-login")).isEmpty());
        return new KeycloakLoginPage(browser);
    }

    HomePage signInAs(String username, String password) {
        browser.driver.findElement(By.id("username")).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys(password);
        browser.driver.findElement(By.id("kc-login")).click();
        browser.waitFor(d -> d.findElement(By.id("home-view")));
        return new HomePage(browser);
    }
}
