package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.calibra.casebank.aiobjects.DemoAiObjects;
import org.calibra.casebank.aiobjects.DemoCtSeries;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.Part10Writer;
import org.calibra.dicom.Tags;
import org.calibra.dicom.TransferSyntax;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Issue 13's "done when", as one journey through the browser: an educator ({@code curator}) uploads a real DICOM CT series
 * (12 slices written by the app's codec, one slice declaring burned-in text), writes the case's text and teaching point,
 * draws two lesions on the images — an ellipse around the nodule and a contour spanning three slices — imports the AI's
 * result as a DICOM SEG and as a DICOM SR TID 1500 (the same files {@code ReferenceToolsTest} checks with dciodvfy and
 * dsrdump), previews the case as a trainee (nothing recorded), and sends it for review; a second educator
 * ({@code educator}) sees the flagged slice with the viewer's banner and approves; the case joins the "Imported cases"
 * module by its tag; a resident ({@code resident2}) reads it with the imported AI marks shown, receives no truth before
 * submitting, and is scored against exactly the two lesions drawn. Canvas pixels are checked where something is drawn.
 */
class AuthoringJourneyE2E {

    static final String SLUG = "e2e-authored-chest-ct";
    static final String TITLE = "Screening CT: follow it slice by slice";
    static final String TEACHING_POINT = "A round opacity seen on consecutive slices is a nodule, not a vessel: scroll before you call it.";
    static final String FALSE_ALARM_NOTE = "A bronchus seen end-on: round on one slice, a tube on the next.";
    /** The demo series' nodule, in image pixels of its middle slice (DemoCtSeries: 0.62 and 0.40 of 128 px, slice 12 / 2). */
    static final int NODULE_IMAGE = 6;
    static final double NODULE_X = 0.62 * 128;
    static final double NODULE_Y = 0.40 * 128;
    /** The second lesion: a contour drawn on image index 4, spanning 3..5. */
    static final int CONTOUR_IMAGE = 4;
    static final double[][] CONTOUR = {{36, 84}, {52, 84}, {52, 100}, {36, 100}};

    @BeforeAll
    static void onlyWhenTheAppRuns() {
        assumeFalse(Boolean.getBoolean("calibra.e2e.skip"), "end-to-end tests skipped (-DskipE2E=true)");
    }

    @Test
    void an_educator_authors_a_case_a_second_educator_publishes_it_and_a_resident_is_scored_against_its_drawn_lesions(@TempDir Path tmp)
            throws IOException {
        Study study = Study.write(tmp);
        try (var browser = new Browser()) {
            LoginPage.open(browser).signInAs("curator", "curator");
            var upload = CaseImportPage.open(browser).upload(study.zip());
            assertThat(upload.status()).contains(" is a draft").doesNotContain(SLUG);
            assertThat(upload.flagged()).contains("image-0001.dcm").contains("BurnedInAnnotation"); // files are renamed: names may identify
            final var draft = upload.openDraft();
            browser.screenshot("authoring-01-uploaded");

            // the text, the vocabulary and the model card: the skeleton's TODOs
            draft.type("draft-title", TITLE)
                    .type("draft-history", "62-year-old former smoker; annual low-dose CT for lung cancer screening.")
                    .type("draft-source", "Synthetic CT phantom written by Calibra's codec; the truth is illustrative.")
                    .type("draft-licence", "CC0-1.0")
                    .type("draft-tags", "imported, synthetic") // its images say they are the synthetic phantom's: the loader wants the tag
                    .type("draft-labels", "nodule")
                    .type("draft-diagnoses", "normal, lung-nodule")
                    .type("draft-point-1", TEACHING_POINT);
            String[][] card = {{"name", "NoduleFinder"}, {"version", "2.1"}, {"intendedUse", "Adult chest CT, nodules of 4 mm and more"},
                    {"trainingData", "Fictional: screening CTs from three sites"}, {"knownFailureModes", "Calls small round structures nodules"},
                    {"reportedPerformance", "Fictional: sensitivity 0.92 at 1 false mark per scan"}};
            for (String[] f : card) {
                draft.type("draft-ai-model-" + f[0], f[1]);
            }
            draft.save();

            // the truth, drawn on the images
            draft.choose("draft-truth-kind", "Abnormal").pick("draft-diagnosis", "lung-nodule");
            draft.choose("draw-layer", "Truth lesions");
            var viewer = ViewerPanel.readingViewer(browser);
            viewer.waitForAttribute("data-state", "ready");
            browser.waitFor(d -> viewer.has("author-bar") ? true : null);
            show(browser, viewer, NODULE_IMAGE);
            viewer.click("author-tool-ellipse");
            viewer.drag(NODULE_IMAGE, NODULE_X - 10, NODULE_Y - 10, NODULE_X + 10, NODULE_Y + 10);
            assertThat(draft.lesion(1)).startsWith("Lesion 1 (L1)").contains("ellipse");
            draft.pick("lesion-label-1", "nodule");

            show(browser, viewer, CONTOUR_IMAGE);
            int colouredBefore = colouredAroundContour(viewer);
            viewer.click("author-tool-polygon");
            for (double[] p : CONTOUR) {
                viewer.clickAt(CONTOUR_IMAGE, p[0], p[1]);
            }
            viewer.press(Keys.ENTER);
            assertThat(draft.lesion(2)).startsWith("Lesion 2 (L2)");
            draft.pick("lesion-label-2", "nodule").type("lesion-first-2", String.valueOf(CONTOUR_IMAGE)) // numbered from 1: 4..6
                    .type("lesion-last-2", String.valueOf(CONTOUR_IMAGE + 2));
            browser.waitFor(d -> draft.lesion(2).contains("images " + CONTOUR_IMAGE) ? true : null);
            draft.clickButton("draft-spread-weights");
            assertThat(colouredAroundContour(viewer)).as("the contour drawn on the image, in colour (before: %d pixels)", colouredBefore)
                    .isGreaterThan(colouredBefore + 30);
            draft.save();
            assertThat(draft.lesion(1)).contains("nodule").contains("ellipse on image " + (NODULE_IMAGE + 1));
            assertThat(draft.lesion(2)).contains("nodule").contains("images " + CONTOUR_IMAGE + "–" + (CONTOUR_IMAGE + 2));

            // the AI's output, from the files an AI product emits
            assertThat(draft.readAiFile(study.seg(), 1)).contains(DemoAiObjects.SEG).doesNotContain("cannot be added");
            assertThat(draft.readAiFile(study.sr(), 2)).contains(DemoAiObjects.SR).doesNotContain("cannot be added");
            draft.addAiFiles();
            assertThat(draft.aiMarks()).as("marks from the SEG's two segments and the SR's findings").isGreaterThanOrEqualTo(3);
            assertThat(draft.aiUnlabelled()).as("the SEG's false alarm is listed until it is labelled").contains("AI mark");
            // the lesson: the AI's false alarm on image 9, labelled on purpose with a note for the feedback
            int falseAlarm = java.util.stream.IntStream.rangeClosed(1, draft.aiMarks()).filter(n -> draft.aiMark(n).contains("image 9 of 12"))
                    .findFirst().orElseThrow(); // the SEG's second segment: a "nodule" on slices 9 and 10 where there is none
            draft.clickButton("draft-ai-add-error")
                    .select("draft-ai-error-1-kind", "The AI marks something that is not a lesion")
                    .select("draft-ai-error-1-mark", "AI mark " + falseAlarm + " (")
                    .type("draft-ai-error-1-note", FALSE_ALARM_NOTE);
            draft.save();
            assertThat(draft.hasNoProblems()).as(draft.problems()).isTrue();
            showNodule(browser);
            browser.screenshot("authoring-02-draft");

            // preview as a trainee: the resident's page, nothing recorded
            var preview = draft.previewAsTrainee();
            assertThat(browser.driver.findElement(By.id("preview-banner")).getText()).isEqualTo("Preview — nothing you do here is recorded");
            browser.waitFor(d -> preview.meanBrightness() > 20 ? true : null); // the CT drawn in the preview
            assertThat(String.valueOf(preview.viewerProperty("truth"))).isIn("null", "", "[]", "undefined");
            preview.markAt(NODULE_IMAGE, NODULE_X, NODULE_Y);
            preview.waitForMarkRows(1);
            preview.assess(true, "lung-nodule", 4);
            var previewFeedback = preview.submit();
            assertThat(previewFeedback.marksAndLesions()).contains("Lesion L1").contains("found").contains("Lesion L2").contains("missed");
            assertThat(previewFeedback.teachingPoints()).contains(TEACHING_POINT);
            showNodule(browser);
            browser.screenshot("authoring-03-preview");
            browser.driver.findElement(By.id("preview-back")).click();
            var again = DraftPage.waitUntilShown(browser);

            again.sendForReview();
            assertThat(again.whyNotAllowedToApprove()).as("its author cannot approve it").contains("a second educator");
        }

        long versionId;
        try (var browser = new Browser()) {
            LoginPage.open(browser).signInAs("educator", "educator");
            var queue = ReviewQueuePage.open(browser);
            assertThat(queue.rowOf(SLUG)).contains("1 image(s) flagged for burned-in text");
            var draft = queue.open(SLUG);
            assertThat(draft.flaggedImages()).contains("image 1 (series-01/image-0001.dcm)").contains("BurnedInAnnotation");
            assertThat(draft.viewerWarnsAboutTheShownImage()).as("the viewer's banner over the flagged slice").isTrue();
            browser.screenshot("authoring-04-review");
            versionId = draft.approveAfterLookingAtTheFlaggedImages().publishedVersionId();
        }

        try (var browser = new Browser()) {
            var home = LoginPage.open(browser).signInAs("resident2", "resident2");
            var module = home.openModule("imported-reads");
            String moduleId = browser.driver.getCurrentUrl().replaceAll(".*/modules/(\\d+).*", "$1");
            assertThat(browser.driver.findElement(By.id("module-view")).getText()).as("the case joined the module by its tag").contains(TITLE);
            module.start();
            browser.network.drain();
            browser.open("read/" + moduleId + "/" + versionId);
            var reading = ReadingPage.waitUntilShown(browser);
            assertThat(reading.caseTitle()).isEqualTo(TITLE);
            // the CT drawn for the resident: the phantom's water disc lights the black viewport (a flat disc has few grey levels)
            browser.waitFor(d -> reading.meanBrightness() > 20 ? true : null);
            Number aiMarks = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                    "const v = arguments[0].aiMarks; return (typeof v === 'string' ? JSON.parse(v) : (v || [])).length;", reading.viewer());
            assertThat(aiMarks.intValue()).as("the imported AI marks, shown while reading").isGreaterThanOrEqualTo(3);
            reading.markAt(NODULE_IMAGE, NODULE_X, NODULE_Y);
            reading.markAt(CONTOUR_IMAGE, 44, 92);
            reading.waitForMarkRows(2);
            reading.describeMark("M1", "nodule", 5);
            reading.describeMark("M2", "nodule", 4);
            reading.assess(true, "lung-nodule", 4);
            for (var r : browser.network.drain()) {
                assertThat(r.body()).as("response %s before the read is in", r.url()).doesNotContain(TEACHING_POINT.substring(0, 40))
                        .doesNotContain("\"truth\":[{");
            }
            assertThat(String.valueOf(reading.viewerProperty("truth"))).isIn("null", "", "[]", "undefined");
            var feedback = reading.submit();
            showNodule(browser);
            browser.screenshot("authoring-05-resident");

            assertThat(feedback.verdict()).isEqualTo("Correct");
            assertThat(feedback.marksAndLesions()).as("scored against exactly the two lesions drawn")
                    .contains("Lesion L1").contains("Lesion L2").contains("hit lesion L1").contains("hit lesion L2").doesNotContain("Lesion L3")
                    .doesNotContain("missed");
            assertThat(feedback.teachingPoints()).contains(TEACHING_POINT);
            assertThat(browser.driver.findElement(By.id("ai-errors")).getText()).as("the AI's deliberate error, explained")
                    .contains("points at no lesion").contains(FALSE_ALARM_NOTE).contains("you did not follow it");

            browser.open("cases/" + SLUG);
            browser.waitFor(d -> d.findElements(By.id("case-page")).isEmpty() ? true : null);
            assertThat(browser.driver.getPageSource()).as("a resident never gets the staff case page").doesNotContain("Show the truth");
        }
    }

    /** Shows image {@code index} in the page's viewer and waits until it is the one shown. */
    private static void show(Browser browser, ViewerPanel viewer, int index) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("return arguments[0].showImage(arguments[1]);", viewer.element(), index);
        viewer.waitForAttribute("data-image-index", String.valueOf(index));
    }

    /** For the screenshots of docs/authoring.md: the page's viewer shows the nodule's slice, where the lesion and the AI meet. */
    private static void showNodule(Browser browser) {
        var viewer = ViewerPanel.readingViewer(browser);
        viewer.waitForAttribute("data-state", "ready");
        show(browser, viewer, NODULE_IMAGE);
    }

    /**
     * Pixels clearly coloured (not grey) in the viewport around the second lesion's contour: what the truth layer draws on a
     * grey CT there (the viewer's banners and bars are elsewhere).
     */
    private static int colouredAroundContour(ViewerPanel viewer) {
        BufferedImage img = viewer.screenshot("viewport");
        var origin = viewer.rect("viewport");
        int[] p = viewer.toClient(CONTOUR_IMAGE, CONTOUR[0][0], CONTOUR[0][1]);
        int[] q = viewer.toClient(CONTOUR_IMAGE, CONTOUR[2][0], CONTOUR[2][1]);
        int x0 = Math.max(0, Math.min(p[0], q[0]) - origin.getX() - 4);
        int x1 = Math.min(img.getWidth() - 1, Math.max(p[0], q[0]) - origin.getX() + 4);
        int y0 = Math.max(0, Math.min(p[1], q[1]) - origin.getY() - 4);
        int y1 = Math.min(img.getHeight() - 1, Math.max(p[1], q[1]) - origin.getY() + 4);
        int n = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The demo CT series (its first slice declaring burned-in text) zipped for upload, and the AI's SEG and SR beside it. */
    record Study(Path zip, Path seg, Path sr) {

        static Study write(Path tmp) throws IOException {
            Path folder = tmp.resolve("study");
            DemoAiObjects.write(folder); // ct-01.dcm … ct-12.dcm, the SEG, the SR and a heatmap, all from one series
            // the same series as DemoAiObjects writes it (same UIDs), with the first slice declaring burned-in text
            DataSet first = new DemoCtSeries("calibra-demo-ai-objects", 12, 128, 6.0).images().getFirst();
            first.putText(Tags.BurnedInAnnotation, "YES");
            Files.write(folder.resolve("ct-01.dcm"), Part10Writer.write(first, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
            Path zip = tmp.resolve(SLUG + ".zip");
            try (OutputStream out = Files.newOutputStream(zip); var z = new ZipOutputStream(out)) {
                for (int k = 1; k <= 12; k++) {
                    String name = String.format("ct-%02d.dcm", k);
                    z.putNextEntry(new ZipEntry(name));
                    z.write(Files.readAllBytes(folder.resolve(name)));
                    z.closeEntry();
                }
            }
            return new Study(zip, folder.resolve(DemoAiObjects.SEG), folder.resolve(DemoAiObjects.SR));
        }
    }
}
