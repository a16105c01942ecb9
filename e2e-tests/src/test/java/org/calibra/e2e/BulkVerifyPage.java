package org.calibra.e2e;

import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** "Check many certificates" as a verifier uses it: paste a list, add files, check all, read the table, download the CSV. */
final class BulkVerifyPage {

    /** One row of the results table as a person reads it. */
    record Row(String source, String given, String status, String holder, String certificate, String reason, String issued, String expires,
               String evidence) {}

    private final Browser browser;

    private BulkVerifyPage(Browser browser) {
        this.browser = browser;
    }

    static BulkVerifyPage open(Browser browser) {
        browser.open("verifier/bulk");
        browser.waitFor(d -> d.findElement(By.id("bulk-verify-view")));
        return new BulkVerifyPage(browser);
    }

    BulkVerifyPage paste(String text) {
        WebElement area = browser.waitFor(d -> d.findElement(By.cssSelector("#bulk-input textarea")));
        browser.driver.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", area, text);
        return this;
    }

    BulkVerifyPage upload(Path file) {
        WebElement upload = browser.waitFor(d -> d.findElement(By.id("bulk-upload")));
        WebElement input = browser.waitFor(d -> {
            var inShadow = upload.getShadowRoot().findElements(By.cssSelector("input[type=file]"));
            return inShadow.isEmpty() ? upload.findElements(By.cssSelector("input[type=file]")).stream().findFirst().orElse(null) : inShadow.getFirst();
        });
        input.sendKeys(file.toAbsolutePath().toString());
        String name = file.getFileName().toString();
        browser.waitFor(d -> d.findElement(By.id("bulk-files")).getText().contains(name) ? true : null);
        return this;
    }

    BulkVerifyPage checkAll() {
        WebElement check = browser.driver.findElement(By.id("bulk-check"));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", check);
        check.click();
        browser.waitFor(d -> d.findElement(By.cssSelector("#bulk-result #bulk-summary, #bulk-result #bulk-refused, #bulk-result #bulk-empty")));
        return this;
    }

    String summary() {
        return browser.driver.findElement(By.cssSelector("#bulk-result [role=status]")).getText();
    }

    List<Row> rows() {
        return browser.driver.findElements(By.cssSelector("#bulk-results tbody tr")).stream().map(tr -> {
            var cells = tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            return new Row(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5), cells.get(6), cells.get(7), cells.get(8));
        }).toList();
    }

    List<String> headers() {
        return browser.driver.findElements(By.cssSelector("#bulk-results thead th")).stream().map(WebElement::getText).toList();
    }

    /** The CSV report, fetched through the page's own download link in the signed-in page. */
    CredentialFiles.Download downloadCsv() {
        WebElement link = browser.driver.findElement(By.id("bulk-csv"));
        return CredentialFiles.fetch(browser, link.getAttribute("href"));
    }

    String downloadLinkText() {
        return browser.driver.findElement(By.id("bulk-csv")).getText();
    }
}
