package org.calibra.curriculum;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How the AI suggestion is offered in a module (product.md glossary). */
public enum ReadingMode {
    /** AI never shown. */
    UNAIDED("unaided"),
    /** AI shown from the start; the trainee may hide it. */
    CONCURRENT("concurrent"),
    /** The trainee commits an unaided read, then sees the AI and may revise; both reads are kept. */
    SECOND_READER("second-reader"),
    /** AI hidden until the trainee asks for it; whether and when they asked is recorded. */
    ON_REQUEST("on-request");

    private final String code;

    ReadingMode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ReadingMode> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(ReadingMode::code).toList();
    }

    /** Every mode is available (kept so content checks can refuse a mode a future version adds before it works). */
    public boolean isImplemented() {
        return true;
    }

    public static List<String> implementedCodes() {
        return Arrays.stream(values()).filter(ReadingMode::isImplemented).map(ReadingMode::code).toList();
    }

    public String displayName() {
        return switch (this) {
            case UNAIDED -> "Unaided";
            case CONCURRENT -> "AI shown (concurrent)";
            case SECOND_READER -> "AI as second reader";
            case ON_REQUEST -> "AI on request";
        };
    }
}
