package org.calibra.competency.parts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.calibra.casebank.CaseForReading;
import org.calibra.scoring.ReadFeedback;
import org.calibra.shared.DisplayWords;
import org.calibra.viewer.CalibraViewer;

/**
 * The feedback page's content on one read — truth on the image, what each mark was, what was missed, whether the AI was
 * right, the teaching points. Shown to a resident after their read, and to an educator after a preview read (issue 13),
 * so both see the same page. Only ever built from a {@link ReadFeedback}, that is after the read was submitted.
 */
public final class FeedbackParts {

    private FeedbackParts() {
    }

    /** The side panel's sections, in order: summary, before and after the AI (second reader), marks, the AI, teaching points. */
    public static List<Component> sections(ReadFeedback f) {
        List<Component> list = new ArrayList<>();
        list.add(summary(f));
        f.initial().ifPresent(initial -> list.add(beforeAndAfter(f, initial)));
        list.add(marks(f));
        list.add(aiVerdict(f));
        if (!f.truth().aiErrors().isEmpty()) {
            list.add(aiErrors(f));
        }
        list.add(teaching(f));
        return list;
    }

    /** The read's marks (each with what it was), the AI's marks and heatmaps, and the truth outlines: nothing to change. */
    public static CalibraViewer viewer(ReadFeedback f, List<CalibraViewer.Image> images) {
        var v = new CalibraViewer();
        v.setImages(images);
        v.setMarkingEnabled(false);
        Map<String, String> outcome = new HashMap<>();
        f.marks().forEach(m -> outcome.put(m.id(), m.outcome()));
        v.setModality(f.kase().modality());
        v.setMarks(f.read().marks().stream().map(m -> new CalibraViewer.ViewerMark(m.key(), m.imageIndex(), m.x(), m.y(), m.shape().code(),
                m.width(), m.height(), DisplayWords.term(m.label()), m.confidence(), false, outcome.get(m.key()))).toList());
        Map<String, String> aiOutcome = new HashMap<>();
        f.aiMarks().forEach(m -> aiOutcome.put(m.id(), m.outcome()));
        v.setAiMarks(f.kase().ai().marks().stream().map(a -> new CalibraViewer.ViewerAiMark(a.id(), a.imageIndex(), a.x(), a.y(), DisplayWords.term(a.label()),
                a.probability(), aiOutcome.get(a.id()))).toList());
        v.setHeatmaps(f.kase().ai().heatmaps().stream().map(h -> new CalibraViewer.Heatmap(h.imageIndex(), h.url())).toList());
        v.setAiVisible(true);
        Map<String, Boolean> detected = new HashMap<>();
        f.lesions().forEach(l -> detected.put(l.id(), l.detected()));
        v.setTruth(f.truth().lesions().stream().map(l -> TruthOutlines.of(l, detected.getOrDefault(l.id(), false))).toList());
        return v;
    }

    private static Div summary(ReadFeedback f) {
        boolean correct = f.caseOutcome().equals("TP") || f.caseOutcome().equals("TN");
        boolean allFound = f.lesions().stream().allMatch(ReadFeedback.LesionResult::detected);
        boolean falsePositives = f.marks().stream().anyMatch(m -> m.outcome().equals("false-positive"));
        String words = !correct ? "Not correct" : allFound && !falsePositives ? "Correct" : "Partly correct";
        var verdict = new H1(words);
        verdict.setId("feedback-verdict");
        verdict.addClassName(correct ? "good" : "bad");
        String truthWords = f.truth().abnormal() ? "abnormal — " + DisplayWords.termInSentence(f.truth().diagnosis()) : "normal";
        String yours = f.read().assessmentAbnormal() ? "abnormal — " + DisplayWords.termInSentence(f.read().diagnosis()) : "normal";
        var title = new Span(f.kase().title() + (f.kase().synthetic() ? " · synthetic case" : ""));
        var d = new Div(title, verdict,
                new Paragraph("Truth: " + truthWords + ". You said: " + yours + " (confidence " + f.read().overallConfidence() + "/5)."),
                new Paragraph(outcomeWords(f.caseOutcome()) + (f.truth().abnormal() && correct && !f.diagnosisCorrect()
                        ? " The specific diagnosis was different." : "")));
        if (!f.read().counted()) {
            var repeat = new Paragraph("A repeat: you had seen this case's answer before, in an earlier read, so this read was practice "
                    + "and does not count towards the module.");
            repeat.setId("feedback-repeat");
            d.add(repeat);
        }
        d.setId("feedback-summary");
        d.addClassName("panel-section");
        return d;
    }

