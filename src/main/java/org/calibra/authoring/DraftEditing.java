package org.calibra.authoring;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calibra.authoring.internal.CaseDraftEntity;
import org.calibra.authoring.internal.CaseDraftRepository;
import org.calibra.authoring.internal.DraftRevisionEntity;
import org.calibra.authoring.internal.DraftRevisionRepository;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.PreparedUpload;
import org.calibra.security.UserSummary;
import org.calibra.shared.content.ContentProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Drafts come into being (an upload, an edit of a published case) and are saved, revision after revision. A save names
 * the revision it was made on; when another save came first it is refused with what changed — and kept as a copy, to
 * be re-applied on top (ADR 0021). Every save is validated with the loader's checks. Runs in the caller's transaction.
 */
@Component
class DraftEditing {

    static final List<String> OPEN = List.of(CaseDraftEntity.DRAFT, CaseDraftEntity.IN_REVIEW);

    private final CaseDraftRepository drafts;
    private final DraftRevisionRepository revisions;
    private final DraftChecks checks;
    private final DraftMapping mapping;
    private final DraftAccess access;
    private final CaseService cases;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DraftEditing(CaseDraftRepository drafts, DraftRevisionRepository revisions, DraftChecks checks, DraftMapping mapping, DraftAccess access,
                 CaseService cases, ApplicationEventPublisher events, Clock clock) {
        this.drafts = drafts;
        this.revisions = revisions;
        this.checks = checks;
        this.mapping = mapping;
        this.access = access;
        this.cases = cases;
        this.events = events;
        this.clock = clock;
    }

    /** An upload becomes a draft: of the next version when its id is the institution's published case, else of a new case. */
    UploadResult fromUpload(String fileName, PreparedUpload p) {
        return fromUpload(fileName, p, p.hadManifest() ? "upload" : "skeleton");
    }

    /** As {@link #fromUpload(String, PreparedUpload)}, the draft's source named by the caller (a generated case: "synthetic"). */
    UploadResult fromUpload(String fileName, PreparedUpload p, String source) {
        UserSummary me = access.me();
        String slug = p.manifest().id() != null ? p.manifest().id() : "imported-case";
        var content = new DraftContent(p.manifest(), p.files());
        if (!p.hadManifest()) {
            slug = freeSlug(slug);
            content = content.withManifest(ManifestEdit.with(p.manifest(), "id", slug));
        } else if (!drafts.findByCaseSlugAndStateIn(slug, OPEN).isEmpty()) {
            var open = drafts.findByCaseSlugAndStateIn(slug, OPEN).getFirst();
            return new UploadResult(null, List.of(new ContentProblem(fileName + "/case.yaml", "id", "a draft of '" + slug + "' is already open"
                    + " (draft " + open.getId() + ", " + DraftState.valueOf(open.getState()).words() + "): continue it on its page, or"
                    + " discard it, then upload again")), p.report());
        }
        long institution = me.institutionId();
        Long base = null;
        var history = cases.history(slug);
        if (history.isPresent() && !history.get().bundled() && history.get().institutionId() != null
                && DraftAccess.worksFor(me, history.get().institutionId())) {
            institution = history.get().institutionId(); // an admin's upload of an institution's case stays that institution's
            base = cases.latestVersionId(slug).orElse(null);
        }
        var entity = create(slug, institution, source, base, content, p.flagged(), p.report(), me);
        events.publishEvent(new CaseWorkflowChanged(CaseWorkflowChanged.Kind.DRAFT_CREATED, slug, entity.getId(), me.id(),
                Map.of("source", entity.getSource(), "files", p.files().size(), "flaggedImages", p.flagged().size(),
                        "problems", mapping.draft(entity).problems().size())));
        return new UploadResult(mapping.draft(entity), List.of(), p.report());
    }

