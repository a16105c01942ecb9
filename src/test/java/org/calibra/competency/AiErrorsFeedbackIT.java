package org.calibra.competency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.CaseTruth;
import org.calibra.competency.parts.AiErrorsFeedback;
import org.calibra.competency.parts.FeedbackParts;
import org.calibra.content.ContentLoader;
import org.calibra.reading.ReadingService;
import org.calibra.scoring.ScoringService;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.ContentCopy;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.RecordTexts;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A published case that labels its AI's deliberate errors (ADR 0023): the labels travel from case.yaml through the stored
 * version into the feedback of a submitted read, in words with their notes and what the resident did — and nothing of
 * them reaches the resident while reading.
 */
@IntegrationTest
class AiErrorsFeedbackIT {

    private static final String CASE = "mr-iac-schwannoma-ai-missed";
    private static final String MISSED_NOTE = "Lesions under 5 mm are outside what it was validated on.";
    private static final String MARK_NOTE = "It flagged the cochlea, a normal bright structure.";
    private static final String REASON = "heavily T2-weighted series, the model wants contrast T1";

    @Autowired ApplicationContext context;
    @Autowired ContentLoader loader;
    @Autowired CaseService cases;
    @Autowired ReadingService reading;
    @Autowired ScoringService scoring;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void labelled_errors_are_on_the_feedback_of_a_submitted_read_and_nowhere_before_it(@TempDir Path tmp) throws Exception {
        Path copy = ContentCopy.into(tmp);
        Path manifest = copy.resolve(CASE + "/case.yaml");
        String yaml = Files.readString(manifest);
        assertThat(yaml).contains("  findings: []\n");
        Files.writeString(manifest, yaml.replace("  findings: []\n", """
                  findings:
                    - label: vascular-loop
                      imageIndex: 0
                      x: 8
                      y: 8
                      probability: 0.41
                  errors:
                    - kind: false-negative
                      lesion: L1
                      note: "%s"
                    - kind: false-positive
                      mark: 1
                      note: "%s"
                    - kind: off-label
                      reason: "%s"
                """.formatted(MISSED_NOTE, MARK_NOTE, REASON)));
        try {
            loader.load(copy, tmp.resolve("curricula"));
            TestAccounts.create(context, "ai-error-reader", Role.RESIDENT);
            SignedIn.as("ai-error-reader", "RESIDENT");
            var scenario = new ReadingScenario(context, "first-reads");
            var entry = scenario.cases().stream().filter(e -> e.slug().equals(CASE)).findFirst().orElseThrow();
            assertThat(entry.caseVersionId()).isEqualTo(cases.latestVersionId(CASE).orElseThrow());

            // before the read: the case as the reading view gets it names none of the labels
            reading.startOrResume(scenario.module().id());
            var open = reading.openCase(scenario.module().id(), entry.caseVersionId()).orElseThrow();
            assertThat(texts(open)).isNotEmpty().noneMatch(t -> t.contains(MISSED_NOTE) || t.contains(MARK_NOTE) || t.contains(REASON));

            // the read finds L1 at its centre, puts nothing on the AI's false mark in the corner, and calls the case abnormal
            var read = scenario.readCorrectly(entry);
            var feedback = scoring.feedback(read.readId()).orElseThrow();

            assertThat(feedback.truth().aiErrors()).extracting(CaseTruth.AiError::kind).containsExactly(CaseTruth.AiError.Kind.MISSED_LESION,
                    CaseTruth.AiError.Kind.FALSE_MARK, CaseTruth.AiError.Kind.OFF_LABEL);
            assertThat(feedback.followedAiMarks()).isEmpty();
            assertThat(AiErrorsFeedback.lines(feedback)).containsExactly(
                    new AiErrorsFeedback.Line("The AI missed lesion L1 (intracanalicular filling defect).", MISSED_NOTE, "You found it.", true),
                    new AiErrorsFeedback.Line("The AI's mark 1 (vascular loop, probability 41%) points at no lesion.", MARK_NOTE,
                            "You put no mark there: you did not follow it.", true),
                    new AiErrorsFeedback.Line("This case is outside the model's intended use: " + REASON + ".", null,
                            "You called the case correctly.", true));
            String page = String.join("\n", FeedbackParts.sections(feedback).stream().map(c -> c.getElement().getTextRecursively()).toList());
            assertThat(page).contains("What the AI got wrong on purpose", MISSED_NOTE, MARK_NOTE, REASON)
                    .doesNotContain("false-negative", "false-positive", "off-label");
        } finally {
            loader.load(Path.of("cases"), Path.of("curricula")); // back to the repository content for other tests
        }
    }

    private static List<String> texts(Object value) {
        return RecordTexts.of(value);
    }
}
