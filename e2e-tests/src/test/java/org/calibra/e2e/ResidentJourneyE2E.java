package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A resident's whole journey through the demo curriculum in a real Chromium against the running app:
 * sign in, open the module, read every case in the Cornerstone viewer (the image really drawn), mark the
 * lesions, submit, get feedback with the truth, pass, and find the certificate verifiable while signed out.
 */
class ResidentJourneyE2E {

    @BeforeAll
    static void onlyWhenTheAppRuns() {
        assumeFalse(Boolean.getBoolean("calibra.e2e.skip"), "end-to-end tests skipped (-DskipE2E=true)");
    }

    @Test
    void a_resident_reads_the_demo_module_passes_it_and_the_certificate_verifies_while_signed_out() {
        try (var browser = new Browser()) {
            var home = LoginPage.open(browser).signInAs("resident", "resident");
            assertThat(home.signedInUser()).contains("Resident");
            assertThat(home.text()).contains("Reading with AI — foundations").contains("Not started — 7 cases, a decision after 6")
                    .doesNotContain("first-reads");
            // the first module to start, or — when an earlier journey left this resident an attempt open — the attempt to continue
            assertThat(home.nextStepButton()).as("Home says what to do next").matches("(Start|Continue) \\S.*");
            assertThat(home.moduleStatus("mixed-on-request")).as("a locked module names its prerequisite by title")
                    .isEqualTo("Locked — pass 'Chest radiographs on your own' first");
            assertThat(home.hasOpenButton("mixed-on-request")).as("a locked module has no Start button").isFalse();
            browser.screenshot("home-resident");

            browser.network.drain();
            var reading = home.openModule("first-reads").start();
            int read = 0;
            FeedbackPage feedback;
            while (true) {
                var truth = DemoContent.byTitle(reading.caseTitle());
                browser.screenshot("read-" + truth.id());
                assertThat(reading.distinctLevelsInViewport()).as("grey levels drawn for %s", truth.id()).isGreaterThan(10);
                assertNoGroundTruthInTheBrowser(reading, truth, browser.network.drain());

                if (truth.id().equals("mr-iac-schwannoma-detected")) {
                    theViewerBehavesLikeAWorkstation(browser, reading);
                }
                if (truth.id().equals("rtdose-multiframe-not-diagnostic")) {
                    var multiFrame = reading;
                    multiFrame.scrollWheel(3);
                    browser.waitFor(d -> multiFrame.shownImageIndex() > 0 ? true : null);
                }
                reading.markTheLesionsOf(truth);
                reading.assess(truth.abnormal(), truth.diagnosis(), 4);
                feedback = reading.submit();
                read++;
                assertThat(browser.network.drain()).as("the truth arrives once the read is submitted")
                        .anySatisfy(r -> assertThat(r.body()).contains(jsonText(truth.teachingPoints().getFirst())));
                browser.screenshot("feedback-" + truth.id());

                assertThat(feedback.verdict()).isEqualTo("Correct");
                for (var lesion : truth.lesions()) {
                    assertThat(feedback.marksAndLesions()).contains("Lesion " + lesion.id()).contains("found").contains("hit lesion " + lesion.id())
                            .contains("(" + org.calibra.shared.DisplayWords.termInSentence(lesion.label()) + ", confidence 5)")
                            .doesNotContain(lesion.label().contains("-") ? lesion.label() : "\u0000");
                    assertThat(feedback.truthShapesDrawn()).isEqualTo(truth.lesions().size());
                }
                assertThat(feedback.aiVerdict()).containsAnyOf("The AI was right", "The AI was wrong");
                assertThat(feedback.teachingPoints()).contains(truth.teachingPoints().getFirst());
                assertThat(feedback.runningMetrics()).contains("Cases read: " + read);
                if (!feedback.hasNextCase()) {
                    break;
                }
                reading = feedback.nextCase();
            }

            assertThat(read).as("cases read until the module was passed").isEqualTo(6);
            assertThat(browser.cspViolations()).as("the CSP lets Vaadin, the decode workers and the JPEG 2000/RLE codecs run").isEmpty();
            assertThat(feedback.moduleStatus()).as("the drawn cases and those the decision needed").isEqualTo("Passed after 6 of 7 cases");
            assertThat(feedback.runningMetrics()).contains("Sensitivity: 100%").contains("Specificity: 100%");

            var module = feedback.backToModule();
            assertThat(module.status()).isEqualTo("Passed after 6 of 7 cases");
            assertThat(module.chartsWithACurve()).containsExactly("roc-chart", "froc-chart", "wafroc-chart");
            java.util.List.of("roc-chart", "froc-chart", "wafroc-chart").forEach(id -> assertThat(Charts.assertReadable(browser, id).axisTitles()).hasSize(2));
            assertThat(module.reliance()).contains("When the AI was right, you were right: 100%");
            String record = module.decisionRecord();
            browser.screenshot("decision-record");
            assertThat(record).as("the decision record in words").contains("Passed after 6 of the 7 cases drawn for this attempt")
                    .contains("(version 1)").contains("True positive").doesNotContain("mr-iac-schwannoma-detected").doesNotContain(" v1");
            var homeAfter = HomePage.open(browser);
            assertThat(homeAfter.moduleStatus("first-reads")).as("Home, module page and feedback agree").isEqualTo("Passed after 6 of 7 cases");
            assertThat(homeAfter.text()).contains("Recent feedback").contains("Certificates");
            var certificates = CertificatesPage.open(browser);
            browser.screenshot("certificate");
            assertThat(certificates.certificateText()).contains("Dr. Rosa Resident").contains("VALID")
                    .contains("Calibra certificate: Reading with AI — foundations");
            String link = certificates.verificationLink();
            certificates.signOut();

            var verify = VerifyPage.openUrl(browser, link);
            browser.screenshot("verify-signed-out");
            assertThat(verify.signedIn()).isFalse();
            assertThat(verify.status()).isEqualTo("VALID");
            assertThat(verify.holder()).isEqualTo("Dr. Rosa Resident");
            assertThat(verify.title()).contains("Reading with AI — foundations");
            assertThat(verify.dates()).contains("Issued by").contains("valid until");
        }
    }

