package org.calibra.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.calibra.casebank.CaseService;
import org.calibra.competency.CompetencyService;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** On-request reading, and what a read records beyond its marks: shapes, notes, patient mm and every step. */
@IntegrationTest
class OnRequestAndReadDetailIT {

    @Autowired ApplicationContext context;
    @Autowired ReadingService reading;
    @Autowired CaseService cases;
    @Autowired CompetencyService competency;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void an_on_request_read_records_when_the_ai_was_asked_for_and_counts_towards_the_request_rate() {
        TestAccounts.create(context, "asker", Role.RESIDENT);
        SignedIn.as("asker", "RESIDENT");
        var scenario = new ReadingScenario(context, "ask-when-needed");
        long module = scenario.module().id();
        reading.startOrResume(module);
        var first = scenario.cases().get(0);
        var second = scenario.cases().get(1);
        var base = scenario.submission(first, true);
        Instant opened = base.openedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // the database keeps microseconds
        Instant asked = opened.plusSeconds(10);

        var shownFromStart = with(base, new ReadSubmission.AiExposure(true, true, true, opened, 0, null));
        assertThatThrownBy(() -> reading.submit(shownFromStart)).isInstanceOf(ReadRejectedException.class)
                .hasMessageContaining("shown only when asked for");
        var seenWithoutAsking = with(base, new ReadSubmission.AiExposure(true, false, true, asked, 1, null));
        assertThatThrownBy(() -> reading.submit(seenWithoutAsking)).isInstanceOf(ReadRejectedException.class)
                .hasMessageContaining("not that it was asked for");

        var read = reading.submit(with(base, new ReadSubmission.AiExposure(true, false, true, asked, 1, asked)));
        assertThat(reading.read(read.readId()).orElseThrow().ai().requestedAt()).isEqualTo(asked);
        var unaided = scenario.submission(second, true);
        reading.submit(with(unaided, new ReadSubmission.AiExposure(true, false, false, null, 0, null)));

        var reliance = competency.progress(module).reliance();
        assertThat(reliance.aiRequested().successes()).isEqualTo(1);
        assertThat(reliance.aiRequested().trials()).isEqualTo(2);
        assertThat(reliance.accuracyWhenAiRight().trials() + reliance.accuracyWhenAiWrong().trials())
                .as("only the case where the AI was seen is a reliance case").isEqualTo(1);
    }

    @Test
    void a_request_recorded_outside_an_on_request_module_is_refused() {
        TestAccounts.create(context, "not-asking", Role.RESIDENT);
        SignedIn.as("not-asking", "RESIDENT");
        var scenario = new ReadingScenario(context, "first-reads");
        reading.startOrResume(scenario.module().id());
        var s = scenario.submission(scenario.cases().getFirst(), true);
        assertThatThrownBy(() -> reading.submit(with(s, new ReadSubmission.AiExposure(true, true, true, s.openedAt(), 0, s.openedAt()))))
                .isInstanceOf(ReadRejectedException.class).hasMessageContaining("Only modules with the AI on request");
    }

