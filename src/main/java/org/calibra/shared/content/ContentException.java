package org.calibra.shared.content;

import java.util.List;
import java.util.stream.Collectors;

/** Content that cannot be loaded. Nothing of it has been written. */
public class ContentException extends RuntimeException {

    private final List<ContentProblem> problems;

    public ContentException(List<ContentProblem> problems) {
        super(problems.size() + " problem(s) in content:\n" + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public ContentException(ContentProblem problem) {
        this(List.of(problem));
    }

    public List<ContentProblem> problems() {
        return problems;
    }
}
