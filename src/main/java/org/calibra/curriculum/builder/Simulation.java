package org.calibra.curriculum.builder;

import java.util.List;
import org.calibra.curriculum.ThresholdTrial;

/**
 * What the builder's "Simulate on the last N attempts" shows for one module: either why nothing was simulated
 * ({@code note}: a module not yet published has no attempts), or the problems that stop it (the editor's thresholds or
 * minimums are not valid), or the {@code trial} — pass counts under the published rules and under the editor's — with
 * both sets of rules in words. Plain Java; the wording of counts and rates is here, tested, not in the page.
 */
public record Simulation(String note, List<String> problems, ThresholdTrial.Trial trial, List<String> publishedRules, List<String> editorRules) {

    public Simulation {
        problems = List.copyOf(problems);
        publishedRules = List.copyOf(publishedRules);
        editorRules = List.copyOf(editorRules);
    }

    static Simulation notPossible(String note) {
        return new Simulation(note, List.of(), null, List.of(), List.of());
    }

    static Simulation refused(List<String> problems) {
        return new Simulation(null, problems, null, List.of(), List.of());
    }

    static Simulation of(ThresholdTrial.Trial trial, List<String> publishedRules, List<String> editorRules) {
        return trial.refused() ? refused(trial.problems()) : new Simulation(null, List.of(), trial, publishedRules, editorRules);
    }

    /** Whether attempts were judged (possibly none: then {@link #trial()} considered 0). */
    public boolean simulated() {
        return trial != null;
    }

    /** E.g. "1 of 3 attempts pass (33%)" under the published rules. */
    public String currentInWords() {
        return passes(trial.passedUnderCurrent(), trial.attemptsConsidered(), false);
    }

    /** E.g. "2 of 3 attempts would pass (67%)" under the editor's thresholds. */
    public String proposedInWords() {
        return passes(trial.passedUnderProposed(), trial.attemptsConsidered(), true);
    }

    /** "1 more attempt would pass", "2 fewer attempts would pass" or "As many attempts would pass". */
    public String differenceInWords() {
        int d = trial.passedUnderProposed() - trial.passedUnderCurrent();
        if (d == 0) {
            return "As many attempts would pass as do now.";
        }
        int n = Math.abs(d);
        return n + (d > 0 ? " more" : " fewer") + (n == 1 ? " attempt" : " attempts") + " would pass than do now.";
    }

    /** {@code passed} of {@code of} with the rate rounded to whole percent (half up): 1 of 3 → 33%, 2 of 3 → 67%. */
    static String passes(int passed, int of, boolean would) {
        if (of == 0) {
            return "no attempts to judge";
        }
        long percent = Math.round(100.0 * passed / of);
        String verb = would ? " would pass" : (of == 1 ? " passes" : " pass");
        return passed + " of " + of + (of == 1 ? " attempt" : " attempts") + verb + " (" + percent + "%)";
    }

    /** One attempt's decision in words. */
    public static String decision(boolean passed) {
        return passed ? "passes" : "does not pass";
    }
}
