package org.calibra.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.calibra.casebank.CaseForReading;
import org.calibra.casebank.CaseTruth;
import org.calibra.curriculum.ReadingMode;
import org.calibra.reading.ReadPhase;
import org.calibra.reading.ReadSubmission;
import org.calibra.reading.SubmittedRead;
import org.junit.jupiter.api.Test;

/** A read scored in memory (an educator's preview): the feedback page's content, from the scorer stored reads go through. */
class ReadScoringTest {

    private static final Instant T = Instant.parse("2026-12-05T06:00:00Z");

    private static final CaseTruth TRUTH = new CaseTruth(7, "nodule", true,
            List.of(new CaseTruth.Lesion("L1", "nodule", 0, 50, 50, 10, 1.0, 0, 0)), 5, List.of("Look at the apex."));

    private static final CaseForReading KASE = new CaseForReading(7, "c", 1, "A case", "CR", null, "Cough.",
            List.of(new CaseForReading.ImageRef(0, "/files/dicom/x", 0, 100, 100, null, null, null)), List.of("nodule"),
            List.of("normal", "nodule"), new CaseForReading.AiSuggestion(new CaseForReading.ModelCard("m", "1", "", "", "", ""), 0.2,
            List.of(new CaseForReading.AiMark("A1", "nodule", 0, 90, 90, 0.2)), List.of()), false);

    private static SubmittedRead read(ReadPhase phase, boolean abnormal, String diagnosis, List<ReadSubmission.MarkInput> marks) {
        return new SubmittedRead(0, 0, 0, 1, 7, phase, ReadingMode.SECOND_READER, abnormal, diagnosis, 4, marks,
                ReadSubmission.AiExposure.none(), T, null, T, 0, List.of(), null);
    }

    @Test
    void marks_lesions_the_ai_and_a_first_read_are_scored_without_storing() {
        var marks = List.of(new ReadSubmission.MarkInput("M1", 0, 52, 49, "nodule", 4, T), new ReadSubmission.MarkInput("M2", 0, 5, 5, "nodule", 2, T),
                new ReadSubmission.MarkInput("M3", 0, 48, 50, "nodule", 3, T));
        var first = read(ReadPhase.INITIAL, false, "normal", List.of());

        var f = ReadScoring.feedback(read(ReadPhase.FINAL, true, "nodule", marks), KASE, TRUTH, Optional.of(first));

        assertThat(f.caseOutcome()).isEqualTo("TP");
        assertThat(f.diagnosisCorrect()).isTrue();
        assertThat(f.marks()).containsExactly(new ReadFeedback.MarkResult("M1", "hit", "L1"),
                new ReadFeedback.MarkResult("M2", "false-positive", null), new ReadFeedback.MarkResult("M3", "duplicate", "L1"));
        assertThat(f.lesions()).containsExactly(new ReadFeedback.LesionResult("L1", "nodule", 0, true, "M1"));
        assertThat(f.aiMarks()).containsExactly(new ReadFeedback.MarkResult("A1", "false-positive", null));
        assertThat(f.aiCorrect()).as("0.2 calls an abnormal case normal").isFalse();
        assertThat(f.initial()).hasValueSatisfying(i -> {
            assertThat(i.caseOutcome()).isEqualTo("FN");
            assertThat(i.lesionsDetected()).isZero();
        });
        assertThat(f.truth().teachingPoints()).containsExactly("Look at the apex.");
    }

    private static final CaseTruth LABELLED = new CaseTruth(7, "nodule", true, TRUTH.lesions(), 5, TRUTH.teachingPoints(),
            List.of(new CaseTruth.AiError(CaseTruth.AiError.Kind.FALSE_MARK, null, "A1", 1, null, "Calcified granuloma.")));

    private static CaseForReading withSpacing(double mm) {
        return new CaseForReading(7, "c", 1, "A case", "CR", null, "Cough.",
                List.of(new CaseForReading.ImageRef(0, "/files/dicom/x", 0, 100, 100, mm, mm, null)), KASE.labels(), KASE.diagnoses(),
                KASE.ai(), false);
    }

    private static ReadSubmission.MarkInput mark(String key, double x, double y) {
        return new ReadSubmission.MarkInput(key, 0, x, y, "nodule", 3, T);
    }

    @Test
    void a_mark_within_the_acceptance_floor_of_a_labelled_false_ai_mark_follows_it() {
        // 0.5 mm pixels, 5 mm floor: 10 px around the AI's mark at (90, 90)
        var near = ReadScoring.feedback(read(ReadPhase.FINAL, true, "nodule", List.of(mark("M1", 94, 92))), withSpacing(0.5), LABELLED,
                Optional.empty());
        var far = ReadScoring.feedback(read(ReadPhase.FINAL, true, "nodule", List.of(mark("M1", 60, 90))), withSpacing(0.5), LABELLED,
                Optional.empty());

        assertThat(near.followedAiMarks()).containsExactly("A1");
        assertThat(far.followedAiMarks()).isEmpty();
    }

    @Test
    void a_mark_on_a_real_lesion_never_follows_a_false_mark_and_unlabelled_marks_are_not_judged() {
        var truthNearAi = new CaseTruth(7, "nodule", true, List.of(new CaseTruth.Lesion("L1", "nodule", 0, 85, 85, 10, 1.0, 0, 0)), 5,
                List.of("x"), LABELLED.aiErrors());
        var onLesion = ReadScoring.feedback(read(ReadPhase.FINAL, true, "nodule", List.of(mark("M1", 88, 88))), withSpacing(0.5), truthNearAi,
                Optional.empty());
        var unlabelled = ReadScoring.feedback(read(ReadPhase.FINAL, true, "nodule", List.of(mark("M1", 90, 90))), withSpacing(0.5), TRUTH,
                Optional.empty());

        assertThat(onLesion.marks()).extracting(ReadFeedback.MarkResult::outcome).containsExactly("hit");
        assertThat(onLesion.followedAiMarks()).isEmpty();
        assertThat(unlabelled.followedAiMarks()).isEmpty();
    }

    @Test
    void without_pixel_spacing_only_a_mark_on_the_ai_mark_itself_follows_it() {
        var on = ReadScoring.feedback(read(ReadPhase.FINAL, true, "nodule", List.of(mark("M1", 90.5, 90.5))), KASE, LABELLED, Optional.empty());
        var beside = ReadScoring.feedback(read(ReadPhase.FINAL, true, "nodule", List.of(mark("M1", 94, 92))), KASE, LABELLED, Optional.empty());

        assertThat(on.followedAiMarks()).containsExactly("A1");
        assertThat(beside.followedAiMarks()).isEmpty();
    }
}
