package org.calibra.e2e;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;

/**
 * A {@code <calibra-viewer>} as a user works with it: toolbar, keys, drags, and what the viewport shows.
 * {@link #standalone} puts a second viewer on the page that Java does not drive, so a test sets its properties
 * (images, marks, heatmaps, …) exactly as the reading view will, and sees every event it fires.
 */
final class ViewerPanel {

    private final Browser browser;
    private final String id;

    private ViewerPanel(Browser browser, String id) {
        this.browser = browser;
        this.id = id;
    }

    /** The reading view's own viewer. */
    static ViewerPanel readingViewer(Browser browser) {
        return new ViewerPanel(browser, "viewer");
    }

    /**
     * A new viewer element laid over the page (1000×700 CSS px) showing {@code imageUrls}; resolves once the first
     * image is drawn. Needs a page where the viewer's module is loaded (the reading view).
     */
    static ViewerPanel standalone(Browser browser, List<String> imageUrls, String modality) {
        String images = imageUrls.stream().map(u -> "{\"url\":\"" + u + "\",\"frame\":0}").reduce((a, b) -> a + "," + b).orElse("");
        js(browser, """
                document.getElementById('viewer-under-test')?.remove();
                const v = document.createElement('calibra-viewer');
                v.id = 'viewer-under-test';
                v.style.cssText = 'position:fixed;left:0;top:0;width:1000px;height:700px;z-index:1000';
                v.modality = arguments[1];
                v.images = arguments[0];
                window.__viewerEvents = [];
                for (const name of ['mark-placed', 'mark-selected', 'mark-delete-requested', 'image-changed', 'viewer-error',
                    'shape-created', 'shape-changed', 'shape-deleted', 'shape-selected', 'key-image-captured']) {
                  v.addEventListener(name, (e) => window.__viewerEvents.push({ name, detail: e.detail }));
                }
                document.body.appendChild(v);
                """, "[" + images + "]", modality);
        var panel = new ViewerPanel(browser, "viewer-under-test");
        panel.waitForAttribute("data-state", "ready");
        return panel;
    }

    /** Takes the standalone viewer (if any) off the page again. */
    static void removeStandalone(Browser browser) {
        js(browser, "document.getElementById('viewer-under-test')?.remove();");
    }

    WebElement element() {
        return browser.driver.findElement(org.openqa.selenium.By.id(id));
    }

    String attribute(String name) {
        return element().getAttribute(name);
    }

    void waitForAttribute(String name, String value) {
        browser.waitFor(d -> value.equals(attribute(name)) ? true : null);
    }

    /** Sets a property of the element as Java's setProperty does. */
    void setProperty(String name, Object value) {
        js("arguments[0][arguments[1]] = arguments[2];", element(), name, value);
    }

    /** Presses a key with the viewer focused (as after clicking into it). */
    void press(CharSequence key) {
        js("arguments[0].focus();", element());
        new Actions(browser.driver).sendKeys(key).perform();
    }

    void click(String testId) {
        shadow(testId).click();
    }

    boolean has(String testId) {
        return js("return !!arguments[0].shadowRoot.querySelector('[data-testid=\"' + arguments[1] + '\"]');", element(), testId) == Boolean.TRUE;
    }

    /** Where the element with this test id is on the page (CSS px). */
    org.openqa.selenium.Rectangle rect(String testId) {
        return shadow(testId).getRect();
    }

    /** Rectangles of all toolbar controls. */
    List<org.openqa.selenium.Rectangle> toolbarControls() {
        @SuppressWarnings("unchecked")
        var list = (List<WebElement>) js("return Array.from(arguments[0].shadowRoot.querySelectorAll('.toolbar button, .toolbar select, .toolbar input'));",
                element());
        return list.stream().map(WebElement::getRect).toList();
    }

    String text(String testId) {
        return shadow(testId).getText();
    }

    String shadowAttribute(String testId, String name) {
        return (String) js("return arguments[0].shadowRoot.querySelector('[data-testid=\"' + arguments[1] + '\"]').getAttribute(arguments[2]);",
                element(), testId, name);
    }

    /** Chooses a window preset in the toolbar's select by its id (lung, bone, …). */
    void choosePreset(String presetId) {
        js("""
                const s = arguments[0].shadowRoot.querySelector('[data-testid=wl-preset]');
                s.value = arguments[1];
                s.dispatchEvent(new Event('change'));
                """, element(), presetId);
    }

    List<String> presetOptions() {
        @SuppressWarnings("unchecked")
        var list = (List<String>) js("return Array.from(arguments[0].shadowRoot.querySelectorAll('[data-testid=wl-preset] option')).map(o => o.value);",
                element());
        return list;
    }

    /** Client px of image point (x, y) of the shown image. */
    int[] toClient(int imageIndex, double x, double y) {
        @SuppressWarnings("unchecked")
        var p = (Map<String, Number>) js("return arguments[0].imageToClient(arguments[1], arguments[2], arguments[3]);", element(), imageIndex, x, y);
        if (p == null) {
            throw new IllegalStateException("image " + imageIndex + " is not shown");
        }
        return new int[] {(int) Math.round(p.get("x").doubleValue()), (int) Math.round(p.get("y").doubleValue())};
    }

