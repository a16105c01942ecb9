package org.calibra.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** A case draft: its state, problems and flagged-image banners; send it for review; as a second educator, approve it. */
final class DraftPage {

    private final Browser browser;

    private DraftPage(Browser browser) {
        this.browser = browser;
    }

    static DraftPage waitUntilShown(Browser browser) {
        browser.waitFor(d -> d.findElement(By.id("draft-state")));
        return new DraftPage(browser);
    }

    String state() {
        return browser.driver.findElement(By.id("draft-state")).getText();
    }

    boolean hasNoProblems() {
        return !browser.driver.findElements(By.id("draft-no-problems")).isEmpty();
    }

    /** The images flagged for burned-in text, as the page lists them (where and why). */
    String flaggedImages() {
        return browser.driver.findElement(By.id("draft-flags")).getText();
    }

    /** Whether the viewer shows its burned-in text banner over the image it shows (waits for the viewer to say so). */
    boolean viewerWarnsAboutTheShownImage() {
        return browser.waitFor(d -> "true".equals(d.findElement(By.id("viewer")).getDomAttribute("data-flagged")) ? true : null);
    }

    /** Why the signed-in educator may not approve (an author), or empty. */
    String whyNotAllowedToApprove() {
        return browser.driver.findElements(By.id("review-not-allowed")).stream().map(WebElement::getText).findFirst().orElse("");
    }

    DraftPage sendForReview() {
        click("draft-submit");
        browser.waitFor(d -> "in review".equals(d.findElement(By.id("draft-state")).getText()) ? true : null);
        return this;
    }

    /** Confirms every flagged image was looked at, then approves: the case is published. */
    DraftPage approveAfterLookingAtTheFlaggedImages() {
        click("review-flags-checked");
        click("review-approve");
        browser.waitFor(d -> "published".equals(d.findElement(By.id("draft-state")).getText()) ? true : null);
        return this;
    }

    /** Approves, confirming the flagged images were looked at if any were flagged: the case is published. */
    DraftPage approve() {
        if (!browser.driver.findElements(By.id("review-flags-checked")).isEmpty()) {
            click("review-flags-checked");
        }
        click("review-approve");
        browser.waitFor(d -> "published".equals(d.findElement(By.id("draft-state")).getText()) ? true : null);
        return this;
    }

    /** The case version the approval published. */
    long publishedVersionId() {
        return Long.parseLong(browser.driver.findElement(By.id("draft-state")).getDomAttribute("data-version-id"));
    }

    /** The AI section's list of differences between the AI's marks and the truth that no error label explains. */
    String aiUnlabelled() {
        WebElement list = browser.waitFor(d -> d.findElement(By.id("draft-ai-unlabelled")));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'end'})", list);
        return list.getText();
    }

    /** The AI section's words for mark {@code n}: where it is. */
    String aiMark(int n) {
        return browser.waitFor(d -> d.findElement(By.id("draft-ai-mark-" + n + "-where"))).getText();
    }

    // ----- editing (the draft form, the draw switch, the AI file import) -----

    /** The draft's revision as the page's header says it ("… · revision 3 · …"). */
    int revision() {
        String meta = browser.waitFor(d -> d.findElement(By.id("draft-meta"))).getText();
        var m = java.util.regex.Pattern.compile("revision (\\d+)").matcher(meta);
        if (!m.find()) {
            throw new IllegalStateException("no revision in '" + meta + "'");
        }
        return Integer.parseInt(m.group(1));
    }

    /** The problems the page lists, or the words saying there are none. */
    String problems() {
        return browser.driver.findElement(By.id("draft-problems-section")).getText();
    }

    /** Types into a Vaadin text field or text area (replacing what it held) and leaves it, so its value reaches the server. */
    DraftPage type(String fieldId, String text) {
        Fields.type(browser, fieldId, text);
        return this;
    }

    /** Picks an item of a Vaadin combo box by typing it and pressing Enter. */
    DraftPage pick(String comboId, String item) {
        Fields.pick(browser, comboId, item);
        return this;
    }

    /** Clicks the radio button of a Vaadin radio group by its words. */
    DraftPage choose(String groupId, String words) {
        WebElement option = browser.waitFor(d -> d.findElement(By.id(groupId)).findElements(By.tagName("vaadin-radio-button")).stream()
                .filter(b -> b.getText().strip().equals(words)).findFirst().orElse(null));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", option);
        return this;
    }

    /** Opens a vaadin-select and clicks the first item whose words start with {@code words}. */
    DraftPage select(String selectId, String words) {
        Fields.select(browser, selectId, words);
        return this;
    }

    /** Saves the form; waits for the page to show the next revision. */
    DraftPage save() {
        int before = revision();
        click("draft-save");
        browser.waitFor(d -> revision() == before + 1 ? true : null);
        return this;
    }

    /** The words of lesion {@code n} (1, 2, …) in the truth section's list, once it is there. */
    String lesion(int n) {
        return browser.waitFor(d -> d.findElement(By.id("lesion-summary-" + n))).getText();
    }

    DraftPage clickButton(String id) {
        click(id);
        return this;
    }

    /** Gives an AI result file to the AI import's upload; waits until the page has read {@code filesRead} file(s). */
    String readAiFile(java.nio.file.Path file, int filesRead) {
        WebElement upload = browser.waitFor(d -> d.findElement(By.id("ai-import-upload")));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", upload);
        WebElement input = (WebElement) ((JavascriptExecutor) browser.driver).executeScript(
                "return arguments[0].querySelector('input[type=file]') || arguments[0].shadowRoot.querySelector('input[type=file]');", upload);
        input.sendKeys(file.toAbsolutePath().toString());
        return browser.waitFor(d -> {
            String status = d.findElement(By.id("ai-import-status")).getText();
            return status.startsWith(filesRead + " file(s) read") ? d.findElement(By.id("ai-import")).getText() : null;
        });
    }

    /** Adds the ticked AI files: one save, the page shows the next revision. */
    DraftPage addAiFiles() {
        int before = revision();
        click("ai-import-add");
        browser.waitFor(d -> revision() == before + 1 ? true : null);
        return this;
    }

    /** The AI marks the AI section lists. */
    int aiMarks() {
        return browser.driver.findElements(By.cssSelector("[id^=draft-ai-mark-][id$=-where]")).size();
    }

    /** Opens the preview of the draft as last saved: the resident's reading page under the preview banner. */
    ReadingPage previewAsTrainee() {
        click("draft-preview");
        return ReadingPage.waitUntilShown(browser);
    }

    private void click(String id) {
        WebElement e = browser.waitFor(d -> d.findElement(By.id(id)));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        browser.waitFor(d -> e.isDisplayed() ? true : null);
        e.click();
    }
}
