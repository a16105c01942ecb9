package org.calibra.scoring.jafroc;

import java.util.List;
import java.util.Objects;

/**
 * A JAFROC study could not be read: every problem found, each naming the file, line and column.
 *
 * <p>All problems are collected before failing (up to {@link #MAX_PROBLEMS}), because someone
 * fixing an exported spreadsheet wants the whole list at once rather than one error per run.
 */
public final class JafrocFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** More than this many problems usually means a wrong file or layout; the rest add nothing. */
    public static final int MAX_PROBLEMS = 50;

    /**
     * One thing wrong with the input.
     *
     * @param file    the file name, e.g. {@code nl.csv} (or the table name for in-memory tables)
     * @param line    1-based line number (the header is line 1), or 0 for the file as a whole
     * @param column  the column name, or {@code null} when the problem concerns the whole row or file
     * @param message what was found and what was expected
     */
    public record Problem(String file, int line, String column, String message) implements java.io.Serializable {

        public Problem {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            var s = new StringBuilder(file);
            if (line > 0) {
                s.append(" line ").append(line);
            }
            if (column != null) {
                s.append(line > 0 ? ", " : " ").append("column ").append(column);
            }
            return s.append(": ").append(message).toString();
        }
    }

    private final List<Problem> problems;
    private final boolean truncated;

    JafrocFormatException(String what, List<Problem> problems, boolean truncated) {
        super(render(what, problems, truncated));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
        this.truncated = truncated;
    }

    /** The problems in the order found: files in the order TRUTH, NL, LL, then by line. */
    public List<Problem> problems() {
        return problems;
    }

    /** Whether more problems were found than {@link #MAX_PROBLEMS} and the rest were dropped. */
    public boolean truncated() {
        return truncated;
    }

    private static String render(String what, List<Problem> problems, boolean truncated) {
        var s = new StringBuilder("Cannot read ").append(what).append(": ")
                .append(problems.size()).append(truncated ? "+" : "")
                .append(problems.size() == 1 && !truncated ? " problem" : " problems");
        for (Problem p : problems) {
            s.append(System.lineSeparator()).append("  ").append(p);
        }
        if (truncated) {
            s.append(System.lineSeparator()).append("  ... stopped after ").append(MAX_PROBLEMS).append(" problems");
        }
        return s.toString();
    }
}
