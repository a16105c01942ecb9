package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * WCAG 2.1.1 (Keyboard) for the read itself: a resident reads a case with the keyboard only — Tab to the viewer, m for
 * the Mark tool, arrows to the lesion's image, Shift+arrows to steer the keyboard cursor onto the lesion, Enter to
 * place the finding, then Tab, arrows and Enter through the assessment and Submit. No click lands on the image; the
 * page is only watched (where the cursor is, what the live region says). The feedback counts the finding as a hit.
 *
 * <p>The suite shares one app and the demo residents' attempts are other journeys' state (open attempts, passed
 * modules, certificates, repeats across curricula): this journey invites a resident of its own, new on every run.
 */
class KeyboardReadingE2E {

    private static final String PASSWORD = "quiet harbour lantern";

    @Test
    void a_resident_places_a_finding_and_submits_a_read_with_the_keyboard_only() {
        try (var admin = new Browser(); var browser = new Browser()) {
            String username = NewResident.invite(admin, browser, "kbd", "Dr. Kai Keys", PASSWORD);

            var reading = LoginPage.open(browser).signInAs(username, PASSWORD).openModule("first-reads").start();
            // the cases are drawn in any order: read lesion-free ones (normal, by keys too) until one has a lesion
            for (int read = 0; read < 7; read++) {
                var truth = DemoContent.byTitle(reading.caseTitle());
                if (!truth.lesions().isEmpty()) {
                    aCaseWithALesionIsReadByKeys(browser, reading, truth);
                    return;
                }
                reading.tabTo("viewer", 80);
                reading.chooseRadioByKeys("assessment", "Normal");
                reading.chooseRadioByKeys("overall-confidence", "4");
                var feedback = reading.submitByKeys();
                assertThat(feedback.hasNextCase()).as("a case with a lesion is still to come").isTrue();
                reading = feedback.nextCase();
            }
            throw new AssertionError("no case with a lesion was drawn in 7 reads");
        }
    }

    private static void aCaseWithALesionIsReadByKeys(Browser browser, ReadingPage reading, DemoContent.Case truth) {
        var lesion = truth.lesions().getFirst();
        reading.tabTo("viewer", 80);
        assertThat(reading.focusIsVisible()).as("the focused viewer shows that it has the focus").isTrue();
        assertThat(reading.keyboardCursor()).as("no keyboard cursor before a tool that places").isNull();

        reading.press("m");
        assertThat(reading.keyboardCursor()).as("m: the keyboard cursor").isNotNull();
        assertThat(reading.announcementRegion()).isEqualTo("status polite");
        assertThat(reading.announcement()).startsWith("Keyboard cursor shown: Shift+arrows move it");
        for (int i = reading.shownImageIndex(); i < lesion.imageIndex(); i++) {
            reading.press(Keys.ARROW_DOWN);
        }
        browser.waitFor(d -> reading.shownImageIndex() == lesion.imageIndex() ? true : null);
        reading.steerCursorTo(lesion.imageIndex(), lesion.x(), lesion.y());
        browser.screenshot("keyboard-cursor-on-lesion");

        reading.press(Keys.ENTER);
        reading.waitForMarkRows(1);
        String placed = "Finding 1 placed on image " + (lesion.imageIndex() + 1) + " of " + reading.imageCount();
        browser.waitFor(d -> reading.announcement().equals(placed) ? true : null);
        assertThat(reading.focusIsVisible()).as("the focus stays on the viewer, visibly").isTrue();

        // the keys leave the finding to the side panel's controls, in the page's own Tab order
        reading.chooseByKeys("mark-label-M1", org.calibra.shared.DisplayWords.term(lesion.label()));
        reading.chooseRadioByKeys("assessment", "Abnormal");
        reading.chooseByKeys("diagnosis", org.calibra.shared.DisplayWords.term(truth.diagnosis()));
        reading.chooseRadioByKeys("overall-confidence", "4");
        var feedback = reading.submitByKeys();
        browser.screenshot("keyboard-read-feedback");

        assertThat(feedback.marksAndLesions()).as("what the resident sees: the finding counted as a hit")
                .contains("Lesion " + lesion.id()).contains("found").contains("hit lesion " + lesion.id());
        assertThat(feedback.verdict()).isNotBlank();
    }
}