    @Test
    void an_ellipse_with_a_note_is_stored_with_its_extent_patient_position_and_the_steps_of_the_read() {
        TestAccounts.create(context, "detailed", Role.RESIDENT);
        SignedIn.as("detailed", "RESIDENT");
        var scenario = new ReadingScenario(context, "first-reads");
        reading.startOrResume(scenario.module().id());
        var s = scenario.submission(normalCt(scenario), false); // called abnormal, one mark in the corner
        Instant t = s.openedAt();
        var ellipse = new ReadSubmission.MarkInput("M1", 0, 10.5, 2.5, s.marks().getFirst().label(), 3, t.plusSeconds(5),
                MarkShape.ELLIPSE, 12, 8, "  rounded density, check prior  ");
        var events = List.of(
                new ReadSubmission.Event(t, ReadEventKind.OPENED, null, "AI shown"),
                new ReadSubmission.Event(t.plusSeconds(5), ReadEventKind.MARK_ADDED, "M1", "ellipse on image 1"),
                new ReadSubmission.Event(t.plusSeconds(6), ReadEventKind.MARK_CONFIDENCE_CHANGED, "M1", "3 -> 4"),
                new ReadSubmission.Event(t.plusSeconds(7), ReadEventKind.MARK_CONFIDENCE_CHANGED, "M1", "4 -> 3"),
                new ReadSubmission.Event(t.plusSeconds(8), ReadEventKind.AI_HIDDEN, null, null));
        var read = reading.submit(new ReadSubmission(s.moduleId(), s.caseVersionId(), t, true, s.diagnosis(), 4, List.of(ellipse), s.ai(),
                ReadPhase.FINAL, events));

        var stored = reading.read(read.readId()).orElseThrow();
        assertThat(stored.marks()).singleElement().satisfies(m -> {
            assertThat(m.shape()).isEqualTo(MarkShape.ELLIPSE);
            assertThat(m.width()).isEqualTo(12);
            assertThat(m.height()).isEqualTo(8);
            assertThat(m.note()).isEqualTo("rounded density, check prior");
        });
        assertThat(stored.events()).extracting(ReadSubmission.Event::kind).containsExactly(ReadEventKind.OPENED, ReadEventKind.MARK_ADDED,
                ReadEventKind.MARK_CONFIDENCE_CHANGED, ReadEventKind.MARK_CONFIDENCE_CHANGED, ReadEventKind.AI_HIDDEN);
        assertThat(stored.revisionCount()).isEqualTo(3);
        // CT_small: position (-158.135803, -179.035797, -75.699997), rows along +x, columns along +y, 0.661468 mm pixels
        var mm = jdbc.queryForMap("select patient_x_mm, patient_y_mm, patient_z_mm from read_mark where read_id = ?", read.readId());
        assertThat(((Number) mm.get("PATIENT_X_MM")).doubleValue()).isCloseTo(-158.135803 + 10 * 0.661468, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(((Number) mm.get("PATIENT_Y_MM")).doubleValue()).isCloseTo(-179.035797 + 2 * 0.661468, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(((Number) mm.get("PATIENT_Z_MM")).doubleValue()).isCloseTo(-75.699997, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void a_shape_without_a_size_a_point_with_one_and_a_step_before_opening_are_refused() {
        TestAccounts.create(context, "sloppy", Role.RESIDENT);
        SignedIn.as("sloppy", "RESIDENT");
        var scenario = new ReadingScenario(context, "first-reads");
        reading.startOrResume(scenario.module().id());
        var s = scenario.submission(normalCt(scenario), false);
        Instant t = s.openedAt();
        String label = s.marks().getFirst().label();
        var flatBox = new ReadSubmission.MarkInput("M1", 0, 5, 5, label, 3, t, MarkShape.BOX, 0, 4, null);
        var fatPoint = new ReadSubmission.MarkInput("M1", 0, 5, 5, label, 3, t, MarkShape.POINT, 3, 3, null);
        assertThatThrownBy(() -> reading.submit(withMarks(s, flatBox))).isInstanceOf(ReadRejectedException.class)
                .hasMessageContaining("Mark M1 is a box and needs a width and height above 0");
        assertThatThrownBy(() -> reading.submit(withMarks(s, fatPoint))).isInstanceOf(ReadRejectedException.class)
                .hasMessageContaining("Mark M1 is a point, so its width and height must be 0");
        var early = new ReadSubmission(s.moduleId(), s.caseVersionId(), t, s.assessmentAbnormal(), s.diagnosis(), 4, s.marks(), s.ai(),
                ReadPhase.FINAL, List.of(new ReadSubmission.Event(t.minusSeconds(1), ReadEventKind.OPENED, null, null)));
        assertThatThrownBy(() -> reading.submit(early)).isInstanceOf(ReadRejectedException.class)
                .hasMessageContaining("dated before the case was opened");
    }

    private static ReadSubmission with(ReadSubmission s, ReadSubmission.AiExposure ai) {
        return new ReadSubmission(s.moduleId(), s.caseVersionId(), s.openedAt(), s.assessmentAbnormal(), s.diagnosis(), s.overallConfidence(),
                s.marks(), ai, s.phase(), s.events());
    }

    private static ReadSubmission withMarks(ReadSubmission s, ReadSubmission.MarkInput mark) {
        return new ReadSubmission(s.moduleId(), s.caseVersionId(), s.openedAt(), s.assessmentAbnormal(), s.diagnosis(), s.overallConfidence(),
                List.of(mark), s.ai(), s.phase(), s.events());
    }

    /** The normal CT: a wrong read of it calls it abnormal with one mark, and its file has a patient position. */
    private org.calibra.reading.ModuleCaseEntry normalCt(ReadingScenario scenario) {
        return scenario.cases().stream().filter(e -> cases.slugOf(e.caseVersionId()).orElseThrow().equals("ct-thoracic-spine-staging-normal"))
                .findFirst().orElseThrow();
    }
}
