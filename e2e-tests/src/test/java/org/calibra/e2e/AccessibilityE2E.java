package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every page, as each kind of user reaches it, checked with axe-core (WCAG 2.1 A and AA, plus one {@code main} landmark
 * and one {@code h1}): no serious or critical violation. The menu of each role lists the pages it may open, so a new
 * page in the menu is checked without changing this test; pages reached through a link (a module, a read's feedback, a
 * decision record, a case, a draft, a curriculum, a cohort, a public verification) are followed from there. Each page
 * is photographed at 1280x800 into docs/images/pages/ (system property calibra.e2e.pages), the pictures of
 * docs/accessibility.md. Error pages — an unknown address, a page or a file the user may not open — must be the app's
 * own, in words, never Spring's "Whitelabel" page.
 *
 * <p>It reads the foundations module as the resident if the resident holds no certificate yet (run alone), so it runs
 * just before the credential journey, which revokes that certificate.
 */
@Order(Integer.MAX_VALUE - 1)
class AccessibilityE2E {

    private static final String MODULE = "first-reads";

    /** Page (role and name) to the violations found on it: every page is checked before the test fails. */
    private final Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
    private final List<String> checked = new ArrayList<>();
    /** Other things a keyboard user would trip over, checked on the way. */
    private final List<String> problems = new ArrayList<>();

    @Test
    void every_page_of_every_role_has_no_serious_accessibility_violation_and_errors_are_the_apps_own_pages() {
        try (var browser = new Browser()) {
            browser.viewport(1280, 800);
            String certificate = asResident(browser);
            asPublic(browser, certificate);
            asEducator(browser);
            asCurator(browser);
            asAdmin(browser);
            asVerifier(browser, certificate);
        }
        assertThat(failures).as(() -> "Accessibility violations (serious/critical, or no main landmark / h1) on "
                + failures.size() + " of " + checked.size() + " pages:\n" + String.join("\n", failures.entrySet().stream()
                        .map(e -> e.getKey() + ":\n  " + String.join("\n  ", e.getValue().stream().map(Axe.Violation::toString).toList()))
                        .toList())).isEmpty();
        assertThat(problems).isEmpty();
        assertThat(checked).hasSizeGreaterThan(40);
    }

    /** Home, the menu's pages, a module, a case being read, its feedback, the decision record; forbidden pages. */
    private String asResident(Browser browser) {
        LoginPage.open(browser).signInAs("resident", "resident");
        checkMenu(browser, "resident");
        var mine = MyCredentialsPage.open(browser);
        var certificate = mine.certificateTitled("Reading with AI — foundations");
        browser.open("");
        var module = new HomePage(browser).openModule(MODULE);
        check(browser, "resident", "module");
        if (certificate.isEmpty()) {
            readTheModule(browser, module);
            certificate = MyCredentialsPage.open(browser).certificateTitled("Reading with AI — foundations");
            browser.open("");
            new HomePage(browser).openModule(MODULE);
        }
        if (follow(browser, "a[href*='decisions/']")) {
            check(browser, "resident", "decision-record");
        }
        forbidden(browser, "resident", "audit", "forbidden-view");
        forbidden(browser, "resident", "users", "forbidden-users");
        forbidden(browser, "resident", "api/v1/verifications", "forbidden-api");
        forbidden(browser, "resident", "credentials/not-a-certificate/certificate.pdf", "forbidden-file");
        forbidden(browser, "resident", "no/such/page", "not-found");
        signOut(browser);
        return certificate.orElseThrow(() -> new AssertionError("the resident holds no foundations certificate after reading the module"));
    }

    /** Reads the module correctly to the end; the first case's reading view and feedback are checked on the way. */
    private void readTheModule(Browser browser, ModulePage module) {
        var reading = module.start();
        check(browser, "resident", "reading");
        boolean first = true;
        while (true) {
            var truth = DemoContent.byTitle(reading.caseTitle());
            reading.markTheLesionsOf(truth);
            reading.assess(truth.abnormal(), truth.diagnosis(), 4);
            var feedback = reading.submit();
            if (first) {
                check(browser, "resident", "feedback");
                first = false;
            }
            if (!feedback.hasNextCase()) {
                return;
            }
            reading = feedback.nextCase();
        }
    }

