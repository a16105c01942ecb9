package org.calibra.scoring.jafroc;

import java.util.ArrayList;
import java.util.List;
import org.calibra.scoring.jafroc.JafrocFormatException.Problem;

/** Collects problems up to {@link JafrocFormatException#MAX_PROBLEMS}, then throws them together. */
final class Problems {

    private final List<Problem> list = new ArrayList<>();
    private boolean truncated;

    void add(String file, int line, String column, String message) {
        if (list.size() < JafrocFormatException.MAX_PROBLEMS) {
            list.add(new Problem(file, line, column, message));
        } else {
            truncated = true;
        }
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /** Whether {@code file} has any problem so far (used to skip checks that would only cascade). */
    boolean concern(String file) {
        return list.stream().anyMatch(p -> p.file().equals(file));
    }

    void throwIfAny(String what) {
        if (!list.isEmpty()) {
            throw new JafrocFormatException(what, list, truncated);
        }
    }
}