    @Test
    void in_a_second_reader_module_the_ai_appears_only_after_the_first_read_is_committed() {
        try (var browser = new Browser()) {
            // a resident who has not seen these cases' answers in the foundations module: there they would be repeats (ADR 0015)
            var reading = LoginPage.open(browser).signInAs("resident2", "resident2").openModule("second-opinion").start();
            var truth = DemoContent.byTitle(reading.caseTitle());
            assertThat(reading.showsAiPanel()).isFalse();
            assertThat(reading.aiMarksDrawn()).isZero();
            assertThat(reading.submitButtonText()).isEqualTo("Commit first read");
            for (var lesion : truth.lesions()) {
                reading.markAt(lesion.imageIndex(), lesion.x(), lesion.y());
            }
            reading.assess(truth.abnormal(), truth.diagnosis(), 3);

            browser.network.drain();
            var revision = reading.commitFirstRead();
            browser.screenshot("second-reader-revision-" + truth.id());

            // between the two reads the resident may download their data: it holds the first read, nothing derived from truth
            String myData = MyDataPage.downloadInAnotherTab(browser);
            assertThat(myData).contains("\"reads\"", "\"scoresWithheld\"").doesNotContain("case_outcome", "lesions_total", "ai_correct");
            assertNoGroundTruthInTheBrowser(revision, truth, browser.network.drain());
            assertThat(revision.showsAiPanel()).isTrue();
            assertThat(revision.submitButtonText()).isEqualTo("Submit final read");
            assertThat(revision.markRows()).as("the first read's marks, ready to revise").isEqualTo(truth.lesions().size());
            var feedback = revision.submit();

            assertThat(feedback.verdict()).isEqualTo("Correct");
            assertThat(feedback.beforeAndAfter()).startsWith("Before the AI you said").contains("You kept your call, and it was right.");
        }
    }

    @Test
    void feedback_cannot_be_reached_for_a_read_that_was_not_submitted() {
        try (var browser = new Browser()) {
            LoginPage.open(browser).signInAs("resident", "resident");
            browser.open("feedback/987654");
            browser.waitFor(d -> d.findElement(By.id("not-found-view")));
            assertThat(browser.driver.findElements(By.id("feedback-view"))).isEmpty();
            assertThat(browser.driver.getPageSource()).doesNotContain("teaching-points");
        }
    }

    @Test
    void an_unknown_certificate_id_is_reported_as_not_found() {
        try (var browser = new Browser()) {
            browser.open("verify/AAAAAAAAAAAAAAAAAAAAAA");
            browser.waitFor(d -> d.findElement(By.id("certificate-not-found")));
        }
    }

    /** Window/level really changes the picture, and the AI overlay can be hidden and shown again. */
    private static void theViewerBehavesLikeAWorkstation(Browser browser, ReadingPage reading) {
        double before = reading.meanBrightness();
        reading.dragWindowLevel(120, 80);
        browser.waitFor(d -> Math.abs(reading.meanBrightness() - before) > 3 ? true : null);
        assertThat(reading.aiMarksDrawn()).isPositive();
        reading.toggleAi();
        browser.waitFor(d -> reading.aiMarksDrawn() == 0 ? true : null);
        reading.toggleAi();
        browser.waitFor(d -> reading.aiMarksDrawn() > 0 ? true : null);
    }

    /**
     * Nothing the server sent while this case was open — every response body since the previous case, the
     * page and the viewer's properties — may carry its truth: no teaching point, no feedback, no lesion.
     */
    private static void assertNoGroundTruthInTheBrowser(ReadingPage reading, DemoContent.Case truth, List<NetworkCapture.Response> responses) {
        assertThat(responses).as("responses captured while reading").isNotEmpty();
        for (var r : responses) {
            for (String point : truth.teachingPoints()) {
                assertThat(r.body()).as("response %s", r.url()).doesNotContain(jsonText(point).substring(0, Math.min(40, jsonText(point).length())));
            }
            for (var anyCase : DemoContent.cases()) {
                assertThat(r.body()).as("response %s: case ids may carry the answer", r.url()).doesNotContain(anyCase.id());
            }
            assertThat(r.body()).as("response %s", r.url()).doesNotContain("The AI was right").doesNotContain("The AI was wrong")
                    .doesNotContain("\"truth\":[{");
        }
        String source = reading.pageSource();
        for (String point : truth.teachingPoints()) {
            assertThat(source).doesNotContain(point.substring(0, Math.min(40, point.length())));
        }
        assertThat(String.valueOf(reading.viewerProperty("truth"))).isIn("null", "", "[]", "undefined");
        assertThat(source).doesNotContain("feedback-verdict").doesNotContain("The AI was");
    }

    /** How a string looks inside a JSON response (quotes and non-ASCII escaped the way Vaadin may send them). */
    private static String jsonText(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