    /** Second reader: what the first, unaided read said, and whether seeing the AI changed it for better or worse. */
    private static Div beforeAndAfter(ReadFeedback f, ReadFeedback.InitialRead initial) {
        boolean correctBefore = initial.caseOutcome().equals("TP") || initial.caseOutcome().equals("TN");
        boolean correctAfter = f.caseOutcome().equals("TP") || f.caseOutcome().equals("TN");
        boolean changed = initial.read().assessmentAbnormal() != f.read().assessmentAbnormal();
        String before = initial.read().assessmentAbnormal() ? "abnormal — " + DisplayWords.termInSentence(initial.read().diagnosis()) : "normal";
        String effect = !changed ? (correctAfter ? "You kept your call, and it was right." : "You kept your call, and it was wrong.")
                : correctAfter ? "Seeing the AI made you change to the right call." : "Seeing the AI made you change to the wrong call.";
        var text = new Paragraph("Before the AI you said: " + before + " (confidence " + initial.read().overallConfidence() + "/5, "
                + initial.read().marks().size() + " mark(s), " + initial.lesionsDetected() + " of " + f.lesions().size()
                + " lesion(s) found) — " + (correctBefore ? "right" : "wrong") + ". " + effect);
        text.setId("before-and-after");
        var d = new Div(new H3("Before and after the AI"), text);
        d.addClassName("panel-section");
        return d;
    }

    private static String outcomeWords(String outcome) {
        return switch (outcome) {
            case "TP" -> "True positive: you called an abnormal case abnormal.";
            case "TN" -> "True negative: you called a normal case normal.";
            case "FP" -> "False positive: you called a normal case abnormal.";
            default -> "False negative: you called an abnormal case normal.";
        };
    }

    private static Div marks(ReadFeedback f) {
        var list = new UnorderedList();
        list.setId("feedback-marks");
        int n = 1;
        for (var m : f.read().marks()) {
            var r = f.marks().stream().filter(x -> x.id().equals(m.key())).findFirst().orElseThrow();
            String what = switch (r.outcome()) {
                case "hit" -> "hit lesion " + r.lesionId();
                case "duplicate" -> "second mark on lesion " + r.lesionId() + " (not counted)";
                default -> "false positive — no lesion there";
            };
            var item = new ListItem("Your mark #" + n++ + " (" + DisplayWords.termInSentence(m.label()) + ", confidence " + m.confidence() + "): " + what);
            item.setId("feedback-mark-" + m.key());
            item.addClassName(r.outcome());
            list.add(item);
        }
        for (var l : f.lesions()) {
            var span = f.truth().lesions().stream().filter(t -> t.id().equals(l.id())).findFirst();
            String where = span.filter(t -> t.lastImage() > t.firstImage())
                    .map(t -> "images " + (t.firstImage() + 1) + "–" + (t.lastImage() + 1) + ", centre on " + (t.imageIndex() + 1))
                    .orElse("image " + (l.imageIndex() + 1));
            var item = new ListItem("Lesion " + l.id() + " (" + DisplayWords.termInSentence(l.label()) + ", " + where + "): "
                    + (l.detected() ? "found" : "missed"));
            item.setId("feedback-lesion-" + l.id());
            item.addClassName(l.detected() ? "hit" : "missed");
            list.add(item);
        }
        if (f.read().marks().isEmpty() && f.lesions().isEmpty()) {
            list.add(new ListItem("No marks and no lesions: nothing to localise on this case."));
        }
        var d = new Div(new H3("Your marks and the lesions"), list);
        d.addClassName("panel-section");
        return d;
    }

