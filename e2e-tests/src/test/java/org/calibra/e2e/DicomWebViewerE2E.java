package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reading view loads its images over DICOMweb: the viewer says so ({@code data-transport}), the browser's resource
 * timings show the series metadata and WADO-RS frame requests under /dicomweb and no Part 10 file download, every
 * image of the stack arrives (prefetched), and real pixels are on the canvas.
 */
class DicomWebViewerE2E {

    @Test
    void the_reading_view_loads_a_ct_series_over_wadors_and_prefetches_the_rest() {
        try (var browser = new Browser()) {
            var reading = LoginPage.open(browser).signInAs("resident", "resident").openModule("ct-nodules-second-reader").start();
            var viewer = ViewerPanel.readingViewer(browser);
            viewer.waitForAttribute("data-state", "ready");
            assertThat(viewer.attribute("data-transport")).isEqualTo("wadors");
            viewer.waitForAttribute("data-all-loaded", String.valueOf(reading.imageCount()));

            @SuppressWarnings("unchecked")
            List<String> urls = (List<String>) browser.driver.executeScript(
                    "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname);");
            assertThat(urls).anyMatch(u -> u.matches("/dicomweb/cases/\\d+/studies/[0-9.]+/series/[0-9.]+/metadata"));
            assertThat(urls.stream().filter(u -> u.matches("/dicomweb/cases/\\d+/studies/.*/instances/[0-9.]+/frames/1")).count())
                    .as("one frame request per slice").isEqualTo(reading.imageCount());
            assertThat(urls).noneMatch(u -> u.startsWith("/files/dicom/"));
            // marks in the order the viewer set them: the first image was on screen before the whole series was in
            Number first = (Number) browser.driver.executeScript("return performance.getEntriesByName('calibra-first-image').at(-1).startTime;");
            Number all = (Number) browser.driver.executeScript("return performance.getEntriesByName('calibra-all-loaded').at(-1).startTime;");
            assertThat(first.doubleValue()).isLessThanOrEqualTo(all.doubleValue());

            var pixels = viewer.screenshot("viewport");
            assertThat(ViewerPanel.distinctGreyLevels(pixels)).as("a CT slice, not a blank canvas").isGreaterThan(20);
        }
    }
}
