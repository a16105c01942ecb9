package org.calibra.reading.parts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.calibra.reading.MarkShape;
import org.calibra.reading.ReadEventKind;
import org.calibra.reading.ReadPhase;
import org.calibra.reading.ReadSubmission;
import org.calibra.reading.SubmittedRead;

/**
 * The read being made in the browser session, before submission. Plain state, no Vaadin. Every change
 * goes through a method here, so each is recorded as a step of the read (what was shown when, every revision).
 */
final class DraftRead {

    static final int DEFAULT_CONFIDENCE = 3;

    static final class DraftMark {
        final String key;
        final int imageIndex;
        final double x;
        final double y;
        final MarkShape shape;
        final double width;
        final double height;
        final Instant placedAt;
        private String label;
        private int confidence = DEFAULT_CONFIDENCE;
        private String note;

        DraftMark(String key, int imageIndex, double x, double y, MarkShape shape, double width, double height, String label, Instant placedAt) {
            this.key = key;
            this.imageIndex = imageIndex;
            this.x = x;
            this.y = y;
            this.shape = shape;
            this.width = width;
            this.height = height;
            this.label = label;
            this.placedAt = placedAt;
        }

        String label() { return label; }
        int confidence() { return confidence; }
        String note() { return note; }
    }

    private final Clock clock;
    private final Instant openedAt;
    private final List<DraftMark> marks = new ArrayList<>();
    private final List<ReadSubmission.Event> events = new ArrayList<>();
    private int nextMark = 1;
    private String selected;
    private Boolean abnormal;
    private String diagnosis;
    private Integer overallConfidence;
    private final boolean aiAvailable;
    private final boolean aiShownAtOpen;
    private final boolean aiOnRequest;
    private boolean aiVisible;
    private Instant aiFirstShownAt;
    private Instant aiRequestedAt;
    private int aiToggles;

    /**
     * @param aiOnRequest the AI is available but hidden until the trainee asks for it (then {@code aiShownAtOpen} is false)
     */
    DraftRead(Clock clock, boolean aiAvailable, boolean aiShownAtOpen, boolean aiOnRequest) {
        this.clock = clock;
        this.openedAt = clock.instant();
        this.aiAvailable = aiAvailable;
        this.aiShownAtOpen = aiShownAtOpen;
        this.aiOnRequest = aiOnRequest;
        this.aiVisible = aiShownAtOpen;
        this.aiFirstShownAt = aiShownAtOpen ? openedAt : null;
        record(ReadEventKind.OPENED, null, aiShownAtOpen ? "AI shown" : aiOnRequest ? "AI available on request" : aiAvailable ? "AI hidden" : "no AI");
    }

    DraftRead(Clock clock, boolean aiAvailable, boolean aiShownAtOpen) {
        this(clock, aiAvailable, aiShownAtOpen, false);
    }

    /** Second reader: the revision starts from the committed first read (its marks keep their keys and times). */
    void prefill(SubmittedRead initial) {
        for (var m : initial.marks()) {
            var copy = new DraftMark(m.key(), m.imageIndex(), m.x(), m.y(), m.shape(), m.width(), m.height(), m.label(), m.placedAt());
            copy.confidence = m.confidence();
            copy.note = m.note();
            marks.add(copy);
            nextMark = Math.max(nextMark, Integer.parseInt(m.key().replaceAll("\\D", "0")) + 1);
        }
        abnormal = initial.assessmentAbnormal();
        diagnosis = initial.diagnosis();
        overallConfidence = initial.overallConfidence();
        record(ReadEventKind.REVISION_STARTED, null, "from the first read: " + initial.marks().size() + " mark(s), "
                + (abnormal ? "abnormal, " + diagnosis : "normal") + ", confidence " + overallConfidence);
    }

    DraftMark addMark(int imageIndex, double x, double y, String defaultLabel) {
        return addMark(imageIndex, x, y, MarkShape.POINT, 0, 0, defaultLabel);
    }

    DraftMark addMark(int imageIndex, double x, double y, MarkShape shape, double width, double height, String defaultLabel) {
        boolean point = shape == MarkShape.POINT;
        var m = new DraftMark("M" + nextMark++, imageIndex, x, y, shape, point ? 0 : width, point ? 0 : height, defaultLabel, clock.instant());
        marks.add(m);
        selected = m.key;
        record(ReadEventKind.MARK_ADDED, m.key, String.format(Locale.ROOT, "%s on image %d at (%.1f, %.1f)%s", shape.code(), imageIndex + 1, x, y,
                point ? "" : String.format(Locale.ROOT, ", %.1f x %.1f px", m.width, m.height)));
        return m;
    }

    void setLabel(String key, String label) {
        mark(key).filter(m -> !Objects.equals(m.label, label)).ifPresent(m -> {
            record(ReadEventKind.MARK_LABEL_CHANGED, key, m.label + " -> " + label);
            m.label = label;
        });
    }

