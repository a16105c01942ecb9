package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * axe-core (from npm, {@code node_modules/axe-core/axe.min.js}) run in the page the browser shows: the WCAG 2.1 A and
 * AA rules, plus the two structure rules every Calibra page must pass (one {@code main} landmark, one {@code h1}),
 * which axe files under "best practice", and WCAG 2.5.3 "label in name", which axe still calls experimental and so
 * leaves out unless asked.
 */
final class Axe {

    /** Rules enforced whatever impact axe gives them: the page structure of docs/accessibility.md. */
    static final Set<String> STRUCTURE_RULES = Set.of("landmark-one-main", "page-has-heading-one");

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {
              runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
              rules: {'landmark-one-main': {enabled: true}, 'page-has-heading-one': {enabled: true},
                      'label-content-name-mismatch': {enabled: true}},
              resultTypes: ['violations']
            }).then(r => done(r.violations.map(v => ({
              id: v.id, impact: v.impact || '', help: v.help,
              targets: v.nodes.map(n => JSON.stringify(n.target) + (n.failureSummary ? ' (' + n.failureSummary.replace(/\\s+/g, ' ') + ')' : ''))
            })))).catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), targets: []}]));""";

    private static String source;

    /** One rule a page breaks, with the elements that break it. */
    record Violation(String rule, String impact, String help, List<String> targets) {
        boolean blocking() {
            return impact.equals("serious") || impact.equals("critical") || STRUCTURE_RULES.contains(rule);
        }

        @Override
        public String toString() {
            return rule + " [" + impact + "] " + help + "\n      " + String.join("\n      ", targets);
        }
    }

    private Axe() {}

    /** Injects axe-core into the page shown (once per page load) and returns what it finds. */
    @SuppressWarnings("unchecked")
    static List<Violation> violations(Browser browser) {
        if (!Boolean.TRUE.equals(browser.driver.executeScript("return typeof window.axe !== 'undefined'"))) {
            browser.driver.executeScript(source());
        }
        var found = (List<Map<String, Object>>) browser.driver.executeAsyncScript(RUN);
        var result = new ArrayList<Violation>();
        for (var v : found) {
            result.add(new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"), (List<String>) v.get("targets")));
        }
        return result;
    }

    /** Fails naming every serious or critical violation (and any of the structure rules) of the page shown. */
    static void assertNoSeriousViolations(Browser browser, String page) {
        var blocking = violations(browser).stream().filter(Violation::blocking).toList();
        assertThat(blocking).as(() -> page + " (" + browser.driver.getCurrentUrl() + ") breaks " + blocking.size()
                + " accessibility rule(s):\n  " + String.join("\n  ", blocking.stream().map(Violation::toString).toList())).isEmpty();
    }

    private static synchronized String source() {
        if (source == null) {
            Path file = axeFile();
            try {
                source = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    /**
     * The build sets {@code calibra.e2e.axe} (failsafe); run from an IDE, look in node_modules of the project folder, found by
     * walking up from the working directory to the folder with package.json.
     */
    private static Path axeFile() {
        String configured = System.getProperty("calibra.e2e.axe");
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("node_modules/axe-core/axe.min.js");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("axe-core is not installed: no node_modules/axe-core/axe.min.js"
                + (configured != null ? " at " + configured : "") + " or above " + System.getProperty("user.dir")
                + ". It is a devDependency in package.json; a build (./calibra mvn -DskipTests package) or `npm install` installs it.");
    }
}
