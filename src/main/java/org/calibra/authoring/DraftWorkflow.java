package org.calibra.authoring;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.calibra.authoring.internal.CaseDraftEntity;
import org.calibra.authoring.internal.CaseDraftRepository;
import org.calibra.authoring.internal.ReviewCommentEntity;
import org.calibra.authoring.internal.ReviewCommentRepository;
import org.calibra.casebank.CaseImportService;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.content.CaseManifests;
import org.calibra.security.UserSummary;
import org.calibra.shared.content.ContentException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Review and publication (ADR 0021): draft → in review → published, sent back with comments, retired and back. Each
 * step checks who may take it, names the revision it was taken on, and is audited through {@link CaseWorkflowChanged}.
 * Nothing goes to review or is published while any problem is left. Runs in the caller's transaction.
 */
@Component
class DraftWorkflow {

    private static final int MAX_COMMENT = 10_000;

    private final CaseDraftRepository drafts;
    private final ReviewCommentRepository comments;
    private final DraftEditing editing;
    private final DraftChecks checks;
    private final DraftMapping mapping;
    private final DraftAccess access;
    private final CaseService cases;
    private final CaseImportService imports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DraftWorkflow(CaseDraftRepository drafts, ReviewCommentRepository comments, DraftEditing editing, DraftChecks checks, DraftMapping mapping,
                  DraftAccess access, CaseService cases, CaseImportService imports, ApplicationEventPublisher events, Clock clock) {
        this.drafts = drafts;
        this.comments = comments;
        this.editing = editing;
        this.checks = checks;
        this.mapping = mapping;
        this.access = access;
        this.cases = cases;
        this.imports = imports;
        this.events = events;
        this.clock = clock;
    }

    CaseDraft sendForReview(long draftId, int revision) {
        CaseDraftEntity d = editing.lockedVisible(draftId);
        requireState(d, CaseDraftEntity.DRAFT, "sent for review");
        DraftEditing.requireRevision(d, revision);
        var problems = revalidate(d);
        if (!problems.isEmpty()) {
            throw new DraftRefused(problems.size() + " problem(s) must be fixed before this draft can go to review.", problems);
        }
        UserSummary me = access.me();
        d.submit(me.id(), clock.instant());
        publish(CaseWorkflowChanged.Kind.SENT_FOR_REVIEW, d, me, Map.of("revision", d.getRevision()));
        return mapping.draft(d);
    }

    CaseDraft sendBack(long draftId, int revision, String comment) {
        CaseDraftEntity d = editing.lockedVisible(draftId);
        requireState(d, CaseDraftEntity.IN_REVIEW, "sent back");
        DraftEditing.requireRevision(d, revision);
        String text = commentText(comment, "Say what should change before it is sent back.");
        UserSummary me = access.me();
        d.sendBack(me.id(), clock.instant());
        comments.save(new ReviewCommentEntity(d.getId(), d.getCaseSlug(), me.id(), ReviewComment.Kind.SENT_BACK.name(), text, d.getRevision(), clock.instant()));
        publish(CaseWorkflowChanged.Kind.SENT_BACK, d, me, Map.of("revision", d.getRevision(), "commentLength", text.length()));
        return mapping.draft(d);
    }

    ReviewComment comment(long draftId, String text) {
        CaseDraftEntity d = access.visible(drafts.findById(draftId).orElse(null));
        if (!d.isOpen()) {
            throw new DraftRefused("This draft is " + DraftState.valueOf(d.getState()).words() + "; comment on the case's open draft.");
        }
        var saved = comments.save(new ReviewCommentEntity(d.getId(), d.getCaseSlug(), access.me().id(), ReviewComment.Kind.COMMENT.name(),
                commentText(text, "Write a comment first."), d.getRevision(), clock.instant()));
        return mapping.comment(saved);
    }