    /** Signed out: sign-in, signed-out, the verification pages (of a real certificate too), an unknown address. */
    private void asPublic(Browser browser, String certificate) {
        visit(browser, "public", "login", "login");
        visit(browser, "public", "signed-out", "signed-out");
        visit(browser, "public", "verify", "verify-lookup");
        visit(browser, "public", "verify-credential", "verify-credential-file");
        visit(browser, "public", "verify/" + certificate, "verify-certificate");
        forbidden(browser, "public", "no/such/page", "not-found");
        forbidden(browser, "public", "credentials/not-a-certificate/certificate.pdf", "missing-file");
        // a fresh session: the refused download above would otherwise be where the next sign-in lands
        browser.driver.manage().deleteAllCookies();
    }

    /** The educator's menu, the oversight pages of a module, the curriculum editor, a case page, a trainee preview. */
    private void asEducator(Browser browser) {
        LoginPage.open(browser).signInAs("educator", "educator");
        checkMenu(browser, "educator");
        browser.open("trainees");
        browser.waitFor(d -> d.findElement(By.id("trainees-view")));
        String moduleLinks = "[id^='cohort-link-']";
        if (follow(browser, moduleLinks)) {
            check(browser, "educator", "cohort");
        }
        browser.open("trainees");
        browser.waitFor(d -> d.findElement(By.id("trainees-view")));
        // a second-reader module's cohort page adds "Does the AI help this cohort?" (issue 17): words, tables, or what is missing
        if (follow(browser, "#cohort-link-second-opinion")) {
            browser.waitFor(d -> d.findElement(By.id("ai-effect-summary")));
            // the journeys' reads decide which: a finding in words and numbers, or a sentence saying what is missing
            assertThat(browser.driver.findElement(By.id("ai-effect-summary")).getText()).matches("(With the AI, this cohort's .* p = .*"
                    + "|No resident has read a case .*|Comparing the readings needs .*|Generalising to residents like these needs .*"
                    + "|The .* does not vary .*)");
            check(browser, "educator", "cohort-second-reader");
        }
        browser.open("trainees");
        browser.waitFor(d -> d.findElement(By.id("trainees-view")));
        if (follow(browser, "[id^='case-statistics-link-']")) {
            check(browser, "educator", "case-statistics");
        }
        browser.open("curricula");
        browser.waitFor(d -> d.findElement(By.cssSelector("[id^='edit-']")));
        Fields.click(browser, browser.driver.findElement(By.cssSelector("[id^='edit-']")).getAttribute("id"));
        browser.waitFor(d -> d.findElement(By.id("curriculum-editor")));
        check(browser, "educator", "curriculum-editor");
        browser.open("curricula/new");
        check(browser, "educator", "new-curriculum");
        signOut(browser);
    }

    /** The curator's menu, a published case, a draft (generated for the purpose) and its trainee preview. */
    private void asCurator(Browser browser) {
        LoginPage.open(browser).signInAs("curator", "curator");
        checkMenu(browser, "curator");
        browser.open("cases");
        if (follow(browser, "a[href^='cases/']:not([href*='drafts'])")) {
            check(browser, "curator", "case-page");
            if (follow(browser, "a[href*='/preview']")) {
                check(browser, "curator", "case-preview");
            }
        }
        NewCasePage.open(browser).generate();
        check(browser, "curator", "draft");
        signOut(browser);
    }

