package org.calibra.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calibra.casebank.CaseService;
import org.calibra.curriculum.ReadingMode;
import org.calibra.reading.ReadPhase;
import org.calibra.reading.ReadSubmission;
import org.calibra.reading.ReadingService;
import org.calibra.scoring.ReadFeedback;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * "Preview as a trainee" (issue 13): an educator's preview read is scored exactly as a resident's read of the same case
 * version, and leaves no trace — no read, mark, step, score, attempt, AI request, exposure or audit entry.
 */
@IntegrationTest
class TraineePreviewIT {

    /** Every table a read, its score, its attempt, its exposure (reads are the exposure record) or its audit entry lands in. */
    private static final List<String> TABLES = List.of("trainee_read", "read_mark", "read_event", "read_score", "score_item",
            "module_attempt", "ai_request", "audit_entry", "certificate");

    @Autowired TraineePreview preview;
    @Autowired AuthoringService authoring;
    @Autowired ReadingService reading;
    @Autowired ScoringService scoring;
    @Autowired CaseService cases;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext context;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class)));
        return counts;
    }

    @Test
    void a_preview_read_scores_as_a_residents_read_and_records_nothing() {
        TestAccounts.create(context, "preview-resident", Role.RESIDENT);
        SignedIn.as("preview-resident", "RESIDENT");
        var scenario = new ReadingScenario(context);
        var entry = scenario.cases().stream().filter(c -> !cases.truth(c.caseVersionId()).orElseThrow().lesions().isEmpty())
                .findFirst().orElseThrow();
        // the right marks, and one more in a corner: a hit and a false positive to compare
        var right = scenario.submission(entry, true);
        List<ReadSubmission.MarkInput> marks = new ArrayList<>(right.marks());
        marks.add(new ReadSubmission.MarkInput("M9", 0, 1, 1, right.marks().isEmpty() ? "x" : right.marks().getFirst().label(), 2, Instant.now()));
        var submission = new ReadSubmission(right.moduleId(), right.caseVersionId(), right.openedAt(), right.assessmentAbnormal(),
                right.diagnosis(), right.overallConfidence(), marks, right.ai());
        reading.startOrResume(scenario.module().id());
        var read = reading.submit(submission);
        ReadFeedback real = scoring.feedback(read.readId()).orElseThrow();
        var kase = cases.forReading(entry.caseVersionId()).orElseThrow();

        SignedIn.as("educator", "EDUCATOR");
        var before = counts();
        assertThat(preview.open(kase.slug(), kase.version())).hasValueSatisfying(k -> assertThat(k.versionId()).isEqualTo(kase.versionId()));
        ReadFeedback previewed = preview.submit(kase.slug(), kase.version(), scenario.module().readingMode(), submission, Optional.empty())
                .orElseThrow();
        // a second reader's preview: the committed first read is scored too, still in memory
        var first = new ReadSubmission(0, kase.versionId(), right.openedAt(), !right.assessmentAbnormal(), "normal", 2, List.of(),
                ReadSubmission.AiExposure.none(), ReadPhase.INITIAL);
        ReadFeedback secondReader = preview.submit(kase.slug(), kase.version(), ReadingMode.SECOND_READER, submission, Optional.of(first))
                .orElseThrow();
        assertThat(counts()).as("nothing stored by previews").isEqualTo(before);

        assertThat(previewed.caseOutcome()).isEqualTo(real.caseOutcome());
        assertThat(previewed.diagnosisCorrect()).isEqualTo(real.diagnosisCorrect());
        assertThat(previewed.marks()).containsExactlyInAnyOrderElementsOf(real.marks());
        assertThat(previewed.lesions()).containsExactlyElementsOf(real.lesions());
        assertThat(previewed.aiMarks()).containsExactlyInAnyOrderElementsOf(real.aiMarks());
        assertThat(previewed.aiCorrect()).isEqualTo(real.aiCorrect());
        assertThat(previewed.marks()).extracting(ReadFeedback.MarkResult::outcome).contains("hit", "false-positive");
        assertThat(previewed.truth()).isEqualTo(real.truth());
        assertThat(secondReader.initial()).hasValueSatisfying(i -> assertThat(i.caseOutcome()).isIn("FN", "FP"));
    }

    /** A draft previews as the version it becomes: same case for reading, same score; and the preview stores nothing. */
    @Test
    void a_draft_previews_and_scores_as_the_version_it_becomes() throws Exception {
        SignedIn.as("curator", "EDUCATOR");
        var d = authoring.upload("preview.zip", org.calibra.support.CaseZips.caseZip("case-to-preview", false)).draft();
        var truth = org.calibra.casebank.ManifestCases.truth(d.content().manifest());
        var lesion = truth.lesions().getFirst();
        var kase = preview.openDraft(d.id()).orElseThrow();
        Instant now = Instant.now();
        var submission = new ReadSubmission(0, 0, now.minusSeconds(20), true, truth.diagnosis(), 4,
                List.of(new ReadSubmission.MarkInput("M1", lesion.imageIndex(), lesion.x(), lesion.y(), kase.labels().getFirst(), 4, now),
                        new ReadSubmission.MarkInput("M2", 0, 1, 1, kase.labels().getFirst(), 2, now)),
                new ReadSubmission.AiExposure(true, true, true, now.minusSeconds(20), 0));
        var before = counts();
        ReadFeedback ofDraft = preview.submitDraft(d.id(), ReadingMode.CONCURRENT, submission, Optional.empty()).orElseThrow();
        assertThat(counts()).as("nothing stored by a draft's preview").isEqualTo(before);
        assertThat(ofDraft.marks()).extracting(ReadFeedback.MarkResult::outcome).containsExactly("hit", "false-positive");

        authoring.sendForReview(d.id(), d.revision());
        SignedIn.as("educator", "EDUCATOR");
        authoring.approve(d.id(), d.revision(), false, null);
        var published = preview.open("case-to-preview", 1).orElseThrow();
        assertThat(kase.labels()).isEqualTo(published.labels());
        assertThat(kase.diagnoses()).isEqualTo(published.diagnoses());
        assertThat(kase.ai().marks()).isEqualTo(published.ai().marks());
        assertThat(kase.images()).extracting(i -> i.rowSpacingMm()).isEqualTo(published.images().stream().map(i -> i.rowSpacingMm()).toList());
        ReadFeedback ofVersion = preview.submit("case-to-preview", 1, ReadingMode.CONCURRENT, submission, Optional.empty()).orElseThrow();
        assertThat(ofDraft.caseOutcome()).isEqualTo(ofVersion.caseOutcome());
        assertThat(ofDraft.marks()).isEqualTo(ofVersion.marks());
        assertThat(ofDraft.lesions()).isEqualTo(ofVersion.lesions());
        assertThat(ofDraft.aiMarks()).isEqualTo(ofVersion.aiMarks());
        assertThat(ofDraft.truth().teachingPoints()).isEqualTo(ofVersion.truth().teachingPoints());
        var skeleton = authoring.upload("preview-skeleton.zip", org.calibra.support.CaseZips.zip(java.util.Map.of("scan/liver.dcm",
                java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/dicom/liver_1frame.dcm"))))).draft();
        assertThatThrownBy(() -> preview.openDraft(skeleton.id())).as("a draft with problems").isInstanceOf(DraftRefused.class)
                .hasMessageContaining("problem(s) to fix");

        SignedIn.as("admin", "ADMIN");
        var institutions = context.getBean(org.calibra.institution.InstitutionService.class);
        long b = institutions.bySlug("preview-second-hospital").orElseGet(() -> institutions.createByAdmin("Preview Second Hospital",
                context.getBean(org.calibra.security.UserService.class).findByUsername("admin").orElseThrow().id())).id();
        TestAccounts.create(context, "preview-educator-b", Role.EDUCATOR, b);
        SignedIn.as("preview-educator-b", "EDUCATOR");
        assertThat(preview.openDraft(d.id())).as("a draft of another institution").isEmpty();
    }

    @Test
    void only_staff_who_may_see_the_case_preview_it() {
        TestAccounts.create(context, "preview-nosy", Role.RESIDENT);
        SignedIn.as("educator", "EDUCATOR");
        var kase = cases.library().getFirst();
        assertThat(preview.open(kase.slug(), kase.version())).isPresent();
        assertThat(preview.open(kase.slug(), kase.version() + 100)).as("no such version").isEmpty();
        assertThat(preview.open("no-such-case", 1)).isEmpty();
        SignedIn.as("preview-nosy", "RESIDENT");
        assertThatThrownBy(() -> preview.open(kase.slug(), kase.version())).isInstanceOf(AccessDeniedException.class);
    }
}
