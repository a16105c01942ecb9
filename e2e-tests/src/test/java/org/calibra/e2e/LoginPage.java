package org.calibra.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** Vaadin's login form; its fields live in light DOM inputs of vaadin-text-field / vaadin-password-field. */
final class LoginPage {

    private final Browser browser;

    LoginPage(Browser browser) {
        this.browser = browser;
    }

    static LoginPage open(Browser browser) {
        browser.open("login");
        browser.waitFor(d -> d.findElement(By.id("login-form")));
        return new LoginPage(browser);
    }

    HomePage signInAs(String username, String password) {
        submit(username, password);
        browser.waitFor(d -> d.findElement(By.id("home-view")));
        return new HomePage(browser);
    }

    /** Signs in after the session was lost while reading: the app returns to the case that was open. */
    ReadingPage signInBackToReading(String username, String password) {
        submit(username, password);
        return ReadingPage.waitUntilShown(browser);
    }

    /** A sign-in the app refuses: the error the form shows afterwards (its title and message). */
    java.util.Map<?, ?> refused(String username, String password) {
        submit(username, password);
        var js = (JavascriptExecutor) browser.driver;
        browser.waitFor(d -> d.getCurrentUrl().contains("error") && Boolean.TRUE.equals(
                js.executeScript("const f = document.getElementById('login-form'); return !!f && f.error === true")));
        return (java.util.Map<?, ?>) js.executeScript("return document.getElementById('login-form').i18n.errorMessage");
    }

    private void submit(String username, String password) {
        WebElement form = browser.driver.findElement(By.id("login-form"));
        browser.waitFor(d -> form.findElement(By.cssSelector("input[name='username']")));
        form.findElement(By.cssSelector("input[name='username']")).sendKeys(username);
        form.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
        var submit = form.findElement(By.cssSelector("vaadin-button[slot='submit']"));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].click()", submit);
    }
}
