package org.calibra.e2e;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The reading workstation: the viewer element and the side panel. */
final class ReadingPage {

    private final Browser browser;

    private ReadingPage(Browser browser) {
        this.browser = browser;
    }

    static ReadingPage waitUntilShown(Browser browser) {
        browser.waitFor(d -> d.findElement(By.id("reading-view")));
        var page = new ReadingPage(browser);
        browser.waitFor(d -> "ready".equals(page.viewer().getAttribute("data-state")) ? true : null);
        return page;
    }

    /** How many images the stack has (what Java sent the viewer). */
    int imageCount() {
        return ((Number) js("return JSON.parse(arguments[0].images || '[]').length;", viewer())).intValue();
    }

    WebElement viewer() {
        return browser.driver.findElement(By.id("viewer"));
    }

    String caseTitle() {
        return browser.driver.findElement(By.id("case-title")).getText();
    }

    String pageSource() {
        return browser.driver.getPageSource();
    }

    /** A property of the viewer element as the browser holds it (e.g. the JSON the server sent). */
    Object viewerProperty(String name) {
        return js("return arguments[0][arguments[1]];", viewer(), name);
    }

    /** What the user sees in the viewport: a screenshot of it, reduced to how many distinct grey levels it shows. */
    int distinctLevelsInViewport() {
        WebElement viewport = (WebElement) js("return arguments[0].shadowRoot.querySelector('[data-testid=viewport]');", viewer());
        byte[] png = viewport.getScreenshotAs(OutputType.BYTES);
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            var levels = new java.util.BitSet(256);
            for (int y = 0; y < img.getHeight(); y += 2) {
                for (int x = 0; x < img.getWidth(); x += 2) {
                    int rgb = img.getRGB(x, y);
                    levels.set(((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3);
                }
            }
            return levels.cardinality();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mean grey level of what the viewport shows (0..255). */
    double meanBrightness() {
        BufferedImage img = viewportScreenshot();
        long sum = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                sum += ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
                n++;
            }
        }
        return (double) sum / n;
    }

    /** Drags across the image with the default left-button tool, window/level. */
    void dragWindowLevel(int dx, int dy) {
        toolbarButton("tool-wl").click();
        new Actions(browser.driver).moveToElement(viewport()).clickAndHold().moveByOffset(dx / 2, dy / 2).moveByOffset(dx / 2, dy / 2)
                .release().perform();
    }

    /** One notch of the mouse wheel over the image. */
    void scrollWheel(int notches) {
        new Actions(browser.driver).scrollFromOrigin(org.openqa.selenium.interactions.WheelInput.ScrollOrigin.fromElement(viewport()), 0,
                notches * 100).perform();
    }

    int shownImageIndex() {
        return Integer.parseInt(viewer().getAttribute("data-image-index"));
    }

    int aiMarksDrawn() {
        return ((java.util.List<?>) js("return Array.from(arguments[0].shadowRoot.querySelectorAll('[data-testid^=ai-]'));", viewer())).size();
    }

    void toggleAi() {
        browser.driver.findElement(By.id("ai-toggle")).click();
    }

    private WebElement viewport() {
        return (WebElement) js("return arguments[0].shadowRoot.querySelector('[data-testid=viewport]');", viewer());
    }

    private BufferedImage viewportScreenshot() {
        try {
            return ImageIO.read(new ByteArrayInputStream(viewport().getScreenshotAs(OutputType.BYTES)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void markAt(int imageIndex, double x, double y) {
        js("return arguments[0].showImage(arguments[1]);", viewer(), imageIndex);
        browser.waitFor(d -> String.valueOf(imageIndex).equals(viewer().getAttribute("data-image-index")) ? true : null);
        toolbarButton("tool-mark").click();
        @SuppressWarnings("unchecked")
        var point = (Map<String, Number>) js("return arguments[0].imageToClient(arguments[1], arguments[2], arguments[3]);",
                viewer(), imageIndex, x, y);
        new Actions(browser.driver).moveToLocation((int) Math.round(point.get("x").doubleValue()),
                (int) Math.round(point.get("y").doubleValue())).click().perform();
    }

    int markRows() {
        return browser.driver.findElements(By.cssSelector("#findings .finding-row")).size();
    }

    void waitForMarkRows(int n) {
        browser.waitFor(d -> markRows() == n ? true : null);
    }

    /** Gives finding {@code markKey} (M1, M2, … in the order placed) a label and a confidence from the side panel. */
    void describeMark(String markKey, String label, int confidence) {
        choose("mark-label-" + markKey, org.calibra.shared.DisplayWords.term(label)); // the drop-down shows words, not the slug
        choose("mark-confidence-" + markKey, String.valueOf(confidence));
    }

    void assess(boolean abnormal, String diagnosis, int confidence) {
        radio("assessment", abnormal ? "Abnormal" : "Normal");
        if (abnormal) {
            WebElement select = browser.driver.findElement(By.id("diagnosis"));
            browser.waitFor(d -> select.getAttribute("disabled") == null ? true : null);
            choose("diagnosis", org.calibra.shared.DisplayWords.term(diagnosis));
        }
        radio("overall-confidence", String.valueOf(confidence));
    }

    /** Second reader: commits the unaided read; the page comes back with the AI shown and the read to revise. */
    ReadingPage commitFirstRead() {
        WebElement before = viewer();
        browser.driver.findElement(By.id("submit-read")).click();
        browser.waitFor(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
        return waitUntilShown(browser);
    }

    /** Marks every lesion of the case where the truth has it and names each with its label (confidence 5). */
    void markTheLesionsOf(DemoContent.Case truth) {
        for (var lesion : truth.lesions()) {
            markAt(lesion.imageIndex(), lesion.x(), lesion.y());
        }
        waitForMarkRows(truth.lesions().size());
        for (int i = 0; i < truth.lesions().size(); i++) {
            describeMark("M" + (i + 1), truth.lesions().get(i).label(), 5);
        }
    }

    boolean showsAiPanel() {
        return !browser.driver.findElements(By.id("ai-section")).isEmpty();
    }

    String submitButtonText() {
        return browser.driver.findElement(By.id("submit-read")).getText();
    }

    FeedbackPage submit() {
        browser.driver.findElement(By.id("submit-read")).click();
        return FeedbackPage.waitUntilShown(browser);
    }

    /** Opens a vaadin-select and clicks the item a user would click. */
    void choose(String selectId, String itemText) {
        WebElement select = browser.driver.findElement(By.id(selectId));
        select.click();
        browser.waitFor(d -> d.findElement(By.xpath("//*[@id='" + selectId + "']//vaadin-select-item[starts-with(normalize-space(.), '"
                + itemText + "')]"))).click();
        // by id again: a choice may rebuild the page (the preview's reading mode does), leaving the element clicked stale
        browser.waitFor(d -> d.findElement(By.id(selectId)).getText().contains(itemText) ? true : null);
    }

    private void radio(String groupId, String label) {
        browser.driver.findElement(By.xpath("//*[@id='" + groupId + "']//vaadin-radio-button[.//label[normalize-space(.)='" + label + "']]")).click();
    }

    // ---- keyboard only (KeyboardReadingE2E): keys where the focus is, the page only watched ----

    /** Presses keys where the focus is, as a keyboard user does. */
    void press(CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    /** Presses {@code key} with Shift held, or Ctrl+Shift when {@code big}. */
    void pressShifted(CharSequence key, boolean big) {
        var actions = new Actions(browser.driver);
        if (big) {
            actions.keyDown(org.openqa.selenium.Keys.CONTROL);
        }
        actions.keyDown(org.openqa.selenium.Keys.SHIFT).sendKeys(key).keyUp(org.openqa.selenium.Keys.SHIFT);
        if (big) {
            actions.keyUp(org.openqa.selenium.Keys.CONTROL);
        }
        actions.perform();
    }

    /**
     * Tabs (at most {@code max} times) until the focus is in element {@code id} (the viewer: on the element itself, not one
     * of its toolbar buttons); fails naming where the focus got stuck.
     */
    void tabTo(String id, int max) {
        String script = """
                const target = document.getElementById(arguments[0]);
                let active = document.activeElement;
                if (!target || !active) return false;
                if (arguments[0] === 'viewer') return active === target && !target.shadowRoot.activeElement;
                return active === target || target.contains(active);""";
        for (int i = 0; i <= max; i++) {
            if (Boolean.TRUE.equals(js(script, id))) {
                return;
            }
            press(org.openqa.selenium.Keys.TAB);
        }
        throw new AssertionError("Tab did not reach #" + id + " in " + max + " presses; the focus is on "
                + js("const a = document.activeElement; return a ? a.tagName + '#' + a.id + ' ' + (a.textContent || '').trim().slice(0, 60) : 'nothing';"));
    }

    /** Whether the focused element shows a focus indicator (an outline or a box shadow drawn around it). */
    boolean focusIsVisible() {
        return Boolean.TRUE.equals(js("""
                let a = document.activeElement;
                while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
                if (!a) return false;
                const s = getComputedStyle(a);
                return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');"""));
    }

    /** The viewer's keyboard cursor, image pixels of the shown image, or null while it is hidden. */
    double[] keyboardCursor() {
        String at = viewer().getAttribute("data-keyboard-cursor");
        if (at == null || at.isBlank()) {
            return null;
        }
        String[] xy = at.split(",");
        return new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
    }

    /** What the viewer last said in its live region (for screen readers). */
    String announcement() {
        // a sentence said twice in a row carries an invisible no-break space the second time (so it is said again)
        return String.valueOf(js("return arguments[0].shadowRoot.querySelector('[data-testid=viewer-announcement]').textContent;", viewer()))
                .replace('\u00a0', ' ').strip();
    }

    /** The live region's role and politeness, as a screen reader sees them. */
    String announcementRegion() {
        return String.valueOf(js("""
                const r = arguments[0].shadowRoot.querySelector('[data-testid=viewer-announcement]');
                return r.getAttribute('role') + ' ' + r.getAttribute('aria-live');""", viewer()));
    }

    /**
     * Steers the keyboard cursor onto image point (x, y) of the shown image {@code imageIndex} with Shift+arrows
     * (Ctrl+Shift+arrows while it is far), looking where the cursor is after each key as a sighted user would.
     */
    void steerCursorTo(int imageIndex, double x, double y) {
        for (int i = 0; i < 300; i++) {
            double[] at = keyboardCursor();
            if (at == null) {
                throw new AssertionError("the keyboard cursor is not shown");
            }
            var from = client(imageIndex, at[0], at[1]);
            var to = client(imageIndex, x, y);
            double dx = to[0] - from[0];
            double dy = to[1] - from[1];
            if (Math.abs(dx) <= 2 && Math.abs(dy) <= 2) {
                return;
            }
            boolean horizontal = Math.abs(dx) >= Math.abs(dy);
            double d = horizontal ? dx : dy;
            CharSequence arrow = horizontal ? (d > 0 ? org.openqa.selenium.Keys.ARROW_RIGHT : org.openqa.selenium.Keys.ARROW_LEFT)
                    : (d > 0 ? org.openqa.selenium.Keys.ARROW_DOWN : org.openqa.selenium.Keys.ARROW_UP);
            pressShifted(arrow, Math.abs(d) >= 20);
        }
        throw new AssertionError("the keyboard cursor did not reach (" + x + ", " + y + ")");
    }

    private double[] client(int imageIndex, double x, double y) {
        @SuppressWarnings("unchecked")
        var p = (Map<String, Number>) js("return arguments[0].imageToClient(arguments[1], arguments[2], arguments[3]);", viewer(), imageIndex, x, y);
        if (p == null) {
            throw new AssertionError("image " + (imageIndex + 1) + " is not shown");
        }
        return new double[] {p.get("x").doubleValue(), p.get("y").doubleValue()};
    }

    /** The focused radio group {@code groupId}: arrow keys until the button labelled {@code label} is checked. */
    void chooseRadioByKeys(String groupId, String label) {
        tabTo(groupId, 80);
        String checked = "const r = document.getElementById(arguments[0]).querySelector('vaadin-radio-button[checked]');"
                + "return r ? r.textContent.trim() : null;";
        press(org.openqa.selenium.Keys.SPACE);
        for (int i = 0; i < 8 && !label.equals(js(checked, groupId)); i++) {
            press(org.openqa.selenium.Keys.ARROW_DOWN);
        }
        browser.waitFor(d -> label.equals(js(checked, groupId)) ? true : null);
    }

    /** The select {@code selectId}, by keys: Tab to it, open it with Enter, arrow down to the item that starts with {@code itemText}, Enter. */
    void chooseByKeys(String selectId, String itemText) {
        // the diagnosis is enabled by the server once "Abnormal" is in: Tab would pass a disabled select by
        browser.waitFor(d -> d.findElement(By.id(selectId)).getAttribute("disabled") == null ? true : null);
        tabTo(selectId, 80);
        press(org.openqa.selenium.Keys.ENTER);
        String focused = """
                let a = document.activeElement;
                while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
                return a && a.tagName === 'VAADIN-SELECT-ITEM' ? a.textContent.trim() : null;""";
        browser.waitFor(d -> js(focused) != null ? true : null);
        for (int i = 0; i < 40 && !String.valueOf(js(focused)).startsWith(itemText); i++) {
            press(org.openqa.selenium.Keys.ARROW_DOWN);
        }
        press(org.openqa.selenium.Keys.ENTER);
        browser.waitFor(d -> d.findElement(By.id(selectId)).getText().contains(itemText) ? true : null);
    }

    /** Tab to the submit button, press Enter: the feedback. */
    FeedbackPage submitByKeys() {
        tabTo("submit-read", 80);
        press(org.openqa.selenium.Keys.ENTER);
        return FeedbackPage.waitUntilShown(browser);
    }

    private WebElement toolbarButton(String testId) {
        return (WebElement) js("return arguments[0].shadowRoot.querySelector('[data-testid=' + arguments[1] + ']');", viewer(), testId);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver).executeScript(script, args);
    }
}
