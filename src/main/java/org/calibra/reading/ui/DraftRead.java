package org.calibra.reading.ui;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calibra.reading.ReadPhase;
import org.calibra.reading.ReadSubmission;
import org.calibra.reading.SubmittedRead;

/** The read being made in the browser session, before submission. Plain state, no Vaadin. */
final class DraftRead {

    static final int DEFAULT_CONFIDENCE = 3;

    static final class DraftMark {
        final String key;
        final int imageIndex;
        final double x;
        final double y;
        final Instant placedAt;
        String label;
        int confidence = DEFAULT_CONFIDENCE;

        DraftMark(String key, int imageIndex, double x, double y, String label, Instant placedAt) {
            this.key = key;
            this.imageIndex = imageIndex;
            this.x = x;
            this.y = y;
            this.label = label;
            this.placedAt = placedAt;
        }
    }

    private final Clock clock;
    private final Instant openedAt;
    private final List<DraftMark> marks = new ArrayList<>();
    private int nextMark = 1;
    private String selected;
    Boolean abnormal;
    String diagnosis;
    Integer overallConfidence;
    private final boolean aiAvailable;
    private final boolean aiShownAtOpen;
    private boolean aiVisible;
    private Instant aiFirstShownAt;
    private int aiToggles;

    DraftRead(Clock clock, boolean aiAvailable, boolean aiShownAtOpen) {
        this.clock = clock;
        this.openedAt = clock.instant();
        this.aiAvailable = aiAvailable;
        this.aiShownAtOpen = aiShownAtOpen;
        this.aiVisible = aiShownAtOpen;
        this.aiFirstShownAt = aiShownAtOpen ? openedAt : null;
    }

    /** Second reader: the revision starts from the committed first read (its marks keep their keys and times). */
    void prefill(SubmittedRead initial) {
        for (var m : initial.marks()) {
            var copy = new DraftMark(m.key(), m.imageIndex(), m.x(), m.y(), m.label(), m.placedAt());
            copy.confidence = m.confidence();
            marks.add(copy);
            nextMark = Math.max(nextMark, Integer.parseInt(m.key().replaceAll("\\D", "0")) + 1);
        }
        abnormal = initial.assessmentAbnormal();
        diagnosis = initial.diagnosis();
        overallConfidence = initial.overallConfidence();
    }

    DraftMark addMark(int imageIndex, double x, double y, String defaultLabel) {
        var m = new DraftMark("M" + nextMark++, imageIndex, x, y, defaultLabel, clock.instant());
        marks.add(m);
        selected = m.key;
        return m;
    }

    void remove(String key) {
        marks.removeIf(m -> m.key.equals(key));
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

    boolean aiVisible() {
        return aiVisible;
    }

    void toggleAi() {
        aiVisible = !aiVisible;
        aiToggles++;
        if (aiVisible && aiFirstShownAt == null) {
            aiFirstShownAt = clock.instant();
        }
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

    ReadSubmission toSubmission(long moduleId, long caseVersionId, ReadPhase phase) {
        var list = marks.stream().map(m -> new ReadSubmission.MarkInput(m.key, m.imageIndex, m.x, m.y, m.label, m.confidence, m.placedAt)).toList();
        var ai = new ReadSubmission.AiExposure(aiAvailable, aiShownAtOpen, aiVisible, aiFirstShownAt, aiToggles);
        return new ReadSubmission(moduleId, caseVersionId, openedAt, abnormal, abnormal ? diagnosis : "normal", overallConfidence, list, ai, phase);
    }
}
