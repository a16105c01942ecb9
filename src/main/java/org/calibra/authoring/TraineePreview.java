package org.calibra.authoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.calibra.casebank.CaseForReading;
import org.calibra.casebank.CaseService;
import org.calibra.curriculum.ReadingMode;
import org.calibra.reading.ReadSubmission;
import org.calibra.reading.SubmittedRead;
import org.calibra.scoring.ReadFeedback;
import org.calibra.scoring.ScoringService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Preview as a trainee" (issue 13): an educator reads a case version exactly as a resident would, then sees its feedback
 * page. The read lives only in the page: it is scored in memory by the scorer residents' reads go through, and nothing is
 * stored or announced — no read, attempt, score, AI request, exposure or audit entry. Who may preview is who may see the
 * case's page (its institution's educators, admins; everyone staff for the shared library).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
public class TraineePreview {

    private final DraftAccess access;
    private final CaseService cases;
    private final ScoringService scoring;
    private final Clock clock;

    TraineePreview(DraftAccess access, CaseService cases, ScoringService scoring, Clock clock) {
        this.access = access;
        this.cases = cases;
        this.scoring = scoring;
        this.clock = clock;
    }

    /** What a trainee reading this version receives — nothing about its truth; empty when there is no such version for this user. */
    public Optional<CaseForReading> open(String slug, int version) {
        return versionId(slug, version).flatMap(cases::forReading);
    }

    /**
     * Feedback on the preview read of this version, scored as a resident's read would be; {@code firstRead}: a second
     * reader's committed unaided read (also only in the page). Stores nothing.
     */
    public Optional<ReadFeedback> submit(String slug, int version, ReadingMode mode, ReadSubmission read, Optional<ReadSubmission> firstRead) {
        return versionId(slug, version).flatMap(id -> scoring.previewFeedback(inMemory(read, id, mode), firstRead.map(f -> inMemory(f, id, mode))));
    }

    /** A submission as the read it would have become, without an id, attempt or module: it exists only in the preview page. */
    public SubmittedRead inMemory(ReadSubmission s, long versionId, ReadingMode mode) {
        Instant now = clock.instant();
        Instant firstMark = s.marks().stream().map(ReadSubmission.MarkInput::placedAt).min(Instant::compareTo).orElse(null);
        return new SubmittedRead(0, 0, 0, access.me().id(), versionId, s.phase(), mode, s.assessmentAbnormal(), s.diagnosis(),
                s.overallConfidence(), s.marks(), s.ai(), s.openedAt(), firstMark, now, Duration.between(s.openedAt(), now).toMillis(),
                s.events(), null);
    }

    private Optional<Long> versionId(String slug, int version) {
        var me = access.me();
        return cases.history(slug).filter(h -> DraftAccess.seesCase(me, h.institutionId()))
                .flatMap(h -> h.versions().stream().filter(v -> v.version() == version).findFirst()).map(org.calibra.casebank.CaseHistory.Version::versionId);
    }
}
