package org.calibra.authoring;

/**
 * One thing that keeps a draft from review or publication, found by the same checks as the loader: {@code field} the
 * manifest path ({@code truth.findings[0].x}, empty for the whole case) or a file's name, {@code where} that field in
 * words ("Lesion 1 (L1): x"), {@code message} what is wrong and what is expected.
 */
public record DraftProblem(String field, String where, String message) {

    @Override
    public String toString() {
        return where.isEmpty() ? message : where + ": " + message;
    }
}
