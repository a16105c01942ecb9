package org.calibra.scoring.irt;

import java.util.List;

/** Items whose parameters cannot be estimated (everyone right, everyone wrong, or nobody answered). */
public final class DegenerateItemsException extends IllegalArgumentException {

    private final List<String> problems;

    DegenerateItemsException(List<String> problems) {
        super("these items cannot be calibrated: " + String.join("; ", problems)
                + ". Leave them out or collect more reads.");
        this.problems = List.copyOf(problems);
    }

    /** One sentence per item, naming it and saying what is wrong. */
    public List<String> problems() {
        return problems;
    }
}
