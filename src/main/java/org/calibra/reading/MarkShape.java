package org.calibra.reading;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a finding was drawn. Scoring uses the centre of every shape (FROC marks are locations); the
 * extent is kept because it is what the trainee meant and what feedback draws.
 */
public enum MarkShape {
    POINT("point"), ELLIPSE("ellipse"), BOX("box");

    private final String code;

    MarkShape(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<MarkShape> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
