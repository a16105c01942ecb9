package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

/**
 * The viewer's workstation tools in a real Chromium: window presets, invert, measurements, shaped findings,
 * the AI heatmap, the shortcut help and MPR. The images are a synthetic CT series served by the test itself
 * ({@link SyntheticCtVolume}, {@link TestFileServer}); the viewer under test is a second {@code <calibra-viewer>}
 * on the reading page, set up by the test exactly as Java sets up the reading view's viewer.
 *
 * <p>Uses the second-reader module and never submits, so the resident's journey is unaffected.
 */
class ViewerToolsE2E {

    private static final int SIZE = 128;
    private static final int SLICES = 40;
    private static TestFileServer files;
    private static Browser browser;
    private static List<String> ctUrls;
    private static String heatmapUrl;

    @BeforeAll
    static void openTheReadingView() {
        assumeFalse(Boolean.getBoolean("calibra.e2e.skip"), "end-to-end tests skipped (-DskipE2E=true)");
        files = new TestFileServer();
        var volume = new SyntheticCtVolume(SIZE, SLICES);
        ctUrls = new ArrayList<>();
        var slices = volume.files();
        for (int k = 0; k < slices.size(); k++) {
            ctUrls.add(files.put("/ct/slice-" + (k + 1) + ".dcm", "application/dicom", slices.get(k)));
        }
        heatmapUrl = files.put("/heatmap.png", "image/png", heatmapPng());
        browser = new Browser();
        LoginPage.open(browser).signInAs("resident2", "resident2"); // not 'resident', who has seen these cases' answers in another module
        // after other journeys the home and module pages grow (certificate, figures): scroll links into view first
        clickInView("open-module-second-opinion");
        browser.waitFor(d -> d.findElement(By.id("module-view")));
        clickInView("start-module");
        ReadingPage.waitUntilShown(browser);
    }

