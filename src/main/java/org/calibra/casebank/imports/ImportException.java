package org.calibra.casebank.imports;

import java.util.List;
import org.calibra.shared.content.ContentProblem;

/** A bundle that cannot be imported; nothing of it was stored. Every problem names its file. */
public class ImportException extends RuntimeException {

    private final transient List<ContentProblem> problems;

    public ImportException(List<ContentProblem> problems) {
        super(problems.size() + " problem(s): " + problems.getFirst().file() + ": " + problems.getFirst().message());
        this.problems = List.copyOf(problems);
    }

    public ImportException(String file, String message) {
        this(List.of(new ContentProblem(file, "", message)));
    }

    public List<ContentProblem> problems() {
        return problems;
    }
}
