package org.calibra.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The verification pages' answer: the outcome (machine-readable) and the words shown to people. */
final class VerdictPage {

    private final Browser browser;

    private VerdictPage(Browser browser) {
        this.browser = browser;
    }

    static VerdictPage openUrl(Browser browser, String url) {
        browser.driver.get(url);
        browser.waitFor(d -> d.findElement(By.id("verification-verdict")));
        return new VerdictPage(browser);
    }

    /** The paste page: checks the credential text the way a hospital would paste it. */
    static VerdictPage pasteCredential(Browser browser, String jws) {
        browser.open("verify-credential");
        WebElement area = browser.waitFor(d -> d.findElement(By.cssSelector("#credential-input textarea")));
        browser.driver.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", area, jws);
        WebElement verify = browser.driver.findElement(By.id("verify-credential-button"));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", verify);
        verify.click();
        browser.waitFor(d -> d.findElement(By.cssSelector("#credential-result #verification-verdict")));
        return new VerdictPage(browser);
    }

    /** The same page, with the credential uploaded as a .jwt file instead of pasted. */
    static VerdictPage uploadCredential(Browser browser, java.nio.file.Path file) {
        browser.open("verify-credential");
        WebElement upload = browser.waitFor(d -> d.findElement(By.id("credential-upload")));
        WebElement input = browser.waitFor(d -> {
            var inShadow = upload.getShadowRoot().findElements(By.cssSelector("input[type=file]"));
            return inShadow.isEmpty() ? upload.findElements(By.cssSelector("input[type=file]")).stream().findFirst().orElse(null) : inShadow.getFirst();
        });
        input.sendKeys(file.toAbsolutePath().toString());
        browser.waitFor(d -> d.findElement(By.cssSelector("#credential-result #verification-verdict")));
        return new VerdictPage(browser);
    }

    String outcome() {
        return browser.driver.findElement(By.id("verification-verdict")).getAttribute("data-outcome");
    }

    String words() {
        return browser.driver.findElement(By.id("verdict-word")).getText();
    }

    boolean signedIn() {
        return !browser.driver.findElements(By.id("current-user")).isEmpty();
    }
}