    /** The open draft of a published case, or a new one seeded from its latest version. */
    CaseDraft forNextVersion(String slug) {
        UserSummary me = access.me();
        var history = cases.history(slug).filter(h -> DraftAccess.seesCase(me, h.institutionId())).orElseThrow(DraftNotFound::new);
        if (!DraftAccess.changesCase(me, history.institutionId(), history.bundled()) || history.bundled()) {
            throw new DraftRefused(history.bundled() ? "'" + slug + "' comes from the repository's cases/ folder, where it is reviewed and"
                    + " changed (content as code): change it there, or export it and import the bundle under a new id to make a new case."
                    : "Only educators of the case's institution, and admins, change it.");
        }
        var open = drafts.findByCaseSlugAndStateIn(slug, OPEN);
        if (!open.isEmpty()) {
            return mapping.draft(open.getFirst());
        }
        long versionId = cases.latestVersionId(slug).orElseThrow(() -> new DraftRefused("'" + slug + "' has no published version to edit."));
        var version = cases.content(versionId).orElseThrow();
        var entity = create(slug, history.institutionId(), "edit", versionId, new DraftContent(version.manifest(), version.files()), List.of(),
                version.deidReport(), me);
        events.publishEvent(new CaseWorkflowChanged(CaseWorkflowChanged.Kind.DRAFT_CREATED, slug, entity.getId(), me.id(),
                Map.of("source", "edit", "baseVersion", version.version())));
        return mapping.draft(entity);
    }

    private CaseDraftEntity create(String slug, long institution, String source, Long base, DraftContent content, List<PreparedUpload.Flag> flags,
                                   String report, UserSummary me) {
        var v = checks.validate(null, base, slug, institution, content);
        var entity = drafts.save(new CaseDraftEntity(slug, institution, me.id(), source, base, DraftMapping.manifestText(content.manifest()),
                DraftMapping.filesJson(content.files()), DraftMapping.flagsJson(flags), report, DraftMapping.validationJson(v), clock.instant()));
        revisions.save(new DraftRevisionEntity(entity.getId(), entity.getRevision(), DraftRevisionEntity.SAVED, entity.getManifest(),
                entity.getFiles(), me.id(), clock.instant()));
        return entity;
    }

    SaveOutcome save(long draftId, int revision, DraftContent content) {
        CaseDraftEntity d = editable(draftId);
        UserSummary me = access.me();
        if (revision != d.getRevision()) {
            var copy = revisions.save(new DraftRevisionEntity(d.getId(), revision, DraftRevisionEntity.CONFLICT_COPY,
                    DraftMapping.manifestText(content.manifest()), DraftMapping.filesJson(content.files()), me.id(), clock.instant()));
            return conflict(d, revision, content, copy.getId());
        }
        String slug = d.getBaseVersionId() != null || content.manifest().id() == null ? d.getCaseSlug() : content.manifest().id();
        var v = checks.validate(d.getId(), d.getBaseVersionId(), d.getCaseSlug(), d.getInstitutionId(), content);
        d.save(slug, DraftMapping.manifestText(content.manifest()), DraftMapping.filesJson(content.files()), DraftMapping.validationJson(v),
                me.id(), clock.instant());
        revisions.save(new DraftRevisionEntity(d.getId(), d.getRevision(), DraftRevisionEntity.SAVED, d.getManifest(), d.getFiles(), me.id(),
                clock.instant()));
        return new SaveOutcome.Saved(mapping.draft(d));
    }

    /** The copy of a refused save, its changes put on top of the current revision (fields both changed: the copy's). */
    SaveOutcome reapply(long draftId, long copyId, int revision) {
        CaseDraftEntity d = editable(draftId);
        var copy = revisions.findById(copyId).filter(r -> r.getDraftId() == d.getId() && DraftRevisionEntity.CONFLICT_COPY.equals(r.getKind()))
                .orElseThrow(() -> new DraftRefused("There is no such copy of this draft to re-apply."));
        var merged = ManifestMerge.reapply(savedContent(d.getId(), copy.getRevision()), mapping.content(copy),
                DraftMapping.content(d.getManifest(), d.getFiles()));
        return save(draftId, revision, merged.merged());
    }

