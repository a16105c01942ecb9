package org.calibra.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both paths are explicit, so Selenium
 * Manager never runs and nothing is downloaded.
 */
final class Browser implements AutoCloseable {

    static final String BASE_URL = System.getProperty("calibra.e2e.baseUrl", "http://localhost:8080");
    private static final String CHROMIUM = System.getProperty("calibra.e2e.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("calibra.e2e.chromedriver", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    final NetworkCapture network;
    private final Path profile;
    private final String baseUrl;

    Browser() {
        this(BASE_URL);
    }

    /**
     * A browser for an app at another address (a journey that starts its own app, e.g. with an archive case), with extra
     * Chromium arguments (bench/dicomweb.sh lets the viewer fetch from Orthanc directly with --disable-web-security).
     */
    Browser(String baseUrl, String... extraArguments) {
        this.baseUrl = baseUrl;
        // every journey starts with a browser: with -DskipE2E=true there is no app to drive, so skip (not fail)
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("calibra.e2e.skip"), "end-to-end tests skipped (-DskipE2E=true)");
        try {
            profile = Files.createTempDirectory("calibra-e2e-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--window-size=1400,900", "--user-data-dir=" + profile);
        options.addArguments(extraArguments);
        options.setCapability("goog:loggingPrefs", java.util.Map.of("performance", "ALL", "browser", "ALL"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        network = new NetworkCapture(driver);
        // every page of this tab records what the Content-Security-Policy blocked, across navigations
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
                addEventListener('securitypolicyviolation', e => {
                  const seen = JSON.parse(sessionStorage.getItem('calibra.csp') || '[]');
                  seen.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
                  sessionStorage.setItem('calibra.csp', JSON.stringify(seen));
                });"""));
    }

    /**
     * What the Content-Security-Policy refused since the browser opened: violation events of the pages, and the
     * console's "Refused to …" messages, which also come from the viewer's decode workers.
     */
    java.util.List<String> cspViolations() {
        var found = new java.util.ArrayList<String>();
        Object stored = driver.executeScript("return sessionStorage.getItem('calibra.csp');");
        if (stored != null) {
            found.add(stored.toString());
        }
        for (var entry : driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy")) {
                found.add(entry.getMessage());
            }
        }
        return found;
    }

    void open(String path) {
        driver.get(baseUrl + "/" + path);
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        // a Vaadin view may rebuild its content between finding an element and reading it: look again, as for one not there yet
        return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    void screenshot(String name) {
        screenshotInto("calibra.e2e.screenshots", name);
    }

    /** The page area as on a 1280x800 laptop screen, whatever the window (for screenshots people compare). */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** A screenshot into the folder a system property names (none: no screenshot), e.g. calibra.e2e.pages for docs/. */
    void screenshotInto(String folderProperty, String name) {
        String dir = System.getProperty(folderProperty);
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
