package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * An educator draws a case's ground truth on its images (issue 13, ADR 0022): on a draft (the demo MR case uploaded
 * under a new id) she picks "Truth lesions" under "Draw on the images", draws an ellipse on the canvas with the mouse,
 * finds it in the list of lesions, gives it a label, picks the case's first lesion in the list (the viewer selects it),
 * saves, reloads the page — and the lesion is still there.
 */
class DrawTruthE2E {

    static final String SLUG = "e2e-drawn-truth";

    @BeforeAll
    static void onlyWhenTheAppRuns() {
        assumeFalse(Boolean.getBoolean("calibra.e2e.skip"), "end-to-end tests skipped (-DskipE2E=true)");
    }

    @Test
    void an_ellipse_drawn_on_a_draft_is_a_lesion_in_the_list_and_stays_after_saving_and_reloading(@TempDir Path tmp) throws IOException {
        try (var browser = new Browser()) {
            LoginPage.open(browser).signInAs("curator", "curator");
            var draft = CaseImportPage.open(browser).upload(caseZip(tmp)).openDraft();

            draft.choose("draw-layer", "Truth lesions");
            var viewer = ViewerPanel.readingViewer(browser); // the page's own viewer, id "viewer"
            viewer.waitForAttribute("data-state", "ready");
            browser.waitFor(d -> viewer.has("author-bar") ? true : null);
            viewer.click("author-tool-ellipse");
            viewer.drag(0, 12, 12, 28, 24);

            String summary = browser.waitFor(d -> {
                var s = d.findElements(By.id("lesion-summary-2"));
                return s.isEmpty() ? null : s.getFirst().getText();
            });
            assertThat(summary).startsWith("Lesion 2 (L2):").contains("ellipse on image 1");
            draft.pick("lesion-label-2", "cpa-mass");
            browser.waitFor(d -> d.findElement(By.id("lesion-summary-2")).getText().contains("cpa-mass") ? true : null);
            browser.screenshot("draw-truth-drawn");

            click(browser, "lesion-show-1"); // the list selects in the viewer, and the viewer answers
            viewer.waitForAttribute("data-selected-shape", "L1");
            browser.waitFor(d -> d.findElement(By.id("lesion-row-1")).getDomAttribute("class").contains("selected") ? true : null);

            click(browser, "draft-save");
            browser.waitFor(d -> d.findElement(By.id("draft-meta")).getText().contains("revision 2") ? true : null);
            browser.driver.navigate().refresh();
            DraftPage.waitUntilShown(browser);

            String after = browser.waitFor(d -> d.findElement(By.id("lesion-summary-2")).getText());
            assertThat(after).isEqualTo(summaryWithLabel(summary));
            browser.screenshot("draw-truth-reloaded");
        }
    }

    private static String summaryWithLabel(String drawn) {
        return drawn.replace("no label yet", "cpa-mass");
    }

    private static void click(Browser browser, String id) {
        WebElement e = browser.waitFor(d -> d.findElement(By.id(id)));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
    }

    /** The demo MR case (one 64 × 64 image, one lesion) under a new id, beside its DICOM file. */
    private static Path caseZip(Path tmp) throws IOException {
        Path source = Path.of("cases/mr-iac-schwannoma-detected");
        String yaml = Files.readString(source.resolve("case.yaml")).replaceFirst("(?m)^id: .*$", "id: " + SLUG);
        Path zip = tmp.resolve(SLUG + ".zip");
        try (OutputStream out = Files.newOutputStream(zip); var z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(SLUG + "/case.yaml"));
            z.write(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry(SLUG + "/MR_small.dcm"));
            z.write(Files.readAllBytes(source.resolve("MR_small.dcm")));
            z.closeEntry();
        }
        return zip;
    }
}
