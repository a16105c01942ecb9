package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Issue 14's "done when", through the browser: two cases are authored (uploaded by {@code curator}, approved by
 * {@code educator}); the educator builds a two-module curriculum in the builder — the authored cases in the first module,
 * two bundled radiographs in the second, which needs the first — sees the pool summary, is refused a threshold no attempt
 * could meet, and publishes version 1. A resident ({@code resident3}) starts and reads one case wrongly; the educator raises
 * the first module's threshold and publishes version 2; the resident's attempt is still decided under version 1 (it
 * passes), the decision record and the certificate's evidence say so, and the second module, started afterwards, follows
 * version 2. Trainees and case statistics show the resident's reads.
 */
class CurriculumJourneyE2E {

    static final String CURRICULUM = "normal-or-not-a-two-step-programme";
    static final String FIRST = "authored-studies";
    static final String SECOND = "radiographs-after-the-basics";
    static final String CT = "e2e-curr-normal-ct";
    static final String MR = "e2e-curr-normal-mr";

    @BeforeAll
    static void onlyWhenTheAppRuns() {
        assumeFalse(Boolean.getBoolean("calibra.e2e.skip"), "end-to-end tests skipped (-DskipE2E=true)");
    }

    @Test
    void an_educator_builds_and_versions_a_curriculum_and_an_attempt_is_decided_under_the_version_it_started_on(@TempDir Path tmp)
            throws IOException {
        AuthoredCases.publish(tmp, new String[] {CT, "ct-thoracic-spine-staging-normal"}, new String[] {MR, "mr-brain-0417"});
        try (var educator = new Browser(); var resident = new Browser()) {
            LoginPage.open(educator).signInAs("educator", "educator");
            var editor = CurriculumEditorPage.startNew(educator)
                    .type("curriculum-title", "Normal or not: a two-step programme")
                    .type("curriculum-description", "Call studies normal or abnormal: first authored studies, then radiographs.")
                    .type("certificate-title", "Calibra certificate: normal or not")
                    .type("certificate-competencies", "Recognises a normal study")
                    .type("certificate-validity", "12")
                    .type("certificate-credit-hours", "3")
                    .type("module-0-title", "Authored studies")
                    .type("module-0-description", "Two studies written by your educators, in a fixed order.")
                    .select("module-0-reading-mode", "Unaided")
                    .select("module-0-order", "The pool")
                    .pickCases(0, CT, MR);
            assertThat(editor.poolSummary(0)).contains("2 cases: 0 abnormal, 2 normal");
            editor.type("module-0-minimum-cases", "2")
                    .threshold(0, 0, "specificity", "at least", 0.9, true);
            String refused = editor.check();
            assertThat(refused).as("a threshold no attempt can meet").contains("specificity").contains("at most 2 normal cases");
            assertThat(editor.errorOn("module-0-threshold-0-limit")).startsWith("can never be met in module").endsWith("(the list above says why)");
            educator.screenshot("curriculum-01-unreachable-threshold");

            editor.threshold(0, 0, "specificity", "at least", 0.5, false)
                    .addModule()
                    .type("module-1-title", "Radiographs after the basics")
                    .type("module-1-description", "Two radiographs, once the authored studies are passed.")
                    .select("module-1-reading-mode", "Unaided")
                    .pickCases(1, "synth-cxr-022", "synth-cxr-024")
                    .type("module-1-minimum-cases", "2")
                    .prerequisite(1, "Authored studies")
                    .threshold(1, 0, "specificity", "at least", 0.5, false);
            assertThat(editor.check()).contains("No problems");
            assertThat(editor.publish()).contains("Published as version 1.");
            educator.screenshot("curriculum-02-published");

            // the resident starts and reads the first authored study wrongly (calls it abnormal)
            var home = LoginPage.open(resident).signInAs("resident3", "resident3");
            var reading = home.openModule(FIRST).start();
            var truth = DemoContent.byTitle(reading.caseTitle());
            assertThat(truth.abnormal()).isFalse();
            reading.assess(true, truth.anyAbnormalDiagnosis(), 2);
            reading.submit().backToModule();

            // meanwhile the educator raises the threshold and publishes version 2
            editor = CurriculumEditorPage.edit(educator, CURRICULUM).threshold(0, 0, "specificity", "at least", 0.75, false);
            String v2 = editor.publish();
            assertThat(v2).contains("Published as version 2.").contains("specificity ≥ 50% → specificity ≥ 75%");
            assertThat(editor.versionCells()).contains("version 2", "version 1", "Dr. Eli Educator");
            educator.screenshot("curriculum-03-version-2");

            // the resident's attempt keeps version 1: 1 of 2 normal studies right meets 50%, not 75%
            resident.open("");
            var module = new HomePage(resident).openModule(FIRST);
            assertThat(text(resident, "module-version"))
                    .contains("Curriculum version 1").contains("version 2 has been published since");
            reading = module.start();
            reading.assess(false, null, 4);
            var after = reading.submit();
            assertThat(after.moduleStatus()).containsIgnoringCase("passed");
            module = after.backToModule();
            Fields.click(resident, "decision-link");
            assertThat(text(resident, "decision-version")).contains("Decided under version 1");
            assertThat(text(resident, "decision-figures")).contains("specificity at least 50% — met");
            resident.screenshot("curriculum-04-decided-under-v1");

            // the second module, started now, follows version 2; passing it earns the certificate
            resident.open("");
            new HomePage(resident).openModule(SECOND);
            assertThat(text(resident, "module-facts")).as("prerequisites by title").contains("Builds on: Authored studies");
            reading = new ModulePage(resident).start();
            reading.assess(false, null, 4);
            reading = reading.submit().nextCase();
            reading.assess(false, null, 4);
            var certificate = reading.submit().seeCertificate().certificateText();
            assertThat(certificate).contains("Authored studies").contains("Decided under curriculum version 1.")
                    .contains("Radiographs after the basics").contains("Decided under curriculum version 2.")
                    .contains("Worth 3 CPD/CME credit hours");
            resident.screenshot("curriculum-05-certificate");

            // Trainees and case statistics show the resident's reads
            educator.open("trainees");
            var trainees = gridCells(educator, "trainees-" + FIRST);
            assertThat(trainees).anyMatch(c -> c.contains("Dr. Tia Third")).anyMatch(c -> c.contains("passed"));
            Fields.scrollTo(educator, educator.driver.findElement(By.id("trainees-" + FIRST)));
            educator.screenshot("curriculum-06-trainees");
            Fields.click(educator, "case-statistics-link-" + FIRST);
            var statistics = gridCells(educator, "case-statistics");
            assertThat(statistics).anyMatch(c -> c.contains(truth.title()));
            educator.screenshot("curriculum-07-case-statistics");
        }
    }

    /** The element's words once it shows any (it may be outside the viewport). */
    private static String text(Browser browser, String id) {
        return browser.waitFor(d -> {
            String words = d.findElement(By.id(id)).getDomProperty("innerText");
            return words == null || words.isBlank() ? null : words;
        });
    }

    private static List<String> gridCells(Browser browser, String gridId) {
        @SuppressWarnings("unchecked")
        var cells = (List<String>) browser.waitFor(d -> {
            var grid = d.findElement(By.id(gridId));
            var texts = (List<String>) browser.driver.executeScript("return Array.from(arguments[0].querySelectorAll('vaadin-grid-cell-content'))"
                    + ".map(c => c.textContent.trim()).filter(t => t.length > 0);", grid);
            return texts.isEmpty() ? null : texts;
        });
        return cells;
    }
}
