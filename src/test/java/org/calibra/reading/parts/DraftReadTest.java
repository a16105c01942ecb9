package org.calibra.reading.parts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.calibra.reading.MarkShape;
import org.calibra.reading.ReadEventKind;
import org.calibra.reading.ReadPhase;
import org.calibra.reading.ReadSubmission;
import org.junit.jupiter.api.Test;

class DraftReadTest {

    /** A clock that moves one second each time it is read, so every step has its own time. */
    private static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T08:00:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() {
            Instant t = now;
            now = now.plus(Duration.ofSeconds(1));
            return t;
        }
    }

    @Test
    void every_revision_is_recorded_in_order_and_unchanged_values_record_nothing() {
        var draft = new DraftRead(new TickingClock(), true, true);
        var m = draft.addMark(2, 10, 20, MarkShape.ELLIPSE, 8, 6, "nodule");
        draft.setLabel(m.key, "nodule"); // same value: nothing to record
        draft.setLabel(m.key, "mass");
        draft.setConfidence(m.key, 5);
        draft.setNote(m.key, "  spiculated ");
        draft.setNote(m.key, "spiculated");
        draft.toggleAi();
        draft.setAbnormal(true);
        draft.setDiagnosis("cancer");
        draft.setOverallConfidence(4);
        draft.remove(m.key);

        assertThat(draft.events()).extracting(ReadSubmission.Event::kind).containsExactly(ReadEventKind.OPENED, ReadEventKind.MARK_ADDED,
                ReadEventKind.MARK_LABEL_CHANGED, ReadEventKind.MARK_CONFIDENCE_CHANGED, ReadEventKind.MARK_NOTE_CHANGED,
                ReadEventKind.AI_HIDDEN, ReadEventKind.ASSESSMENT_CHANGED, ReadEventKind.DIAGNOSIS_CHANGED, ReadEventKind.CONFIDENCE_CHANGED,
                ReadEventKind.MARK_DELETED);
        assertThat(draft.events().get(1).detail()).isEqualTo("ellipse on image 3 at (10.0, 20.0), 8.0 x 6.0 px");
        assertThat(draft.events().get(2).detail()).isEqualTo("nodule -> mass");
        assertThat(draft.events()).extracting(ReadSubmission.Event::at).isSorted();
    }

    @Test
    void a_point_mark_has_no_extent_whatever_the_viewer_sent() {
        var draft = new DraftRead(new TickingClock(), false, false);
        var m = draft.addMark(0, 1, 1, MarkShape.POINT, 5, 5, "nodule");
        assertThat(m.width).isZero();
        assertThat(m.height).isZero();
    }

    @Test
    void on_request_the_ai_stays_hidden_and_locked_until_asked_for_then_shows_at_once() {
        var draft = new DraftRead(new TickingClock(), true, false, true);
        draft.toggleAi(); // not asked yet: nothing happens
        assertThat(draft.aiVisible()).isFalse();
        assertThat(draft.aiUnlocked()).isFalse();

        draft.requestAi();
        draft.requestAi(); // asking twice is still one request
        draft.setAbnormal(false);
        draft.setOverallConfidence(3);
        var s = draft.toSubmission(1, 2, ReadPhase.FINAL);

        assertThat(draft.aiVisible()).isTrue();
        assertThat(s.ai().requestedAt()).isNotNull();
        assertThat(s.ai().firstShownAt()).isAfter(s.ai().requestedAt());
        assertThat(s.ai().shownAtOpen()).isFalse();
        assertThat(s.ai().toggleCount()).isEqualTo(1);
        assertThat(s.events()).extracting(ReadSubmission.Event::kind).containsExactly(ReadEventKind.OPENED, ReadEventKind.AI_REQUESTED,
                ReadEventKind.AI_SHOWN, ReadEventKind.ASSESSMENT_CHANGED, ReadEventKind.CONFIDENCE_CHANGED);
    }
}