    void discard(long draftId, int revision) {
        CaseDraftEntity d = lockedVisible(draftId);
        if (!d.isOpen()) {
            throw new DraftRefused("This draft is " + DraftState.valueOf(d.getState()).words() + "; only an open draft can be discarded.");
        }
        requireRevision(d, revision);
        d.discard(access.me().id(), clock.instant());
        events.publishEvent(new CaseWorkflowChanged(CaseWorkflowChanged.Kind.DRAFT_DISCARDED, d.getCaseSlug(), d.getId(), access.me().id(),
                Map.of("revision", d.getRevision())));
    }

    List<DraftRevision> history(long draftId) {
        var d = access.visible(drafts.findById(draftId).orElse(null));
        List<DraftRevision> out = new ArrayList<>();
        Map<Integer, DraftContent> saved = new LinkedHashMap<>();
        for (var r : revisions.findByDraftIdOrderByIdAsc(d.getId())) {
            var content = mapping.content(r);
            boolean copy = DraftRevisionEntity.CONFLICT_COPY.equals(r.getKind());
            DraftContent before = copy ? saved.get(r.getRevision()) : saved.get(r.getRevision() - 1);
            out.add(new DraftRevision(r.getId(), r.getRevision(), copy, mapping.person(r.getSavedBy()), r.getSavedAt(),
                    before == null ? List.of() : ManifestDiff.between(before, content)));
            if (!copy) {
                saved.put(r.getRevision(), content);
            }
        }
        return out;
    }

    private SaveOutcome.Conflict conflict(CaseDraftEntity d, int revision, DraftContent mine, long copyId) {
        DraftContent base = savedContent(d.getId(), revision);
        DraftContent current = DraftMapping.content(d.getManifest(), d.getFiles());
        List<Change> theirs = ManifestDiff.between(base, current);
        List<Change> yours = ManifestDiff.between(base, mine);
        var theirFields = theirs.stream().map(Change::field).collect(java.util.stream.Collectors.toSet());
        List<String> both = yours.stream().map(Change::field).filter(theirFields::contains).map(ManifestMerge::words).distinct().toList();
        List<Person> savedBy = revisions.findByDraftIdOrderByIdAsc(d.getId()).stream()
                .filter(r -> DraftRevisionEntity.SAVED.equals(r.getKind()) && r.getRevision() > revision).map(DraftRevisionEntity::getSavedBy)
                .distinct().map(mapping::person).toList();
        return new SaveOutcome.Conflict(mapping.draft(d), revision, theirs, yours, both, copyId, savedBy);
    }

    private DraftContent savedContent(long draftId, int revision) {
        return revisions.findFirstByDraftIdAndKindAndRevision(draftId, DraftRevisionEntity.SAVED, revision).map(mapping::content)
                .orElseThrow(() -> new DraftRefused("Revision " + revision + " of this draft does not exist; reload the draft."));
    }

    private CaseDraftEntity editable(long draftId) {
        CaseDraftEntity d = lockedVisible(draftId);
        if (!CaseDraftEntity.DRAFT.equals(d.getState())) {
            throw new DraftRefused(CaseDraftEntity.IN_REVIEW.equals(d.getState())
                    ? "This draft is in review and cannot be changed; a reviewer sends it back with comments first."
                    : "This draft is " + DraftState.valueOf(d.getState()).words() + " and cannot be changed; open the case to start a new draft.");
        }
        return d;
    }

    CaseDraftEntity lockedVisible(long draftId) {
        return access.visible(drafts.lockById(draftId).orElse(null));
    }

    static void requireRevision(CaseDraftEntity d, int revision) {
        if (revision != d.getRevision()) {
            throw new DraftRefused("The draft changed since you opened it (revision " + revision + " → " + d.getRevision() + "); reload it and look again.");
        }
    }

    /** The slug, or the first of slug-2, slug-3… that no case and no open draft uses (a skeleton's id comes from the file name). */
    String freeSlug(String slug) {
        String candidate = slug;
        for (int n = 2; cases.history(candidate).isPresent() || !drafts.findByCaseSlugAndStateIn(candidate, OPEN).isEmpty(); n++) {
            String suffix = "-" + n;
            candidate = (slug.length() + suffix.length() > 64 ? slug.substring(0, 64 - suffix.length()) : slug) + suffix;
        }
        return candidate;
    }
}