    /** A left-button drag in image pixels of the shown image, in small steps as a hand would. */
    void drag(int imageIndex, double x0, double y0, double x1, double y1) {
        int[] a = toClient(imageIndex, x0, y0);
        int[] b = toClient(imageIndex, x1, y1);
        var actions = new Actions(browser.driver).moveToLocation(a[0], a[1]).clickAndHold();
        for (int i = 1; i <= 5; i++) {
            actions.moveToLocation(a[0] + (b[0] - a[0]) * i / 5, a[1] + (b[1] - a[1]) * i / 5);
        }
        actions.release().perform();
    }

    void clickAt(int imageIndex, double x, double y) {
        int[] a = toClient(imageIndex, x, y);
        new Actions(browser.driver).moveToLocation(a[0], a[1]).click().perform();
    }

    /** Clicks at a fraction (0..1) of the width and height of the element with this test id. */
    void clickAtFraction(String testId, double fx, double fy) {
        WebElement target = shadow(testId);
        var r = target.getRect();
        new Actions(browser.driver).moveToLocation(r.getX() + (int) (r.getWidth() * fx), r.getY() + (int) (r.getHeight() * fy)).click().perform();
    }

    /** A left-button drag between two fractions of the element with this test id. */
    void dragAtFractions(String testId, double fx0, double fy0, double fx1, double fy1) {
        var r = shadow(testId).getRect();
        int x0 = r.getX() + (int) (r.getWidth() * fx0);
        int y0 = r.getY() + (int) (r.getHeight() * fy0);
        int x1 = r.getX() + (int) (r.getWidth() * fx1);
        int y1 = r.getY() + (int) (r.getHeight() * fy1);
        var actions = new Actions(browser.driver).moveToLocation(x0, y0).clickAndHold();
        for (int i = 1; i <= 5; i++) {
            actions.moveToLocation(x0 + (x1 - x0) * i / 5, y0 + (y1 - y0) * i / 5);
        }
        actions.release().perform();
    }

    void scrollWheel(int notches) {
        new Actions(browser.driver).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(shadow("viewport")), 0, notches * 100).perform();
    }

    /** The measurements with the figures shown beside them, e.g. {kind=length, lines=[100.0 mm]}. */
    List<Map<String, Object>> measurements() {
        @SuppressWarnings("unchecked")
        var list = (List<Map<String, Object>>) js("return arguments[0].measurements();", element());
        return list;
    }

    /** Text Cornerstone draws in the viewport (measurement labels). */
    List<String> textInViewport() {
        @SuppressWarnings("unchecked")
        var list = (List<String>) js("return Array.from(arguments[0].shadowRoot.querySelectorAll('[data-testid=viewport] svg text')).map(t => t.textContent);",
                element());
        return list;
    }

    /** Events the element fired since it was created: [{name, detail}]. */
    List<Map<String, Object>> events(String name) {
        @SuppressWarnings("unchecked")
        var all = (List<Map<String, Object>>) js("return window.__viewerEvents;");
        List<Map<String, Object>> result = new ArrayList<>();
        for (var e : all) {
            if (name.equals(e.get("name"))) {
                @SuppressWarnings("unchecked")
                var detail = (Map<String, Object>) e.get("detail");
                result.add(detail);
            }
        }
        return result;
    }

    /** Attributes of the overlay group of mark {@code id} (data-shape, data-rx, …), or null when not drawn. */
    @SuppressWarnings("unchecked")
    Map<String, String> drawnMark(String markId) {
        return (Map<String, String>) js("""
                const g = arguments[0].shadowRoot.querySelector('[data-testid="mark-' + arguments[1] + '"]');
                if (!g) return null;
                const r = {};
                for (const a of g.attributes) r[a.name] = a.value;
                r.outline = g.querySelector('ellipse') ? 'ellipse' : g.querySelector('rect') ? 'rect' : 'circle';
                return r;
                """, element(), markId);
    }

    /** Screenshot of the element with this test id, as the user sees it. */
    BufferedImage screenshot(String testId) {
        try {
            return ImageIO.read(new ByteArrayInputStream(shadow(testId).getScreenshotAs(OutputType.BYTES)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double meanGrey(BufferedImage img) {
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

    static int distinctGreyLevels(BufferedImage img) {
        var levels = new java.util.BitSet(256);
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                levels.set(((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3);
            }
        }
        return levels.cardinality();
    }

    /** Share of pixels that are clearly coloured (not grey): the heatmap, on a grey-scale image. */
    static double colouredShare(BufferedImage img) {
        int coloured = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
                    coloured++;
                }
                n++;
            }
        }
        return (double) coloured / n;
    }

    private WebElement shadow(String testId) {
        return (WebElement) js("return arguments[0].shadowRoot.querySelector('[data-testid=\"' + arguments[1] + '\"]');", element(), testId);
    }

    private Object js(String script, Object... args) {
        return js(browser, script, args);
    }

    private static Object js(Browser browser, String script, Object... args) {
        return ((JavascriptExecutor) browser.driver).executeScript(script, args);
    }
}