    private static void clickInView(String id) {
        org.openqa.selenium.WebElement element;
        try {
            element = browser.waitFor(d -> d.findElement(By.id(id)));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("viewer-tools-setup-" + id);
            throw new AssertionError("no #" + id + " on " + browser.driver.getCurrentUrl() + ": "
                    + browser.driver.findElement(By.tagName("body")).getText().replace('\n', '|'), e);
        }
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
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

    @Test
    void the_reading_views_viewer_has_the_new_toolbar_and_fits_a_1280_by_800_screen() {
        ViewerPanel.removeStandalone(browser);
        var viewer = ViewerPanel.readingViewer(browser);
        assertThat(viewer.has("wl-preset")).isTrue();
        assertThat(viewer.has("invert")).isTrue();
        assertThat(viewer.has("tool-length")).isTrue();
        assertThat(viewer.has("mark-shape-ellipse")).isTrue();
        assertThat(viewer.has("help")).isTrue();
        var size = browser.driver.manage().window().getSize();
        try {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
            browser.waitFor(d -> ((Number) ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return window.innerWidth")).intValue() <= 1280 ? true : null);
            browser.screenshot("reading-view-1280x800");
            var box = viewer.element().getRect();
            var image = viewer.rect("viewport");
            assertThat(image.getHeight()).as("image area height at 1280×800").isGreaterThan(450);
            assertThat(image.getWidth()).as("image area width at 1280×800").isGreaterThan(500);
            assertThat(viewer.toolbarControls()).allSatisfy(r -> assertThat(r.getX() + r.getWidth()).isLessThanOrEqualTo(box.getX() + box.getWidth()));
        } finally {
            browser.driver.manage().window().setSize(size);
        }
    }

    @Test
    void ct_presets_and_invert_change_the_picture_and_reset_restores_it() {
        var viewer = ViewerPanel.standalone(browser, ctUrls.subList(20, 21), "CT");
        assertThat(viewer.presetOptions()).containsExactly("default", "lung", "mediastinum", "bone", "brain", "soft-tissue");
        double soft = ViewerPanel.meanGrey(viewer.screenshot("viewport"));

        viewer.choosePreset("lung");
        viewer.waitForAttribute("data-preset", "lung");
        browser.waitFor(d -> Math.abs(ViewerPanel.meanGrey(viewer.screenshot("viewport")) - soft) > 5 ? true : null);

        viewer.press("4"); // brain: a 80 HU window makes soft tissue (40 HU) mid-grey and lungs black
        viewer.waitForAttribute("data-preset", "brain");
        BufferedImage brain = viewer.screenshot("viewport");
        browser.screenshot("viewer-brain-window");

        viewer.press("i");
        viewer.waitForAttribute("data-inverted", "true");
        browser.waitFor(d -> Math.abs(ViewerPanel.meanGrey(viewer.screenshot("viewport")) - ViewerPanel.meanGrey(brain)) > 20 ? true : null);
        browser.screenshot("viewer-brain-window-inverted");

        viewer.press("w");
        viewer.drag(0, 64, 64, 90, 80); // a window/level drag makes the window custom
        viewer.waitForAttribute("data-preset", "custom");

        viewer.press("r");
        viewer.waitForAttribute("data-inverted", "false");
        viewer.waitForAttribute("data-preset", "default");
        browser.waitFor(d -> Math.abs(ViewerPanel.meanGrey(viewer.screenshot("viewport")) - soft) < 2 ? true : null);
    }

    @Test
    void other_modalities_get_the_images_own_window_and_a_full_range_window() {
        var viewer = ViewerPanel.standalone(browser, ctUrls.subList(20, 21), "MR");
        assertThat(viewer.presetOptions()).containsExactly("default", "auto");
        double own = ViewerPanel.meanGrey(viewer.screenshot("viewport"));
        viewer.press("1");
        viewer.waitForAttribute("data-preset", "auto");
        browser.waitFor(d -> Math.abs(ViewerPanel.meanGrey(viewer.screenshot("viewport")) - own) > 5 ? true : null);
        viewer.press("0");
        viewer.waitForAttribute("data-preset", "default");
    }

    @Test
    void length_and_elliptical_roi_measure_in_millimetres_and_hounsfield_units() {
        var viewer = ViewerPanel.standalone(browser, ctUrls.subList(20, 21), "CT");
        double[] soft = new SyntheticCtVolume(SIZE, SLICES).softTissuePoint();

        viewer.press("l");
        viewer.drag(0, 40, 20, 80, 20); // 40 px × 2.5 mm
        browser.waitFor(d -> viewer.measurements().size() == 1 ? true : null);
        assertThat(viewer.textInViewport()).anySatisfy(t -> assertThat(t).matches("100(\\.0+)? mm"));

        viewer.press("e");
        viewer.drag(0, soft[0], soft[1], soft[0] + 8, soft[1] + 5); // from the centre out
        browser.waitFor(d -> viewer.measurements().size() == 2 ? true : null);
        browser.screenshot("viewer-measurements");
        @SuppressWarnings("unchecked")
        var roiLines = (List<String>) viewer.measurements().stream().filter(m -> m.get("kind").equals("roi")).findFirst().orElseThrow().get("lines");
        assertThat(roiLines).anySatisfy(l -> assertThat(l).startsWith("Area: ").endsWith("mm²"));
        String mean = roiLines.stream().filter(l -> l.startsWith("Mean: ")).findFirst().orElseThrow();
        assertThat(mean).endsWith("HU");
        assertThat(Double.parseDouble(mean.replaceAll("[^0-9.\\-]", ""))).as("mean of 40 HU soft tissue").isCloseTo(40, within(5.0));
        assertThat(viewer.textInViewport()).anySatisfy(t -> assertThat(t).contains("HU"));

        viewer.click("clear-measurements");
        browser.waitFor(d -> viewer.measurements().isEmpty() ? true : null);
        viewer.waitForAttribute("data-measurements", "0");
    }

    @Test
    void a_finding_drawn_as_an_ellipse_is_reported_drawn_selected_inside_and_deleted_by_key() {
        var viewer = ViewerPanel.standalone(browser, ctUrls.subList(20, 21), "CT");
        viewer.click("mark-shape-ellipse");
        viewer.waitForAttribute("data-tool", "mark");
        viewer.drag(0, 30, 40, 70, 60);
        browser.waitFor(d -> viewer.events("mark-placed").size() == 1 ? true : null);
        var placed = viewer.events("mark-placed").getFirst();
        assertThat(placed.get("shape")).isEqualTo("ellipse");
        assertThat(num(placed.get("x"))).isCloseTo(50, within(1.5));
        assertThat(num(placed.get("y"))).isCloseTo(50, within(1.5));
        assertThat(num(placed.get("width"))).isCloseTo(40, within(2.0));
        assertThat(num(placed.get("height"))).isCloseTo(20, within(2.0));

        // what the reading view sends back
        String mark = "{\"id\":\"M1\",\"imageIndex\":0,\"x\":%s,\"y\":%s,\"shape\":\"ellipse\",\"width\":%s,\"height\":%s,\"label\":\"\",\"confidence\":3,\"selected\":%s,\"status\":null}";
        viewer.setProperty("marks", "[" + mark.formatted(placed.get("x"), placed.get("y"), placed.get("width"), placed.get("height"), false) + "]");
        browser.waitFor(d -> viewer.drawnMark("M1") != null ? true : null);
        var drawn = viewer.drawnMark("M1");
        browser.screenshot("viewer-ellipse-finding");
        assertThat(drawn).containsEntry("data-shape", "ellipse").containsEntry("outline", "ellipse").containsEntry("data-selected", "false");
        double rx = Double.parseDouble(drawn.get("data-rx"));
        double ry = Double.parseDouble(drawn.get("data-ry"));
        assertThat(rx / ry).as("a 40 × 20 px ellipse drawn 2:1").isCloseTo(2.0, within(0.15));

        viewer.clickAt(0, 62, 52); // inside the ellipse, away from its centre
        browser.waitFor(d -> viewer.events("mark-selected").size() == 1 ? true : null);
        assertThat(viewer.events("mark-selected").getFirst()).containsEntry("id", "M1");
        assertThat(viewer.events("mark-placed")).as("a click on a finding selects it, it places none").hasSize(1);

        viewer.setProperty("marks", "[" + mark.formatted(placed.get("x"), placed.get("y"), placed.get("width"), placed.get("height"), true) + "]");
        viewer.press(Keys.DELETE);
        browser.waitFor(d -> viewer.events("mark-delete-requested").size() == 1 ? true : null);
        assertThat(viewer.events("mark-delete-requested").getFirst()).containsEntry("id", "M1");

        viewer.click("mark-shape-box");
        viewer.drag(0, 80, 80, 100, 110);
        browser.waitFor(d -> viewer.events("mark-placed").size() == 2 ? true : null);
        assertThat(viewer.events("mark-placed").get(1)).containsEntry("shape", "box");
    }

    @Test
    void the_ai_heatmap_is_drawn_in_colour_only_while_the_ai_is_visible() {
        var viewer = ViewerPanel.standalone(browser, ctUrls.subList(20, 21), "CT");
        viewer.setProperty("heatmaps", "[{\"imageIndex\":0,\"url\":\"" + heatmapUrl + "\"}]");
        viewer.waitForAttribute("data-heatmap-shown", "false");
        assertThat(ViewerPanel.colouredShare(viewer.screenshot("viewport"))).isLessThan(0.001);

        viewer.setProperty("aiVisible", true);
        viewer.waitForAttribute("data-heatmap-shown", "true");
        browser.screenshot("viewer-heatmap");
        assertThat(ViewerPanel.colouredShare(viewer.screenshot("viewport"))).as("coloured share with the heatmap").isGreaterThan(0.02);
        assertThat(viewer.has("heatmap-opacity")).isTrue();

        viewer.click("heatmap-toggle");
        viewer.waitForAttribute("data-heatmap-shown", "false");
        viewer.press("g");
        viewer.waitForAttribute("data-heatmap-shown", "true");

        viewer.setProperty("aiVisible", false);
        viewer.waitForAttribute("data-heatmap-shown", "false");
        assertThat(ViewerPanel.colouredShare(viewer.screenshot("viewport"))).isLessThan(0.001);
    }

    @Test
    void the_shortcut_help_opens_with_a_key_and_closes_with_escape() {
        var viewer = ViewerPanel.standalone(browser, ctUrls.subList(20, 21), "CT");
        viewer.press("?");
        browser.waitFor(d -> viewer.has("help-dialog") ? true : null);
        assertThat(viewer.shadowAttribute("help-dialog", "role")).isEqualTo("dialog");
        assertThat(viewer.shadowAttribute("help-dialog", "aria-labelledby")).isEqualTo("help-title");
        assertThat(viewer.text("help-dialog")).contains("Keyboard shortcuts").contains("Invert").contains("Measure a length");
        browser.screenshot("viewer-help");
        new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.waitFor(d -> !viewer.has("help-dialog") ? true : null);

        viewer.click("help");
        browser.waitFor(d -> viewer.has("help-dialog") ? true : null);
        viewer.click("help-close");
        browser.waitFor(d -> !viewer.has("help-dialog") ? true : null);
    }

    @Test
    void invert_stays_on_while_scrolling_and_cine_plays_through_the_stack_and_pauses() {
        var viewer = ViewerPanel.standalone(browser, ctUrls.subList(0, 10), "CT");
        viewer.press("i"); // air (most of the picture) turns white
        browser.waitFor(d -> ViewerPanel.meanGrey(viewer.screenshot("viewport")) > 128 ? true : null);
        viewer.press(Keys.ARROW_DOWN);
        viewer.press(Keys.ARROW_DOWN);
        viewer.waitForAttribute("data-image-index", "2");
        assertThat(ViewerPanel.meanGrey(viewer.screenshot("viewport"))).as("still inverted on another slice").isGreaterThan(128);

        viewer.press(" ");
        viewer.waitForAttribute("data-cine", "true");
        browser.waitFor(d -> Integer.parseInt(viewer.attribute("data-image-index")) >= 3 ? true : null);
        viewer.press(" ");
        viewer.waitForAttribute("data-cine", "false");
    }

    @Test
    void a_ct_volume_opens_in_three_mpr_views_and_returns_to_the_slice_at_the_crosshair() {
        var viewer = ViewerPanel.standalone(browser, ctUrls, "CT");
        browser.waitFor(d -> viewer.has("mpr-toggle") ? true : null);
        viewer.press("1"); // lung window, kept in MPR
        viewer.click("mpr-toggle");
        viewer.waitForAttribute("data-mpr", "ready");
        browser.screenshot("viewer-mpr");
        for (String plane : List.of("mpr-axial", "mpr-coronal", "mpr-sagittal")) {
            browser.waitFor(d -> ViewerPanel.distinctGreyLevels(viewer.screenshot(plane)) > 3 ? true : null);
        }
        assertThat(viewer.shadowAttribute("tool-mark", "disabled")).as("no marking in MPR").isNotNull();
        assertThat(viewer.text("mpr-note")).contains("acquired slices");

        // a click in the coronal view moves the crosshair there: above the centre = towards the head (higher slices)
        viewer.clickAtFraction("mpr-coronal", 0.3, 0.42); // away from the sagittal line at 0.5
        browser.waitFor(d -> Integer.parseInt(viewer.attribute("data-mpr-slice")) > SLICES / 2 + 3 ? true : null);
        assertThat(viewer.text("image-counter")).startsWith("✛ " + (Integer.parseInt(viewer.attribute("data-mpr-slice")) + 1) + " / ");
        viewer.click("mpr-toggle");
        viewer.waitForAttribute("data-mpr", "off");
        browser.screenshot("viewer-after-mpr");
        int shown = Integer.parseInt(viewer.attribute("data-image-index"));
        assertThat(shown).as("slice at the crosshair, centre is %s", SLICES / 2).isBetween(SLICES / 2 + 4, SLICES - 1);
        viewer.waitForAttribute("data-preset", "lung");

        // window/level in one MPR view: all views and, after MPR, the stack keep that window
        viewer.press("v");
        viewer.waitForAttribute("data-mpr", "ready");
        assertThat(viewer.attribute("data-preset")).isEqualTo("lung");
        BufferedImage coronalBefore = viewer.screenshot("mpr-coronal");
        viewer.press("w");
        viewer.dragAtFractions("mpr-axial", 0.12, 0.15, 0.25, 0.35); // away from the crosshair lines
        viewer.waitForAttribute("data-preset", "custom");
        browser.waitFor(d -> Math.abs(ViewerPanel.meanGrey(viewer.screenshot("mpr-coronal")) - ViewerPanel.meanGrey(coronalBefore)) > 3 ? true : null);
        viewer.press("v");
        viewer.waitForAttribute("data-mpr", "off");
        assertThat(viewer.attribute("data-preset")).isEqualTo("custom");
    }

    @Test
    void a_single_image_has_no_mpr() {
        var viewer = ViewerPanel.standalone(browser, ctUrls.subList(0, 1), "CT");
        assertThat(viewer.has("mpr-toggle")).isFalse();
        assertThat(viewer.attribute("data-volume")).isEqualTo("false");
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    /** 64×64 grey PNG: a bright blob in the upper left quarter fading out, 0 elsewhere. */
    private static byte[] heatmapPng() {
        var img = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        var raster = img.getRaster();
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                double d = Math.hypot(x - 20, y - 20);
                raster.setSample(x, y, 0, d < 14 ? (int) Math.round(255 * (1 - d / 14)) : 0);
            }
        }
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
