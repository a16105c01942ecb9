package org.calibra.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.calibra.competency.CompetencyService;
import org.calibra.scoring.ScoringService;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Second-reader modules: an unaided first read is committed, then the AI is shown and the final read may differ. */
@IntegrationTest
class SecondReaderIT {

    @Autowired ApplicationContext context;
    @Autowired ReadingService reading;
    @Autowired ScoringService scoring;
    @Autowired CompetencyService competency;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void both_reads_are_kept_only_the_final_one_counts_and_truth_waits_for_it() {
        TestAccounts.create(context, "second-reader", Role.RESIDENT);
        SignedIn.as("second-reader", "RESIDENT");
        var scenario = new ReadingScenario(context, "second-opinion");
        var entry = scenario.cases().getFirst();
        long module = scenario.module().id();
        reading.startOrResume(module);
        var right = scenario.submission(entry, true);
        var wrong = scenario.submission(entry, false);

        assertThatThrownBy(() -> reading.submit(right)).isInstanceOf(ReadRejectedException.class).hasMessageContaining("Commit your own first read");
        assertThatThrownBy(() -> reading.submit(initial(right, right.ai()))).isInstanceOf(ReadRejectedException.class)
                .hasMessageContaining("without the AI");

        var first = reading.submit(initial(right, ReadSubmission.AiExposure.none()));
        assertThat(scoring.feedback(first.readId())).as("no truth before the final read").isEmpty();
        assertThat(scenario.cases().getFirst().isRead()).isFalse();
        assertThat(competency.progress(module).casesRead()).isZero();
        assertThatThrownBy(() -> reading.submit(initial(right, ReadSubmission.AiExposure.none()))).isInstanceOf(ReadRejectedException.class)
                .hasMessageContaining("already committed");

        var last = reading.submit(wrong); // followed a wrong AI, say
        var feedback = scoring.feedback(last.readId()).orElseThrow();
        assertThat(feedback.initial()).hasValueSatisfying(i -> {
            assertThat(i.read().readId()).isEqualTo(first.readId());
            assertThat(i.caseOutcome()).isIn("TP", "TN");
        });
        assertThat(feedback.caseOutcome()).isIn("FP", "FN");
        assertThat(competency.progress(module).casesRead()).isEqualTo(1);
        assertThat(scenario.cases().getFirst().readId()).isEqualTo(last.readId());
        var reliance = competency.progress(module).reliance();
        assertThat(reliance.pairedCases()).isEqualTo(1);
        assertThat(reliance.accuracyGained()).as("right before the AI, wrong after it").hasValue(-1.0);
    }

    @Test
    void a_first_read_is_refused_in_a_module_that_shows_the_ai_from_the_start() {
        TestAccounts.create(context, "concurrent-reader", Role.RESIDENT);
        SignedIn.as("concurrent-reader", "RESIDENT");
        var scenario = new ReadingScenario(context, "first-reads");
        reading.startOrResume(scenario.module().id());
        var s = scenario.submission(scenario.cases().getFirst(), true);

        assertThatThrownBy(() -> reading.submit(initial(s, ReadSubmission.AiExposure.none()))).isInstanceOf(ReadRejectedException.class)
                .hasMessageContaining("no separate first read");
    }

    private static ReadSubmission initial(ReadSubmission s, ReadSubmission.AiExposure ai) {
        return new ReadSubmission(s.moduleId(), s.caseVersionId(), s.openedAt(), s.assessmentAbnormal(), s.diagnosis(), s.overallConfidence(),
                s.marks(), ai, ReadPhase.INITIAL);
    }
}
