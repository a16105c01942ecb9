package org.calibra.competency.parts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.calibra.casebank.CaseForReading;
import org.calibra.casebank.CaseTruth;
import org.calibra.scoring.ReadFeedback;

/**
 * The AI's deliberate mistakes on a case (ADR 0023) in words, each with the educator's note and what the read did about
 * it. Only from a {@link ReadFeedback}: the labels name the answer, so they exist for a read only once it is submitted.
 * Judged with what the scoring already decided — lesions found, the case call, and which labelled false marks the read
 * followed ({@link ReadFeedback#followedAiMarks()}) — never by a rule of its own.
 */
public final class AiErrorsFeedback {

    private AiErrorsFeedback() {
    }

    /** One labelled error: what the AI got wrong, the note (null when none), what the read did, and whether that caught it. */
    public record Line(String what, String note, String you, boolean caught) {}

    /**
     * What the wording needs from a submitted read. {@code lesionLabels}: truth lesion id → its label; {@code lesionsFound}:
     * ids of lesions the read found; {@code aiMarks}: the AI's marks by id; {@code followed}: labelled false marks the read
     * put a mark on; {@code callCorrect}: the read called the case normal/abnormal as the truth is; {@code aiSeen}: the AI
     * was shown to the reader on this case.
     */
    public record Facts(Map<String, String> lesionLabels, Set<String> lesionsFound, Map<String, CaseForReading.AiMark> aiMarks,
                        Set<String> followed, boolean callCorrect, boolean aiSeen) {

        public static Facts of(ReadFeedback f) {
            var ai = f.read().ai();
            return new Facts(
                    f.truth().lesions().stream().collect(Collectors.toMap(CaseTruth.Lesion::id, l -> l.label() == null ? "" : org.calibra.shared.DisplayWords.termInSentence(l.label()), (a, b) -> a)),
                    f.lesions().stream().filter(ReadFeedback.LesionResult::detected).map(ReadFeedback.LesionResult::id).collect(Collectors.toSet()),
                    f.kase().ai().marks().stream().collect(Collectors.toMap(CaseForReading.AiMark::id, Function.identity(), (a, b) -> a)),
                    Set.copyOf(f.followedAiMarks()),
                    f.caseOutcome().equals("TP") || f.caseOutcome().equals("TN"),
                    ai != null && ai.available() && ai.firstShownAt() != null);
        }
    }

    public static List<Line> lines(ReadFeedback f) {
        var facts = Facts.of(f);
        return f.truth().aiErrors().stream().map(e -> line(e, facts)).toList();
    }

    public static Line line(CaseTruth.AiError e, Facts facts) {
        String note = e.note() == null || e.note().isBlank() ? null : e.note().strip();
        return switch (e.kind()) {
            case MISSED_LESION -> {
                String label = facts.lesionLabels().getOrDefault(e.lesionId(), "");
                boolean found = facts.lesionsFound().contains(e.lesionId());
                yield new Line("The AI missed lesion " + e.lesionId() + (label.isBlank() ? "" : " (" + label + ")") + ".", note,
                        found ? "You found it." : "You missed it too.", found);
            }
            case FALSE_MARK -> {
                var mark = facts.aiMarks().get(e.aiMarkId());
                String about = mark == null ? "" : " (" + (mark.label() == null || mark.label().isBlank() ? "" : org.calibra.shared.DisplayWords.termInSentence(mark.label()) + ", ")
                        + "probability " + Math.round(mark.probability() * 100) + "%)";
                boolean followed = facts.followed().contains(e.aiMarkId());
                String you = followed
                        ? (facts.aiSeen() ? "You put a mark there too: you followed the AI's false mark." : "You put a mark there too, without seeing the AI.")
                        : (facts.aiSeen() ? "You put no mark there: you did not follow it." : "You put no mark there.");
                yield new Line("The AI's mark " + e.markNumber() + about + " points at no lesion.", note, you, !followed);
            }
            case OFF_LABEL -> {
                String reason = e.reason() == null ? "" : e.reason().strip();
                // the reason is the educator's words: end the sentence once, whether or not they ended it
                String sentence = reason.isEmpty() ? "This case is outside the model's intended use."
                        : "This case is outside the model's intended use: " + reason + (reason.matches(".*[.!?]$") ? "" : ".");
                yield new Line(sentence, note, facts.callCorrect() ? "You called the case correctly." : "You did not call the case correctly.",
                        facts.callCorrect());
            }
        };
    }
}
