package org.calibra.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;

/** "My data": what the signed-in user can download about themselves. */
final class MyDataPage {

    private MyDataPage() {
    }

    /** The JSON the download link serves, as the browser receives it. */
    static String download(Browser browser) {
        browser.open("my-data");
        var link = browser.waitFor(d -> d.findElement(By.id("download-my-data")));
        browser.waitFor(d -> link.getDomAttribute("href") != null);
        return (String) ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0].href).then(r => r.text()).then(done, e => done('failed: ' + e))", link);
    }

    /** The same, from a second tab, leaving the page in the first tab (say, a read in progress) as it is. */
    static String downloadInAnotherTab(Browser browser) {
        String reading = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.TAB);
        try {
            return download(browser);
        } finally {
            browser.driver.close();
            browser.driver.switchTo().window(reading);
        }
    }
}
