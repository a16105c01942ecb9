package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * "Preview as a trainee" (issue 13): an educator opens a case's page, previews it as a trainee — the resident's reading
 * page, by the same page object, with the image really drawn — places a mark, submits and sees the resident's feedback
 * page (truth outlines, the mark's outcome, teaching points) under a banner saying nothing is recorded. The audit trail and
 * the residents' attempts are the same before and after.
 */
class TraineePreviewE2E {

    private static final String SLUG = "mr-iac-schwannoma-detected";

    @BeforeAll
    static void onlyWhenTheAppRuns() {
        assumeFalse(Boolean.getBoolean("calibra.e2e.skip"), "end-to-end tests skipped (-DskipE2E=true)");
    }

    @Test
    void an_educator_reads_a_case_as_a_trainee_and_sees_its_feedback_with_nothing_recorded() {
        try (var admin = new Browser(); var browser = new Browser()) {
            LoginPage.open(browser).signInAs("educator", "educator");
            LoginPage.open(admin).signInAs("admin", "admin");
            String auditBefore = AuditTrailPage.open(admin).entriesText();
            String traineesBefore = trainees(admin);

            CasePage.open(browser, SLUG);
            browser.driver.findElement(By.id("case-preview")).click();
            var reading = ReadingPage.waitUntilShown(browser);
            assertThat(banner(browser)).isEqualTo("Preview — nothing you do here is recorded");
            assertThat(browser.driver.findElement(By.id("preview-banner")).getAttribute("role")).isEqualTo("status");
            assertThat(reading.distinctLevelsInViewport()).as("grey levels drawn in the preview").isGreaterThan(10);
            // as for a resident: no truth in the browser before the read is in (the viewer has none, no teaching point is on the page)
            assertThat(reading.viewerProperty("truth")).isIn(null, "", "[]");
            assertThat(reading.pageSource()).doesNotContain("The AI mark and the truth agree");
            browser.screenshot("preview-reading");

            reading.markAt(0, 5, 5); // a corner: a false positive
            reading.waitForMarkRows(1);
            reading.assess(false, null, 3);
            var feedback = reading.submit();
            browser.screenshot("preview-feedback");

            assertThat(feedback.verdict()).isNotBlank();
            assertThat(feedback.marksAndLesions()).contains("Your mark #1", "false positive", "Lesion L1", "missed");
            assertThat(feedback.teachingPoints()).isNotBlank();
            assertThat(feedback.truthShapesDrawn()).as("truth outlines on the image").isPositive();
            assertThat(banner(browser)).isEqualTo("Preview — nothing you do here is recorded");
            assertThat(browser.driver.findElements(By.id("running-metrics"))).as("no module figures for a preview").isEmpty();

            assertThat(AuditTrailPage.open(admin).entriesText()).as("no audit entry for the preview").isEqualTo(auditBefore);
            assertThat(trainees(admin)).as("the residents' attempts").isEqualTo(traineesBefore);
        }
    }

    /** The educator picks the reading mode: as a second reader, the unaided read is committed, then revised with the AI shown. */
    @Test
    void a_second_reader_preview_commits_an_unaided_read_then_shows_the_ai() {
        try (var browser = new Browser()) {
            LoginPage.open(browser).signInAs("educator", "educator");
            CasePage.open(browser, SLUG);
            browser.driver.findElement(By.id("case-preview")).click();
            var reading = ReadingPage.waitUntilShown(browser);
            var before = reading.viewer();
            reading.choose("preview-mode", "AI as second reader");
            browser.waitFor(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
            reading = ReadingPage.waitUntilShown(browser);
            assertThat(reading.showsAiPanel()).as("unaided first").isFalse();
            assertThat(reading.submitButtonText()).isEqualTo("Commit first read");
            reading.assess(false, null, 2);
            reading = reading.commitFirstRead();
            assertThat(reading.showsAiPanel()).as("the AI once the first read is committed").isTrue();
            assertThat(reading.submitButtonText()).isEqualTo("Submit final read");
            var feedback = reading.submit();
            assertThat(feedback.beforeAndAfter()).contains("Before the AI you said: normal");
            assertThat(banner(browser)).isEqualTo("Preview — nothing you do here is recorded");
            browser.screenshot("preview-second-reader-feedback");
        }
    }

    private static String banner(Browser browser) {
        return browser.driver.findElement(By.id("preview-banner")).getText();
    }

    private static String trainees(Browser admin) {
        admin.open("trainees");
        return admin.waitFor(d -> d.findElement(By.id("trainees-view"))).getText();
    }
}
