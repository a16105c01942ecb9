package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An educator starts a case from the synthetic generator (issue 13): a broken size is named with what is allowed and
 * nothing is made; corrected, Generate lands on the new draft's page, which has nothing to fix and whose viewer really
 * draws the generated radiograph.
 */
class NewCaseE2E {

    @BeforeAll
    static void onlyWhenTheAppRuns() {
        assumeFalse(Boolean.getBoolean("calibra.e2e.skip"), "end-to-end tests skipped (-DskipE2E=true)");
    }

    @Test
    void an_educator_generates_a_synthetic_radiograph_and_lands_on_its_draft() {
        try (var browser = new Browser()) {
            LoginPage.open(browser).signInAs("curator", "curator");
            var page = NewCasePage.open(browser).kind("Chest radiograph").type("new-case-lesions", "1").type("new-case-sizes", "big")
                    .type("new-case-contrast", "10");
            assertThat(page.generateRefused()).contains("Lesion sizes (mm): 'big' is not a number; write a number from 6 to 40 mm");
            browser.screenshot("new-case-form-refused");

            var draft = page.type("new-case-sizes", "30").generate();
            assertThat(draft.state()).isEqualTo("draft");
            assertThat(draft.hasNoProblems()).as("a generated case is complete").isTrue();
            int levels = browser.waitFor(d -> {
                int n = NewCasePage.distinctLevelsInViewer(browser);
                return n > 10 ? n : null;
            });
            assertThat(levels).as("grey levels drawn for the generated radiograph").isGreaterThan(10);
            browser.screenshot("new-case-synthetic-draft");
        }
    }
}