    void setConfidence(String key, int confidence) {
        mark(key).filter(m -> m.confidence != confidence).ifPresent(m -> {
            record(ReadEventKind.MARK_CONFIDENCE_CHANGED, key, m.confidence + " -> " + confidence);
            m.confidence = confidence;
        });
    }

    void setNote(String key, String note) {
        String clean = note == null || note.isBlank() ? null : note.strip();
        mark(key).filter(m -> !Objects.equals(m.note, clean)).ifPresent(m -> {
            record(ReadEventKind.MARK_NOTE_CHANGED, key, clean == null ? "note removed" : clean);
            m.note = clean;
        });
    }

    void remove(String key) {
        if (marks.removeIf(m -> m.key.equals(key))) {
            record(ReadEventKind.MARK_DELETED, key, null);
        }
        if (key.equals(selected)) {
            selected = null;
        }
    }

    Optional<DraftMark> mark(String key) {
        return marks.stream().filter(m -> m.key.equals(key)).findFirst();
    }

    List<DraftMark> marks() {
        return List.copyOf(marks);
    }

    void select(String key) {
        selected = key;
    }

    String selected() {
        return selected;
    }

    Boolean abnormal() { return abnormal; }
    String diagnosis() { return diagnosis; }
    Integer overallConfidence() { return overallConfidence; }

    void setAbnormal(boolean value) {
        if (!Objects.equals(abnormal, value)) {
            record(ReadEventKind.ASSESSMENT_CHANGED, null, value ? "abnormal" : "normal");
            abnormal = value;
        }
    }

    void setDiagnosis(String value) {
        if (!Objects.equals(diagnosis, value)) {
            record(ReadEventKind.DIAGNOSIS_CHANGED, null, value);
            diagnosis = value;
        }
    }

    void setOverallConfidence(Integer value) {
        if (!Objects.equals(overallConfidence, value)) {
            record(ReadEventKind.CONFIDENCE_CHANGED, null, String.valueOf(value));
            overallConfidence = value;
        }
    }

    boolean aiVisible() {
        return aiVisible;
    }

    boolean aiOnRequest() {
        return aiOnRequest;
    }

    /** On request: whether the trainee has asked for the AI yet. Elsewhere the AI needs no asking. */
    boolean aiUnlocked() {
        return !aiOnRequest || aiRequestedAt != null;
    }

    /** The trainee asks to see the AI (on-request modules); it is shown at once. */
    void requestAi() {
        if (!aiOnRequest || aiRequestedAt != null) {
            return;
        }
        aiRequestedAt = clock.instant();
        record(ReadEventKind.AI_REQUESTED, null, marks.size() + " mark(s) placed before asking");
        toggleAi();
    }

    void toggleAi() {
        if (!aiAvailable || !aiUnlocked()) {
            return;
        }
        aiVisible = !aiVisible;
        aiToggles++;
        if (aiVisible && aiFirstShownAt == null) {
            aiFirstShownAt = clock.instant();
        }
        record(aiVisible ? ReadEventKind.AI_SHOWN : ReadEventKind.AI_HIDDEN, null, null);
    }

    /** Something the trainee would lose by leaving: a mark or any part of the assessment. */
    boolean dirty() {
        return !marks.isEmpty() || abnormal != null || diagnosis != null || overallConfidence != null;
    }

    /** What is still missing before the read can be submitted, in words; empty when complete. */
    Optional<String> missing() {
        if (abnormal == null) {
            return Optional.of("Choose normal or abnormal.");
        }
        if (abnormal && (diagnosis == null || diagnosis.equals("normal"))) {
            return Optional.of("Choose a diagnosis.");
        }
        if (overallConfidence == null) {
            return Optional.of("Choose how confident you are (1–5).");
        }
        return Optional.empty();
    }

    List<ReadSubmission.Event> events() {
        return List.copyOf(events);
    }

    ReadSubmission toSubmission(long moduleId, long caseVersionId, ReadPhase phase) {
        var list = marks.stream().map(m -> new ReadSubmission.MarkInput(m.key, m.imageIndex, m.x, m.y, m.label, m.confidence, m.placedAt,
                m.shape, m.width, m.height, m.note)).toList();
        var ai = new ReadSubmission.AiExposure(aiAvailable, aiShownAtOpen, aiVisible, aiFirstShownAt, aiToggles, aiRequestedAt);
        return new ReadSubmission(moduleId, caseVersionId, openedAt, abnormal, abnormal ? diagnosis : "normal", overallConfidence, list, ai,
                phase, events);
    }

    private void record(ReadEventKind kind, String markKey, String detail) {
        events.add(new ReadSubmission.Event(clock.instant(), kind, markKey, detail));
    }
}
