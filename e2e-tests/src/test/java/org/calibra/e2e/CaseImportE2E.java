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

/**
 * An educator imports a real DICOM case through the app, a second educator approves it, and a resident reads it (ADR 0021):
 * the upload (a zip built here from a demo case's secondary-capture bone scan and a case.yaml tagged 'imported') becomes a
 * draft — de-identification report, the flagged image — which its author sends for review and cannot approve; the second
 * educator ({@code educator}) finds it in the review queue, sees the flagged image's banner, confirms and approves, which
 * publishes it; the resident opens the "Imported cases" module and the imported image is really drawn by the viewer.
 */
class CaseImportE2E {

    static final String SLUG = "e2e-imported-bone-scan";

    @BeforeAll
    static void onlyWhenTheAppRuns() {
        assumeFalse(Boolean.getBoolean("calibra.e2e.skip"), "end-to-end tests skipped (-DskipE2E=true)");
    }

    @Test
    void an_upload_becomes_a_draft_a_second_educator_approves_and_a_resident_reads(@TempDir Path tmp) throws IOException {
        Path zip = caseZip(tmp);
        try (var browser = new Browser()) {
            LoginPage.open(browser).signInAs("curator", "curator");
            var page = CaseImportPage.open(browser).upload(zip);
            browser.screenshot("import-uploaded");

            assertThat(page.status()).contains("“" + title() + "” is a draft", "no problem").doesNotContain(SLUG);
            assertThat(page.flagged()).contains("JPEG2000.dcm").contains("secondary capture");
            assertThat(page.report()).contains("(0010,0010) PatientName").contains("emptied")
                    .contains("(0020,000D) StudyInstanceUID").doesNotContain("1.3.6.1.4.1.5962");
            var draft = page.openDraft();
            assertThat(draft.state()).isEqualTo("draft");
            assertThat(draft.hasNoProblems()).isTrue();
            // the AI section: the AI's mark in words, and its false alarm on a normal case listed until someone labels it
            assertThat(draft.aiMark(1)).startsWith("AI mark 1 — image 1 of 1, at x 232.5");
            assertThat(draft.aiUnlabelled()).contains("AI mark 1 (focal-uptake, image 1", "lies on no truth lesion, and is not labelled a false alarm");
            browser.screenshot("import-draft-ai-section");
            draft.sendForReview();
            assertThat(draft.whyNotAllowedToApprove()).as("its author cannot approve it").contains("a second educator");
            browser.screenshot("import-sent-for-review");
        }
        long versionId;
        try (var browser = new Browser()) {
            LoginPage.open(browser).signInAs("educator", "educator");
            var queue = ReviewQueuePage.open(browser);
            assertThat(queue.rowOf(SLUG)).contains("1 image(s) flagged for burned-in text");
            var draft = queue.open(SLUG);
            assertThat(draft.flaggedImages()).contains("image 1 (JPEG2000.dcm)", "secondary capture");
            assertThat(draft.viewerWarnsAboutTheShownImage()).as("the viewer's banner over the flagged image").isTrue();
            browser.screenshot("import-review");
            versionId = draft.approveAfterLookingAtTheFlaggedImages().publishedVersionId();
            browser.screenshot("import-published");
            var casePage = CasePage.open(browser, SLUG);
            assertThat(casePage.state()).isEqualTo("published");
            assertThat(casePage.versions()).contains("Version 1", "written by Dr. Cora Curator, approved by Dr. Eli Educator");
            browser.screenshot("import-case-page");
        }
        try (var browser = new Browser()) {
            var home = LoginPage.open(browser).signInAs("resident", "resident");
            var module = home.openModule("imported-reads");
            String moduleId = browser.driver.getCurrentUrl().replaceAll(".*/modules/(\\d+).*", "$1");
            assertThat(browser.driver.findElement(By.id("module-view")).getText()).contains(title());
            module.start();
            browser.open("read/" + moduleId + "/" + versionId);
            var reading = ReadingPage.waitUntilShown(browser);
            browser.screenshot("import-read-by-resident");

            assertThat(reading.caseTitle()).isEqualTo(title());
            assertThat(reading.distinctLevelsInViewport()).as("grey levels drawn for the imported case").isGreaterThan(10);
        }
    }

    private static String title() throws IOException {
        return Files.readAllLines(Path.of("cases/nm-bone-scan-injection-site/case.yaml")).stream().filter(l -> l.startsWith("title:"))
                .findFirst().orElseThrow().substring(6).trim().replaceAll("^\"|\"$", "");
    }

    /** The demo bone scan's case.yaml under a new id with the 'imported' tag, beside its DICOM file. */
    private static Path caseZip(Path tmp) throws IOException {
        Path source = Path.of("cases/nm-bone-scan-injection-site");
        String yaml = Files.readString(source.resolve("case.yaml")).replaceFirst("(?m)^id: .*$", "id: " + SLUG)
                .replaceFirst("(?m)^tags: \\[", "tags: [imported, ");
        Path zip = tmp.resolve(SLUG + ".zip");
        try (OutputStream out = Files.newOutputStream(zip); var z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(SLUG + "/case.yaml"));
            z.write(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry(SLUG + "/JPEG2000.dcm"));
            z.write(Files.readAllBytes(source.resolve("JPEG2000.dcm")));
            z.closeEntry();
        }
        return zip;
    }
}
