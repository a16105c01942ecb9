package org.calibra.casebank;

import java.util.List;
import org.calibra.shared.content.ContentProblem;

/**
 * A case whose files are in the blob store (a draft), checked with the loader's checks: every problem found, and the
 * image stack as far as it could be built ({@code sha256} null for an image kept in an external archive).
 */
public record StoredCaseCheck(List<ContentProblem> problems, List<Image> stack) {

    public record Image(int index, String file, String sha256, int frame, int rows, int columns) {}

    public StoredCaseCheck {
        problems = List.copyOf(problems);
        stack = List.copyOf(stack);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
