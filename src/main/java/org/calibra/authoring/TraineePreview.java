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
    private final org.calibra.authoring.internal.CaseDraftRepository drafts;
    private final DraftMapping mapping;
    private final org.calibra.casebank.storage.BlobStore blobs;

    TraineePreview(DraftAccess access, CaseService cases, ScoringService scoring, Clock clock,
                   org.calibra.authoring.internal.CaseDraftRepository drafts, DraftMapping mapping, org.calibra.casebank.storage.BlobStore blobs) {
        this.drafts = drafts;
        this.mapping = mapping;
        this.blobs = blobs;
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

    /**
     * A draft as a trainee would receive it once published — nothing about its truth; empty when this user may not see the
     * draft. Refused, in words, while the draft has problems: an incomplete case cannot be read or scored as it will be.
     */
    public Optional<CaseForReading> openDraft(long draftId) {
        return draft(draftId).map(this::previewable);
    }

    private CaseForReading previewable(CaseDraft d) {
        if (!d.readyForReview()) {
            throw new DraftRefused("This draft has " + d.problems().size() + " problem(s) to fix on the draft page before it can be previewed"
                    + " as a trainee.", d.problems());
        }
        return forReading(d);
    }

    /** Feedback on the preview read of a draft: its truth from its manifest, scored by the same function. Stores nothing. */
    public Optional<ReadFeedback> submitDraft(long draftId, ReadingMode mode, ReadSubmission read, Optional<ReadSubmission> firstRead) {
        return draft(draftId).map(d -> ScoringService.feedbackInMemory(inMemory(read, 0, mode), previewable(d),
                org.calibra.casebank.ManifestCases.truth(d.content().manifest(), d.content().files()), firstRead.map(f -> inMemory(f, 0, mode))));
    }

    private Optional<CaseDraft> draft(long draftId) {
        return drafts.findById(draftId).filter(d -> DraftAccess.worksFor(access.me(), d.getInstitutionId())).map(mapping::draft);
    }

    /** The draft's stack with each file's pixel spacing read from its header, so marks are judged in mm as after publication. */
    private CaseForReading forReading(CaseDraft d) {
        var images = d.stack().stream().map(i -> {
            var header = blobs.open(i.sha256()).flatMap(blob -> {
                try {
                    return Optional.of(blob.localFile().isPresent() ? org.calibra.casebank.dicom.DicomHeaders.read(blob.localFile().get())
                            : org.calibra.casebank.dicom.DicomHeaders.read(blob.readAllBytes()));
                } catch (Exception e) {
                    return Optional.empty(); // unreadable here: judged in pixels, as the draft page's checks will say
                }
            });
            return new CaseForReading.ImageRef(i.index(), CaseService.DICOM_URL_PREFIX + i.sha256(), i.frame(), i.rows(), i.columns(),
                    header.map(h -> h.rowSpacingMm()).orElse(null), header.map(h -> h.columnSpacingMm()).orElse(null),
                    header.filter(h -> h.numberOfFrames() == 1).map(h -> h.plane()).orElse(null));
        }).toList();
        return org.calibra.casebank.ManifestCases.forReading(d.content().manifest(), d.slug(), images, d.content().files());
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
