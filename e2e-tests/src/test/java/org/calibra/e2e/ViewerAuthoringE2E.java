package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The viewer's authoring mode in a real Chromium (ADR 0022): truth lesions drawn as polygons, boxes and freehand
 * contours in image pixels, refused geometry with its hint, undo, key images with the overlay, the burned-in text
 * banner, and outlined truth on the feedback overlay. Like {@link ViewerToolsE2E}, the viewer under test is a second
 * {@code <calibra-viewer>} on the reading page (the page that loads the viewer's module), set up as Java would set up the
 * case editor's; the images are the synthetic CT series served by the test.
 *
 * <p>Uses the second-reader module and never submits, so the resident's journey is unaffected.
 */
class ViewerAuthoringE2E {

    private static final String GREEN = "#009E73";
    private static TestFileServer files;
    private static Browser browser;
    private static List<String> ctUrls;

    @BeforeAll
    static void openTheReadingView() {
        assumeFalse(Boolean.getBoolean("calibra.e2e.skip"), "end-to-end tests skipped (-DskipE2E=true)");
        files = new TestFileServer();
        var slices = new SyntheticCtVolume(128, 12).files();
        ctUrls = new ArrayList<>();
        for (int k = 0; k < slices.size(); k++) {
            ctUrls.add(files.put("/ct/slice-" + (k + 1) + ".dcm", "application/dicom", slices.get(k)));
        }
        browser = new Browser();
        LoginPage.open(browser).signInAs("resident2", "resident2");
        for (String id : List.of("open-module-second-opinion", "start-module")) {
            var element = browser.waitFor(d -> d.findElement(By.id(id)));
            ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            element.click();
        }
        ReadingPage.waitUntilShown(browser);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (files != null) {
            files.close();
        }
    }

    private static ViewerPanel authoring(String layer, int images) {
        var viewer = ViewerPanel.standalone(browser, ctUrls.subList(0, images), "CT");
        viewer.setProperty("markingEnabled", false);
        viewer.setProperty("authoring", layer);
        browser.waitFor(d -> viewer.has("author-bar") ? true : null);
        return viewer;
    }

    @Test
    void a_polygon_clicked_point_by_point_and_closed_with_enter_is_reported_in_image_pixels() {
        var viewer = authoring("truth", 1);
        viewer.click("author-tool-polygon");
        viewer.waitForAttribute("data-tool", "author");
        for (double[] p : new double[][] {{40, 40}, {80, 40}, {80, 80}, {40, 80}}) {
            viewer.clickAt(0, p[0], p[1]);
        }
        browser.waitFor(d -> "4".equals(viewer.shadowAttribute("shape-pending", "data-points")) ? true : null);
        viewer.press(Keys.ENTER);
        browser.waitFor(d -> viewer.events("shape-created").size() == 1 ? true : null);
        var created = viewer.events("shape-created").getFirst();
        assertThat(created).containsEntry("layer", "truth").containsEntry("id", "truth-1");
        @SuppressWarnings("unchecked")
        var shape = (Map<String, Object>) created.get("shape");
        assertThat(shape).containsEntry("shape", "polygon").containsEntry("imageIndex", 0L);
        assertThat(num(shape.get("x"))).isCloseTo(60, within(1.0));
        assertThat(num(shape.get("width"))).isCloseTo(40, within(1.5));
        @SuppressWarnings("unchecked")
        var points = (List<List<Number>>) shape.get("points");
        assertThat(points).hasSize(4);
        assertThat(points.get(2).get(0).doubleValue()).isCloseTo(80, within(1.0));
        viewer.waitForAttribute("data-selected-shape", "truth-1");
        browser.waitFor(d -> viewer.has("shape-truth-truth-1") ? true : null);
        assertThat(viewer.shadowAttribute("shape-truth-truth-1", "data-shape")).isEqualTo("polygon");
        browser.screenshot("authoring-polygon");
    }

    @Test
    void a_contour_that_would_cross_itself_is_refused_with_a_hint_and_a_box_can_be_moved_and_undone() {
        var viewer = authoring("truth", 1);
        viewer.click("author-tool-polygon");
        viewer.clickAt(0, 30, 30);
        viewer.clickAt(0, 70, 30);
        viewer.clickAt(0, 70, 70);
        viewer.clickAt(0, 50, 10); // this line would cross the first one
        browser.waitFor(d -> hint(viewer).contains("cross the contour") ? true : null);
        assertThat(viewer.shadowAttribute("shape-pending", "data-points")).isEqualTo("3");
        viewer.press(Keys.ESCAPE);
        browser.waitFor(d -> !viewer.has("shape-pending") ? true : null);

        viewer.click("author-tool-box");
        viewer.drag(0, 20, 20, 50, 40);
        browser.waitFor(d -> viewer.events("shape-created").size() == 1 ? true : null);
        viewer.click("author-tool-select");
        viewer.drag(0, 35, 30, 45, 50); // by its middle: 10 right, 20 down
        browser.waitFor(d -> viewer.events("shape-changed").size() == 1 ? true : null);
        @SuppressWarnings("unchecked")
        var moved = (Map<String, Object>) viewer.events("shape-changed").getFirst().get("shape");
        assertThat(num(moved.get("x"))).isCloseTo(45, within(1.0));
        assertThat(num(moved.get("y"))).isCloseTo(50, within(1.0));

        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].focus();", viewer.element());
        new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform(); // Actions.sendKeys holds no modifier
        browser.waitFor(d -> viewer.events("shape-changed").size() == 2 ? true : null);
        @SuppressWarnings("unchecked")
        var back = (Map<String, Object>) viewer.events("shape-changed").get(1).get("shape");
        assertThat(num(back.get("x"))).isCloseTo(35, within(1.0));
        viewer.click("delete-shape");
        browser.waitFor(d -> viewer.events("shape-deleted").size() == 1 ? true : null);
    }

    @Test
    void a_freehand_contour_closes_where_the_hand_let_go() {
        var viewer = authoring("ai", 1);
        viewer.click("author-tool-freehand");
        int[][] ring = new int[24][];
        for (int i = 0; i < ring.length; i++) {
            double a = 2 * Math.PI * i / (ring.length - 2); // a little past the start
            ring[i] = viewer.toClient(0, 64 + 20 * Math.cos(a), 64 + 20 * Math.sin(a));
        }
        var actions = new Actions(browser.driver).moveToLocation(ring[0][0], ring[0][1]).clickAndHold();
        for (int[] p : ring) {
            actions.moveToLocation(p[0], p[1]);
        }
        actions.release().perform();
        browser.waitFor(d -> viewer.events("shape-created").size() == 1 ? true : null);
        @SuppressWarnings("unchecked")
        var shape = (Map<String, Object>) viewer.events("shape-created").getFirst().get("shape");
        assertThat(viewer.events("shape-created").getFirst()).containsEntry("layer", "ai");
        assertThat(shape).containsEntry("shape", "polygon");
        assertThat(num(shape.get("x"))).isCloseTo(64, within(2.0));
        assertThat(num(shape.get("radius"))).isCloseTo(20, within(2.5));
        browser.screenshot("authoring-freehand-ai");
    }

    @Test
    void a_key_image_is_a_png_of_the_view_with_its_overlay() throws IOException {
        var viewer = authoring("truth", 1);
        viewer.setProperty("truthShapes", "[{\"id\":\"L1\",\"label\":\"nodule\",\"shape\":\"box\",\"imageIndex\":0,\"x\":64,\"y\":64,"
                + "\"width\":40,\"height\":30}]");
        browser.waitFor(d -> viewer.has("shape-truth-L1") ? true : null);
        viewer.click("key-image");
        browser.waitFor(d -> viewer.events("key-image-captured").size() == 1 ? true : null);
        var captured = viewer.events("key-image-captured").getFirst();
        assertThat(captured).containsEntry("imageIndex", 0L);
        String png = (String) captured.get("png");
        assertThat(png).startsWith("data:image/png;base64,");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.substring(png.indexOf(',') + 1))));
        var viewport = viewer.rect("viewport");
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(viewport.getWidth());
        assertThat(ViewerPanel.distinctGreyLevels(image)).as("the CT image is in it").isGreaterThan(3);
        assertThat(share(image, GREEN)).as("the truth outline is in it").isGreaterThan(0.0005);
    }

    @Test
    void flagged_images_carry_the_burned_in_text_banner() {
        var viewer = ViewerPanel.standalone(browser, ctUrls.subList(0, 3), "CT");
        viewer.setProperty("flaggedImages", "[1]");
        assertThat(viewer.has("burned-in-banner")).isFalse();
        viewer.press(Keys.ARROW_DOWN);
        viewer.waitForAttribute("data-image-index", "1");
        browser.waitFor(d -> viewer.has("burned-in-banner") ? true : null);
        assertThat(viewer.text("burned-in-banner")).isEqualTo("May contain burned-in patient text: check before approving");
        viewer.waitForAttribute("data-flagged", "true");
        viewer.press(Keys.ARROW_DOWN);
        browser.waitFor(d -> !viewer.has("burned-in-banner") ? true : null);
    }

    @Test
    void the_feedback_overlay_draws_an_outlined_truth_lesion_by_its_outline() {
        var viewer = ViewerPanel.standalone(browser, ctUrls.subList(0, 1), "CT");
        viewer.setProperty("truth", "[{\"id\":\"P1\",\"imageIndex\":0,\"x\":60,\"y\":60,\"radius\":25,\"label\":\"nodule\",\"detected\":false,"
                + "\"firstImage\":0,\"lastImage\":0,\"shape\":\"polygon\",\"points\":[[40,40],[80,45],[60,80]]},"
                + "{\"id\":\"C1\",\"imageIndex\":0,\"x\":100,\"y\":100,\"radius\":8,\"label\":\"old\",\"detected\":true}]");
        browser.waitFor(d -> viewer.has("truth-P1") && viewer.has("truth-C1") ? true : null);
        assertThat(viewer.shadowAttribute("truth-P1", "data-shape")).isEqualTo("polygon");
        assertThat((Boolean) ((JavascriptExecutor) browser.driver).executeScript(
                "const s = arguments[0].shadowRoot; return !!s.querySelector('[data-testid=truth-P1] polygon')"
                        + " && !!s.querySelector('[data-testid=truth-C1] circle');", viewer.element())).isTrue();
    }

    /** The note shown over the image ('' when none). */
    private static String hint(ViewerPanel viewer) {
        return (String) ((JavascriptExecutor) browser.driver).executeScript(
                "return arguments[0].shadowRoot.querySelector('[data-testid=viewer-hint]')?.textContent ?? '';", viewer.element());
    }

    /** Share of pixels close to an RGB colour. */
    private static double share(BufferedImage img, String hex) {
        int want = Integer.parseInt(hex.substring(1), 16);
        int hits = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int d = Math.abs((rgb >> 16 & 0xFF) - (want >> 16 & 0xFF)) + Math.abs((rgb >> 8 & 0xFF) - (want >> 8 & 0xFF))
                        + Math.abs((rgb & 0xFF) - (want & 0xFF));
                if (d < 40) {
                    hits++;
                }
            }
        }
        return (double) hits / (img.getWidth() * img.getHeight());
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
