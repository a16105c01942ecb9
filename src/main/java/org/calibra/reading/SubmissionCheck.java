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
                || s.ai().firstShownAt() != null || s.ai().toggleCount() > 0)) {
            reject("This read must be made without the AI, but it records that the AI was shown.");
        }
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
