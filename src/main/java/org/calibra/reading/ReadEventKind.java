package org.calibra.reading;

import java.util.Arrays;
import java.util.Optional;

/** What a trainee did while reading a case; the read keeps them in order (what was shown when, every revision). */
public enum ReadEventKind {
    OPENED("opened"),
    /** Second reader: the revision started from the committed first read. */
    REVISION_STARTED("revision-started"),
    AI_REQUESTED("ai-requested"),
    AI_SHOWN("ai-shown"),
    AI_HIDDEN("ai-hidden"),
    MARK_ADDED("mark-added"),
    MARK_LABEL_CHANGED("mark-label-changed"),
    MARK_CONFIDENCE_CHANGED("mark-confidence-changed"),
    MARK_NOTE_CHANGED("mark-note-changed"),
    MARK_DELETED("mark-deleted"),
    ASSESSMENT_CHANGED("assessment-changed"),
    DIAGNOSIS_CHANGED("diagnosis-changed"),
    CONFIDENCE_CHANGED("confidence-changed");

    private final String code;

    ReadEventKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ReadEventKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    /** A revision changes the read itself, as opposed to what was on screen. */
    public boolean isRevision() {
        return switch (this) {
            case MARK_ADDED, MARK_LABEL_CHANGED, MARK_CONFIDENCE_CHANGED, MARK_NOTE_CHANGED, MARK_DELETED,
                 ASSESSMENT_CHANGED, DIAGNOSIS_CHANGED, CONFIDENCE_CHANGED -> true;
            default -> false;
        };
    }
}
