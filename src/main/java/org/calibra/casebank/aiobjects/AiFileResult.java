package org.calibra.casebank.aiobjects;

import java.util.List;

/** One file's outcome: the whole object mapped, or every reason it cannot be, in words. Never partly mapped. */
public sealed interface AiFileResult {

    String fileName();

    record Mapped(String fileName, AiObject object) implements AiFileResult {}

    record Refused(String fileName, List<String> problems) implements AiFileResult {

        public Refused {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a refusal says why");
            }
        }
    }
}