    /** The administrator's menu (users, institutions, audit trail, erasure, credentials); the erase dialog's focus. */
    private void asAdmin(Browser browser) {
        LoginPage.open(browser).signInAs("admin", "admin");
        checkMenu(browser, "admin");
        browser.open("erasure");
        var erase = browser.waitFor(d -> d.findElement(By.id("erase-lockout")));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", erase);
        erase.click();
        try {
            browser.waitFor(d -> d.findElement(By.id("erase-cancel")).isDisplayed() ? true : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            problems.add("Erase… on the erasure page opened no dialog with a Cancel button");
            signOut(browser);
            return;
        }
        String focused;
        try {
            focused = browser.waitFor(d -> {
                String text = (String) browser.driver.executeScript("""
                        let a = document.activeElement;
                        while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
                        const button = a && a.closest ? a.closest('vaadin-button, button') : null;
                        return button && button.closest('vaadin-dialog, vaadin-dialog-overlay') ? button.textContent.trim() : null;""");
                return text;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            focused = "nothing in the dialog";
        }
        if (!focused.equals("Cancel")) {
            problems.add("The erase dialog opens with '" + focused + "' focused; it must be Cancel");
        }
        check(browser, "admin", "erase-dialog");
        browser.driver.findElement(By.id("erase-cancel")).click();
        browser.waitFor(d -> d.findElements(By.cssSelector("vaadin-dialog[opened]")).isEmpty() ? true : null);
        assertThat(browser.driver.findElement(By.id("erasure-view")).getText()).as("Cancel erased nothing").contains("lockout");
        signOut(browser);
    }

    /** The verifier's menu and the public page of a certificate, signed in. */
    private void asVerifier(Browser browser, String certificate) {
        LoginPage.open(browser).signInAs("verifier", "verifier");
        checkMenu(browser, "verifier");
        visit(browser, "verifier", "verify/" + certificate, "verify-certificate");
        // a real certificate, but someone else's: its files are the holder's alone
        forbidden(browser, "verifier", "credentials/" + certificate + "/certificate.pdf", "others-certificate-file");
        forbidden(browser, "verifier", "credentials/" + certificate + "/credential.jwt", "others-credential-file");
        signOut(browser);
    }

    /** Every page in the role's menu. */
    private void checkMenu(Browser browser, String role) {
        check(browser, role, "home");
        List<String> paths = browser.waitFor(d -> d.findElements(By.cssSelector("#main-menu vaadin-side-nav-item"))).stream()
                .map(item -> item.getAttribute("path")).filter(p -> p != null && !p.isBlank()).map(p -> p.replaceFirst("^/", "")).toList();
        assertThat(paths).as(role + "'s menu").isNotEmpty();
        for (String path : paths) {
            if (!path.isEmpty()) {
                visit(browser, role, path, path.replace('/', '-'));
            }
        }
    }

    /**
     * A page the user may not open, or that does not exist: the app's own page in words (a heading, a way back), never
     * Spring's or Tomcat's; and it passes axe like every other page.
     */
    private void forbidden(Browser browser, String role, String path, String name) {
        visit(browser, role, path, name);
        String text = browser.driver.findElement(By.tagName("body")).getText();
        assertThat(text).as(role + " opening /" + path).doesNotContainIgnoringCase("whitelabel").doesNotContain("Forbidden")
                .doesNotContain("HTTP Status").doesNotContain("Exception");
        assertThat(browser.driver.findElements(By.tagName("h1"))).as(role + " opening /" + path + ": a heading in words").isNotEmpty();
    }

    private void visit(Browser browser, String role, String path, String name) {
        browser.open(path);
        check(browser, role, name);
    }

    private void check(Browser browser, String role, String name) {
        settle(browser);
        String page = role + "-" + name;
        checked.add(page);
        browser.screenshotInto("calibra.e2e.pages", page);
        var blocking = Axe.violations(browser).stream().filter(Axe.Violation::blocking).toList();
        if (!blocking.isEmpty()) {
            failures.put(page + " (" + browser.driver.getCurrentUrl() + ")", blocking);
        }
    }

    /** Clicks the first link matching, as a user would; false if the page has none. */
    private static boolean follow(Browser browser, String css) {
        settle(browser);
        var links = browser.driver.findElements(By.cssSelector(css));
        if (links.isEmpty()) {
            return false;
        }
        String href = links.getFirst().getAttribute("href");
        browser.driver.get(href);
        return true;
    }

    /** Waits until the page has loaded and Vaadin has nothing more to render. */
    private static void settle(Browser browser) {
        try {
            browser.waitFor(d -> Boolean.TRUE.equals(browser.driver.executeScript("""
                    if (document.readyState !== 'complete') return false;
                    // a web component of the page not upgraded yet (its definition still loading); Vaadin's *-content elements
                    // (a grid's cell contents, a dialog's content) are plain containers, never defined
                    if ([...document.querySelectorAll(':not(:defined)')].some(e => /^(vaadin|calibra)-/.test(e.localName)
                            && !e.localName.endsWith('-content'))) return false;
                    const flow = window.Vaadin && window.Vaadin.Flow;
                    if (!flow || !flow.clients) return true;
                    return Object.values(flow.clients).every(c => typeof c.isActive !== 'function' || !c.isActive());""")) ? true : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("The page at " + browser.driver.getCurrentUrl() + " did not settle; elements never defined: "
                    + browser.driver.executeScript("return [...new Set([...document.querySelectorAll(':not(:defined)')].map(e => e.localName))].join(', ')"), e);
        }
        // the upgraded components lay out in the next frames: wait for two to be painted
        browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
    }

    private static void signOut(Browser browser) {
        browser.open("");
        browser.waitFor(d -> d.findElement(By.id("logout"))).click();
        browser.waitFor(d -> d.findElement(By.id("login-form")));
    }
}