    /**
     * A second educator approves the revision they reviewed, and the draft becomes the case's next version — read by modules
     * at once. Images flagged for burned-in text must have been looked at ({@code flaggedImagesChecked}).
     */
    CaseDraft approve(long draftId, int revision, boolean flaggedImagesChecked, String note) {
        CaseDraftEntity d = editing.lockedVisible(draftId);
        requireState(d, CaseDraftEntity.IN_REVIEW, "approved");
        DraftEditing.requireRevision(d, revision);
        UserSummary me = access.me();
        var draft = mapping.draft(d);
        String why = access.whyNotReviewer(me, d, draft.contributors());
        if (why != null) {
            throw new DraftRefused(why);
        }
        if (!draft.flagged().isEmpty() && !flaggedImagesChecked) {
            throw new DraftRefused("Look at each image flagged for burned-in text (" + draft.flagged().size() + ") and confirm that none shows"
                    + " a name, a date or another identifier before approving.");
        }
        List<DraftProblem> problems;
        try {
            problems = revalidate(d);
        } catch (org.calibra.casebank.storage.BlobStoreUnavailableException e) {
            throw storeUnavailable(e);
        }
        if (!problems.isEmpty()) {
            throw new DraftRefused(problems.size() + " problem(s) must be fixed before this draft can be published.", problems);
        }
        var content = draft.content();
        org.calibra.casebank.StoredVersion version;
        try {
            version = imports.publishStored("draft of " + d.getCaseSlug(), CaseManifests.write(content.manifest()), content.files(),
                    d.getDeidReport(), d.getInstitutionId());
        } catch (ContentException e) {
            throw new DraftRefused("The case cannot be published: " + e.problems().size() + " problem(s).",
                    e.problems().stream().map(p -> DraftChecks.inWords(p, "draft of " + d.getCaseSlug(), content.manifest())).toList());
        } catch (IllegalArgumentException e) {
            throw new DraftRefused(e.getMessage());
        } catch (org.calibra.casebank.storage.BlobStoreUnavailableException e) {
            // thrown before any version row is written, and the transaction rolls back: no version points at unstored files
            throw storeUnavailable(e);
        }
        boolean self = draft.contributors().contains(me.id());
        d.published(version.versionId(), me.id(), self, clock.instant());
        String text = note == null || note.isBlank() ? "Approved" + (self ? " by an author of the draft (self-approval allowed here)" : "") : note.strip();
        comments.save(new ReviewCommentEntity(d.getId(), d.getCaseSlug(), me.id(), ReviewComment.Kind.APPROVED.name(),
                text.length() > MAX_COMMENT ? text.substring(0, MAX_COMMENT) : text, d.getRevision(), clock.instant()));
        Map<String, Object> details = new HashMap<>(Map.of("revision", d.getRevision(), "selfApproval", self, "authors", List.copyOf(draft.contributors())));
        details.put("flaggedImagesChecked", draft.flagged().size());
        publish(CaseWorkflowChanged.Kind.APPROVED, d, me, details);
        publish(CaseWorkflowChanged.Kind.PUBLISHED, d, me, Map.of("version", version.version(), "versionId", version.versionId(),
                "newVersion", version.created()));
        return mapping.draft(d);
    }

    void retire(String slug, boolean retire) {
        UserSummary me = access.me();
        var history = cases.history(slug).filter(h -> DraftAccess.seesCase(me, h.institutionId())).orElseThrow(DraftNotFound::new);
        if (!DraftAccess.changesCase(me, history.institutionId(), history.bundled())) {
            throw new DraftRefused(history.bundled() ? "A case of the shared library is retired by an admin (it is every institution's)."
                    : "Only educators of the case's institution, and admins, retire it.");
        }
        if (retire && cases.latestVersionId(slug).isEmpty()) {
            throw new DraftRefused("'" + slug + "' has no published version; discard its draft instead.");
        }
        boolean changed = retire ? cases.retire(slug, me.id()) : cases.unretire(slug);
        if (changed) {
            events.publishEvent(new CaseWorkflowChanged(retire ? CaseWorkflowChanged.Kind.RETIRED : CaseWorkflowChanged.Kind.UNRETIRED, slug, null,
                    me.id(), Map.of()));
        }
    }

    List<CaseDraft> reviewQueue() {
        UserSummary me = access.me();
        return drafts.findByStateInOrderByUpdatedAtDesc(List.of(CaseDraftEntity.IN_REVIEW)).stream()
                .filter(d -> DraftAccess.worksFor(me, d.getInstitutionId()))
                .sorted(java.util.Comparator.comparing(CaseDraftEntity::getSubmittedAt)).map(mapping::draft).toList();
    }

    /** Comments on every draft of the draft's case, oldest first. */
    List<ReviewComment> comments(long draftId) {
        CaseDraftEntity d = access.visible(drafts.findById(draftId).orElse(null));
        return commentsOn(d.getCaseSlug(), d.getInstitutionId());
    }

    List<ReviewComment> commentsOn(String slug, long institutionId) {
        return comments.findByCaseSlugOrderByIdAsc(slug).stream()
                .filter(c -> drafts.findById(c.getDraftId()).map(x -> x.getInstitutionId() == institutionId).orElse(false))
                .map(mapping::comment).toList();
    }

    private static DraftRefused storeUnavailable(RuntimeException e) {
        return new DraftRefused("The case was not published: its files could not be read or stored because the file store is"
                + " unavailable. Nothing changed; approve again when it is back. (" + e.getMessage() + ")");
    }

    private List<DraftProblem> revalidate(CaseDraftEntity d) {
        var v = checks.validate(d.getId(), d.getBaseVersionId(), d.getCaseSlug(), d.getInstitutionId(), DraftMapping.content(d.getManifest(), d.getFiles()));
        d.revalidated(DraftMapping.validationJson(v));
        return v.problems();
    }

    private void publish(CaseWorkflowChanged.Kind kind, CaseDraftEntity d, UserSummary me, Map<String, Object> details) {
        events.publishEvent(new CaseWorkflowChanged(kind, d.getCaseSlug(), d.getId(), me.id(), details));
    }

    private static void requireState(CaseDraftEntity d, String state, String what) {
        if (!state.equals(d.getState())) {
            throw new DraftRefused("This draft is " + DraftState.valueOf(d.getState()).words() + ", so it cannot be " + what + ".");
        }
    }

    private static String commentText(String text, String missing) {
        if (text == null || text.isBlank()) {
            throw new DraftRefused(missing);
        }
        String t = text.strip();
        if (t.length() > MAX_COMMENT) {
            throw new DraftRefused("A comment may have at most " + MAX_COMMENT + " characters; this one has " + t.length() + ".");
        }
        return t;
    }
}
