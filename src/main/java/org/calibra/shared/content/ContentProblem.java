package org.calibra.shared.content;

/**
 * One thing wrong with a content file, in words an author can act on:
 * which file, which field (a path such as {@code truth.findings[0].label}) and what was expected.
 */
public record ContentProblem(String file, String field, String message) {

    @Override
    public String toString() {
        return file + (field == null || field.isEmpty() ? "" : ": " + field) + ": " + message;
    }
}
