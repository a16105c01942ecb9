package org.calibra.reading;

import java.util.HashSet;
import java.util.Set;
import org.calibra.casebank.CaseForReading;
import org.calibra.curriculum.ReadingMode;

/** Checks a submission against the case it is for; the first problem is reported in words. */
final class SubmissionCheck {

    private static final String NORMAL = "normal";
    private final CaseForReading c;
    private final ReadingMode mode;
    private final ReadSubmission s;

    SubmissionCheck(CaseForReading c, ReadingMode mode, ReadSubmission s) {
        this.c = c;
        this.mode = mode;
        this.s = s;
    }

    static final int MAX_MARKS = 50;

    void run() {
        if (s.diagnosis() == null || s.ai() == null) {
            reject("The read is incomplete: the diagnosis or the record of the AI shown is missing.");
        }
        if (s.marks().size() > MAX_MARKS) {
            reject("A read can hold at most " + MAX_MARKS + " marks (got " + s.marks().size() + ").");
        }
        if (!c.diagnoses().contains(s.diagnosis())) {
            reject("Choose a diagnosis from the list (got '" + s.diagnosis() + "').");
        }
        if (s.assessmentAbnormal() == NORMAL.equals(s.diagnosis())) {
            reject(s.assessmentAbnormal() ? "An abnormal assessment needs a diagnosis other than 'normal'."
                    : "A normal assessment must have the diagnosis 'normal'.");
        }
        confidence(s.overallConfidence(), "overall confidence");
        if (s.openedAt() == null) {
            reject("The time the case was opened is missing.");
        }
        boolean aiMustBeUnseen = mode == ReadingMode.UNAIDED || s.phase() == ReadPhase.INITIAL;
        if (aiMustBeUnseen && (s.ai().available() || s.ai().shownAtOpen() || s.ai().visibleAtSubmit()
                || s.ai().firstShownAt() != null || s.ai().toggleCount() > 0 || s.ai().requestedAt() != null)) {
            reject("This read must be made without the AI, but it records that the AI was shown.");
        }
        checkOnRequest();
        checkEvents();
        Set<String> keys = new HashSet<>();
        for (var m : s.marks()) {
            if (!keys.add(m.key())) {
                reject("Two marks have the same id '" + m.key() + "'.");
            }
            if (m.key() == null || m.label() == null || !c.labels().contains(m.label())) {
                reject("Mark " + m.key() + " needs a label from the list (got '" + m.label() + "').");
            }
            confidence(m.confidence(), "confidence of mark " + m.key());
            if (m.imageIndex() < 0 || m.imageIndex() >= c.images().size()) {
                reject("Mark " + m.key() + " is on image " + (m.imageIndex() + 1) + ", but the case has " + c.images().size() + ".");
            }
            CaseForReading.ImageRef img = c.images().get(m.imageIndex());
            if (m.x() < 0 || m.x() > img.columns() || m.y() < 0 || m.y() > img.rows()) {
                reject("Mark " + m.key() + " lies outside the image.");
            }
            if (m.placedAt() == null) {
                reject("Mark " + m.key() + " has no time.");
            }
            checkExtent(m, img);
        }
    }

    static final int MAX_NOTE = ReadSubmission.MAX_NOTE_LENGTH;
    static final int MAX_EVENTS = 5000;

    private void checkExtent(ReadSubmission.MarkInput m, CaseForReading.ImageRef img) {
        boolean finite = Double.isFinite(m.width()) && Double.isFinite(m.height());
        if (m.shape() == MarkShape.POINT && (m.width() != 0 || m.height() != 0)) {
            reject("Mark " + m.key() + " is a point, so its width and height must be 0 (got " + m.width() + " x " + m.height() + ").");
        }
        if (m.shape() != MarkShape.POINT && (!finite || m.width() <= 0 || m.height() <= 0
                || m.width() > 2 * img.columns() || m.height() > 2 * img.rows())) {
            reject("Mark " + m.key() + " is a " + m.shape().code() + " and needs a width and height above 0 that fit the image ("
                    + img.columns() + " x " + img.rows() + " pixels), got " + m.width() + " x " + m.height() + ".");
        }
        if (m.note() != null && m.note().length() > MAX_NOTE) {
            reject("The note of mark " + m.key() + " is " + m.note().length() + " characters long; at most " + MAX_NOTE + ".");
        }
    }

    /** On request: the AI is hidden at first, and it can only have been seen after the trainee asked for it. */
    private void checkOnRequest() {
        var ai = s.ai();
        if (mode != ReadingMode.ON_REQUEST) {
            if (ai.requestedAt() != null) {
                reject("Only modules with the AI on request record a request for the AI.");
            }
            return;
        }
        if (ai.shownAtOpen()) {
            reject("In this module the AI is shown only when asked for, but the read records it as shown from the start.");
        }
        boolean seen = ai.visibleAtSubmit() || ai.firstShownAt() != null || ai.toggleCount() > 0;
        if (ai.requestedAt() == null && seen) {
            reject("The read records that the AI was shown, but not that it was asked for.");
        }
        if (ai.requestedAt() != null && (ai.requestedAt().isBefore(s.openedAt()) || ai.firstShownAt() == null
                || ai.firstShownAt().isBefore(ai.requestedAt()))) {
            reject("The AI request must come after the case was opened and before the AI was first shown.");
        }
    }

    private void checkEvents() {
        if (s.events().size() > MAX_EVENTS) {
            reject("A read can record at most " + MAX_EVENTS + " steps (got " + s.events().size() + ").");
        }
        for (var e : s.events()) {
            if (e.at() == null || e.kind() == null) {
                reject("A recorded step of the read has no time or kind.");
            }
            if (e.at().isBefore(s.openedAt())) {
                reject("A recorded step (" + e.kind().code() + ") is dated before the case was opened.");
            }
            if (e.detail() != null && e.detail().length() > MAX_NOTE) {
                reject("A recorded step (" + e.kind().code() + ") has a detail longer than " + MAX_NOTE + " characters.");
            }
        }
    }

    private void confidence(int value, String what) {
        if (value < 1 || value > 5) {
            reject("The " + what + " must be from 1 to 5 (got " + value + ").");
        }
    }

    private static void reject(String message) {
        throw new ReadRejectedException(message);
    }

}