    private static Div aiVerdict(ReadFeedback f) {
        var text = new Paragraph((f.aiCorrect() ? "The AI was right" : "The AI was wrong") + " on this case: it gave "
                + Math.round(f.kase().ai().score() * 100) + "% for abnormal"
                + (f.aiMarks().isEmpty() ? " and marked nothing." : " with " + DisplayWords.count(f.aiMarks().size(), "mark", "marks") + " ("
                + f.aiMarks().stream().filter(m -> m.outcome().equals("hit")).count() + " on a lesion)."));
        text.setId("ai-verdict");
        var you = new Paragraph(whatYouDidWithTheAi(f));
        you.setId("ai-and-you");
        var d = new Div(new H3("The AI"), text);
        DisplayWords.aiNumbers(f.kase().ai().score(), f.kase().ai().marks().stream().map(CaseForReading.AiMark::probability).toList())
                .ifPresent(why -> {
                    var numbers = new Paragraph(why);
                    numbers.setId("ai-numbers");
                    numbers.addClassName("hint");
                    d.add(numbers);
                });
        d.add(you);
        d.addClassName("panel-section");
        return d;
    }

    /** How the trainee's call relates to the AI's, in words, and what that means for reliance. */
    public static String whatYouDidWithTheAi(ReadFeedback f) {
        var ai = f.read().ai();
        if (!ai.available()) {
            return "The AI was not shown in this module: this read was your own.";
        }
        if (ai.firstShownAt() == null) {
            return ai.requestedAt() == null && f.read().readingMode() == org.calibra.curriculum.ReadingMode.ON_REQUEST
                    ? "You did not ask for the AI on this case." : "You kept the AI hidden on this case.";
        }
        boolean aiSaysAbnormal = f.aiCorrect() == f.truth().abnormal();
        boolean agreed = f.read().assessmentAbnormal() == aiSaysAbnormal;
        String asked = ai.requestedAt() != null ? "You asked for the AI and " : "You ";
        if (agreed) {
            return asked + "agreed with its call" + (f.aiCorrect()
                    ? ", which was right." : ", which was wrong: this counts as following a wrong AI (over-reliance).");
        }
        return asked + "overrode its call" + (f.aiCorrect()
                ? ", which was right: this counts as overriding a right AI (under-reliance)." : ", which was wrong: well held.");
    }

    /** The AI's deliberate mistakes (ADR 0023), each with the educator's note and what the read did about it. */
    private static Div aiErrors(ReadFeedback f) {
        var heading = new H3("What the AI got wrong on purpose");
        heading.setId("ai-errors-heading");
        var list = new UnorderedList();
        list.setId("ai-errors");
        list.getElement().setAttribute("aria-labelledby", "ai-errors-heading");
        int n = 1;
        for (var line : AiErrorsFeedback.lines(f)) {
            var item = new ListItem(new Span(line.what()));
            if (line.note() != null) {
                var note = new Span(" " + line.note());
                note.addClassName("ai-error-note");
                item.add(note);
            }
            var you = new Span(" " + line.you());
            you.addClassName("ai-error-you");
            item.add(you);
            item.setId("ai-error-" + n++);
            item.addClassName(line.caught() ? "hit" : "missed");
            list.add(item);
        }
        var d = new Div(heading, list);
        d.addClassName("panel-section");
        return d;
    }

    private static Div teaching(ReadFeedback f) {
        var list = new UnorderedList();
        list.setId("teaching-points");
        f.truth().teachingPoints().forEach(t -> list.add(new ListItem(t)));
        var d = new Div(new H3("Teaching points"), list);
        if (!f.truth().keyImages().isEmpty()) {
            d.add(keyImages(f.truth().keyImages()));
        }
        d.addClassName("panel-section");
        return d;
    }

    /** The educator's key images (ADR 0024), each a figure whose caption is also its alt text; served only after submission. */
    private static Div keyImages(List<org.calibra.casebank.CaseTruth.KeyImage> keyImages) {
        var box = new Div(new H4("Key images"));
        box.setId("key-images");
        box.addClassName("key-images");
        int n = 1;
        for (var k : keyImages) {
            var image = new Image(k.url(), k.caption());
            image.setWidthFull();
            var figure = new Figure(image, new FigCaption(k.caption() + " (image " + (k.imageIndex() + 1) + ")"));
            figure.setId("key-image-" + n++);
            figure.addClassName("key-image");
            box.add(figure);
        }
        return box;
    }

    @Tag("figure")
    private static final class Figure extends HtmlContainer {
        Figure(Component... parts) {
            super(parts);
        }
    }

    @Tag("figcaption")
    private static final class FigCaption extends HtmlContainer {
        FigCaption(String text) {
            setText(text);
        }
    }
}
