package org.calibra.authoring;

import java.util.List;

/** A draft action that cannot be done now, with why in words (and the problems that stand in the way, if that is why). */
public class DraftRefused extends RuntimeException {

    private final List<DraftProblem> problems;

    public DraftRefused(String message) {
        this(message, List.of());
    }

    public DraftRefused(String message, List<DraftProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<DraftProblem> problems() {
        return problems;
    }
}
