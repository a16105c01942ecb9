package org.calibra.support;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Every text value in a record, and in the records, lists and optionals inside it: what a view built from it can show. The
 * exam-integrity tests search these for what a trainee must not see yet (seeds, notes on the AI's deliberate errors).
 */
public final class RecordTexts {

    private RecordTexts() {
    }

    public static List<String> of(Object value) {
        List<String> out = new ArrayList<>();
        collect(value, out);
        return out;
    }

    private static void collect(Object value, List<String> out) {
        switch (value) {
            case null -> { }
            case String s -> out.add(s);
            case Optional<?> o -> o.ifPresent(v -> collect(v, out));
            case Collection<?> c -> c.forEach(v -> collect(v, out));
            case Record r -> {
                for (RecordComponent rc : r.getClass().getRecordComponents()) {
                    try {
                        collect(rc.getAccessor().invoke(r), out);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                }
            }
            default -> { }
        }
    }
}
