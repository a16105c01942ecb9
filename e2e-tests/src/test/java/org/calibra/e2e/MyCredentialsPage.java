package org.calibra.e2e;

import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** "My certificates" as a holder uses it: find a certificate by title, see its badge, download its files, share it, sign out. */
final class MyCredentialsPage {

    private final Browser browser;

    private MyCredentialsPage(Browser browser) {
        this.browser = browser;
    }

    static MyCredentialsPage open(Browser browser) {
        browser.open("certificates");
        browser.waitFor(d -> d.findElement(By.id("certificates-view")));
        return new MyCredentialsPage(browser);
    }

    /** The public id of the certificate whose title contains this text, if the resident holds one. */
    Optional<String> certificateTitled(String titlePart) {
        return browser.driver.findElements(By.cssSelector(".certificate-block")).stream()
                .filter(b -> b.getAttribute("data-title").contains(titlePart)).map(b -> b.getAttribute("data-certificate")).findFirst();
    }

    /** Any certificate the resident holds, a valid one first. */
    Optional<String> anyCertificate() {
        var blocks = browser.driver.findElements(By.cssSelector(".certificate-block"));
        return blocks.stream().filter(b -> b.findElement(By.cssSelector(".cert-status")).getText().equalsIgnoreCase("Valid")).findFirst()
                .or(() -> blocks.stream().findFirst()).map(b -> b.getAttribute("data-certificate"));
    }

    String status(String publicId) {
        return block(publicId).findElement(By.cssSelector(".cert-status")).getText();
    }

    CredentialFiles.Download downloadPdf(String publicId) {
        return CredentialFiles.fetch(browser, block(publicId).findElement(By.cssSelector("a.download-pdf")).getAttribute("href"));
    }

    CredentialFiles.Download downloadCredential(String publicId) {
        return CredentialFiles.fetch(browser, block(publicId).findElement(By.cssSelector("a.download-credential")).getAttribute("href"));
    }

    String shareLink(String publicId) {
        return block(publicId).findElement(By.cssSelector(".share-link")).getAttribute("value");
    }

    /** The width the browser decoded the certificate's badge image at (0: it did not load). */
    long badgeNaturalWidth(String publicId) {
        var badge = block(publicId).findElement(By.cssSelector("img.certificate-badge"));
        browser.waitFor(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return arguments[0].complete", badge)));
        return (Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("return arguments[0].naturalWidth", badge);
    }

    /** The "Add to LinkedIn profile" link's address. */
    String addToLinkedInHref(String publicId) {
        return block(publicId).findElement(By.cssSelector("a.add-to-linkedin")).getAttribute("href");
    }

    /** Presses "Copy link" and returns what the page then says about it. */
    String copyLink(String publicId) {
        var block = block(publicId);
        block.findElement(By.cssSelector("vaadin-button.copy-link")).click();
        browser.waitFor(d -> !block.findElement(By.cssSelector(".copy-status")).getText().isBlank());
        return block.findElement(By.cssSelector(".copy-status")).getText();
    }

    void signOut() {
        browser.driver.findElement(By.id("logout")).click();
        browser.waitFor(d -> d.findElement(By.id("login-form")));
    }

    private WebElement block(String publicId) {
        return browser.driver.findElement(By.cssSelector(".certificate-block[data-certificate='" + publicId + "']"));
    }
}
