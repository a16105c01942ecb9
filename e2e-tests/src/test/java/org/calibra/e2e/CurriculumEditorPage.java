package org.calibra.e2e;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The curriculum builder (/curricula/new, /curricula/{id}/edit): fields by id, Check, Publish, and what they answer. */
final class CurriculumEditorPage {

    private final Browser browser;

    private CurriculumEditorPage(Browser browser) {
        this.browser = browser;
    }

    /** From the Curricula page, "New curriculum": the editor opens with one empty module (module 0). */
    static CurriculumEditorPage startNew(Browser browser) {
        browser.open("curricula");
        Fields.click(browser, "new-curriculum");
        browser.waitFor(d -> d.findElement(By.id("curriculum-editor")));
        return new CurriculumEditorPage(browser);
    }

    /** From the Curricula page, "Edit" on the curriculum's row. */
    static CurriculumEditorPage edit(Browser browser, String curriculumId) {
        browser.open("curricula");
        Fields.click(browser, "edit-" + curriculumId);
        browser.waitFor(d -> d.findElement(By.id("module-0-title")));
        return new CurriculumEditorPage(browser);
    }

    CurriculumEditorPage type(String fieldId, String text) {
        Fields.type(browser, fieldId, text);
        return this;
    }

    CurriculumEditorPage select(String selectId, String words) {
        Fields.select(browser, selectId, words);
        return this;
    }

    /** Adds cases to a module's pool by a part of their words or their id (shown on a line of its own under the title). */
    CurriculumEditorPage pickCases(int module, String... filters) {
        for (String f : filters) {
            Fields.pickAlso(browser, "module-" + module + "-cases", f);
        }
        return this;
    }

    CurriculumEditorPage prerequisite(int module, String title) {
        Fields.pickAlso(browser, "module-" + module + "-prerequisites", title);
        return this;
    }

    CurriculumEditorPage addModule() {
        int before = browser.driver.findElements(By.cssSelector("[id^=module-][id$=-title]")).size();
        Fields.click(browser, "add-module");
        browser.waitFor(d -> d.findElements(By.cssSelector("[id^=module-][id$=-title]")).size() == before + 1 ? true : null);
        return this;
    }

    /** Adds a threshold row to the module and fills it: metric and direction by their words, the limit, estimate or interval. */
    CurriculumEditorPage threshold(int module, int index, String metricWords, String direction, double limit, boolean interval) {
        String id = "module-" + module + "-threshold-" + index;
        if (browser.driver.findElements(By.id(id)).isEmpty()) {
            Fields.click(browser, "module-" + module + "-add-threshold");
            browser.waitFor(d -> d.findElement(By.id(id)));
        }
        select(id + "-metric", metricWords);
        select(id + "-direction", direction);
        type(id + "-limit", String.valueOf(limit));
        select(id + "-bound", interval ? "the near end" : "the estimate");
        return this;
    }

    String poolSummary(int module) {
        return words(browser.driver.findElement(By.id("module-" + module + "-pool-summary")));
    }

    /** The element's text, whether or not it is scrolled into view (list items joined by a line break). */
    private static String words(WebElement element) {
        return element.getDomProperty("innerText");
    }

    /** "Check": the problems listed at the top, or the all-clear. */
    String check() {
        answerAfter("check-curriculum");
        return browser.waitFor(d -> {
            String problems = words(d.findElement(By.id("curriculum-problems")));
            String result = words(d.findElement(By.id("curriculum-result")));
            return problems.isBlank() && result.isBlank() ? null : problems + result;
        });
    }

    /**
     * Clicks the button and waits until the server has answered: the problems or the result area got new children (the
     * editor replaces them on every Check and Publish), so an answer left from the last click is never read as this one's.
     */
    private void answerAfter(String buttonId) {
        var js = (org.openqa.selenium.JavascriptExecutor) browser.driver;
        js.executeScript("window.__calibraAnswer = ['curriculum-problems', 'curriculum-result']"
                + ".map(id => document.getElementById(id).firstElementChild);");
        Fields.click(browser, buttonId);
        browser.waitFor(d -> Boolean.TRUE.equals(js.executeScript("return ['curriculum-problems', 'curriculum-result']"
                + ".some((id, i) => document.getElementById(id).firstElementChild !== window.__calibraAnswer[i]);")) ? true : null);
    }

    /** The error message shown on one field (Vaadin's error-message part), or empty. */
    String errorOn(String fieldId) {
        WebElement field = browser.driver.findElement(By.id(fieldId));
        return String.valueOf(field.getDomProperty("errorMessage") == null ? "" : field.getDomProperty("errorMessage"));
    }

    /** "Publish": waits for "Published as version N." and returns the result's words. */
    String publish() {
        answerAfter("publish-curriculum");
        return browser.waitFor(d -> {
            String result = words(d.findElement(By.id("curriculum-result")));
            String problems = words(d.findElement(By.id("curriculum-problems")));
            return result.contains("Published as version") ? result : problems.isBlank() ? null : problems;
        });
    }

    /** The rows of the version history, as their cells' words. */
    List<String> versionCells() {
        @SuppressWarnings("unchecked")
        var cells = (List<String>) browser.driver.executeScript("return Array.from(arguments[0].querySelectorAll('vaadin-grid-cell-content'))"
                + ".map(c => c.textContent.trim()).filter(t => t.length > 0);", browser.driver.findElement(By.id("curriculum-versions")));
        return cells;
    }
}
