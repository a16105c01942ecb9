package org.calibra.reading;

/**
 * Which read of a case this is. Concurrent and unaided modules have only the final read; a second-reader
 * module first stores an unaided initial read, then (after the AI is revealed) the final one. Both are kept.
 */
public enum ReadPhase {
    INITIAL("initial"), FINAL("final");

    private final String code;

    ReadPhase(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ReadPhase fromCode(String code) {
        for (ReadPhase p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown read phase '" + code + "'");
    }
}
