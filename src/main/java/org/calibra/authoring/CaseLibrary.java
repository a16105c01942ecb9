package org.calibra.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calibra.authoring.internal.CaseDraftEntity;
import org.calibra.authoring.internal.CaseDraftRepository;
import org.calibra.casebank.CaseContent;
import org.calibra.casebank.CaseHistory;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.CaseSummary;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.security.UserSummary;
import org.springframework.stereotype.Component;

/** The staff library (every case the educator may see, with its state) and a case's page: versions, who, what changed. */
@Component
class CaseLibrary {

    private final CaseService cases;
    private final CaseDraftRepository drafts;
    private final DraftMapping mapping;
    private final DraftAccess access;
    private final DraftWorkflow workflow;

    CaseLibrary(CaseService cases, CaseDraftRepository drafts, DraftMapping mapping, DraftAccess access, DraftWorkflow workflow) {
        this.cases = cases;
        this.drafts = drafts;
        this.mapping = mapping;
        this.access = access;
        this.workflow = workflow;
    }

    List<CaseOverview> library() {
        UserSummary me = access.me();
        Map<String, CaseDraftEntity> open = new LinkedHashMap<>();
        drafts.findByStateInOrderByUpdatedAtDesc(DraftEditing.OPEN).stream().filter(d -> DraftAccess.worksFor(me, d.getInstitutionId()))
                .forEach(d -> open.putIfAbsent(d.getCaseSlug(), d));
        List<CaseOverview> out = new ArrayList<>();
        for (CaseSummary c : cases.libraryFor(me)) {
            var draft = open.remove(c.slug());
            out.add(new CaseOverview(c.slug(), c.title(), c.modality(), state(c), c.version(), "content".equals(c.origin()),
                    c.tags().contains(CaseManifest.SYNTHETIC_TAG), draft == null ? null : draft.getId(),
                    draft == null ? null : DraftState.valueOf(draft.getState()), draft == null ? c.loadedAt() : draft.getUpdatedAt(),
                    List.copyOf(c.tags())));
        }
        for (CaseDraftEntity d : open.values()) {
            var content = DraftMapping.content(d.getManifest(), d.getFiles()).manifest();
            DraftState s = DraftState.valueOf(d.getState());
            out.add(new CaseOverview(d.getCaseSlug(), content.title(), content.modality(), s == DraftState.IN_REVIEW ? CaseState.IN_REVIEW : CaseState.DRAFT,
                    null, false, content.tags().contains(CaseManifest.SYNTHETIC_TAG), d.getId(), s, d.getUpdatedAt(),
                    content.tags() == null ? List.of() : List.copyOf(content.tags())));
        }
        out.sort(java.util.Comparator.comparing(CaseOverview::slug));
        return out;
    }

    Optional<CaseDetails> details(String slug) {
        UserSummary me = access.me();
        var history = cases.history(slug).filter(h -> DraftAccess.seesCase(me, h.institutionId()));
        var openDraft = drafts.findByCaseSlugAndStateIn(slug, DraftEditing.OPEN).stream().filter(d -> DraftAccess.worksFor(me, d.getInstitutionId()))
                .findFirst().map(mapping::draft);
        if (history.isEmpty() && openDraft.isEmpty()) {
            return Optional.empty();
        }
        if (history.isEmpty() || history.get().versions().isEmpty()) {
            var d = openDraft.get();
            return Optional.of(new CaseDetails(slug, d.state() == DraftState.IN_REVIEW ? CaseState.IN_REVIEW : CaseState.DRAFT, false, null, null,
                    List.of(), d, workflow.commentsOn(slug, d.institutionId()), true, false));
        }
        CaseHistory h = history.get();
        var versions = versions(h);
        Long latestId = cases.latestVersionId(slug).orElse(h.versions().getLast().versionId());
        CaseContent latest = cases.content(latestId).orElseThrow();
        CaseState state = h.retired() ? CaseState.RETIRED : cases.latestVersionId(slug).isPresent() ? CaseState.PUBLISHED
                : "REJECTED".equals(latest.status()) ? CaseState.REJECTED : CaseState.HELD;
        long institution = h.institutionId() != null ? h.institutionId() : me.institutionId();
        boolean changes = DraftAccess.changesCase(me, h.institutionId(), h.bundled());
        return Optional.of(new CaseDetails(slug, state, h.bundled(), h.retiredAt(), latest, versions, openDraft.orElse(null),
                h.institutionId() == null ? List.of() : workflow.commentsOn(slug, institution), changes && !h.bundled(), changes));
    }

    /** Newest first: who made each version and what it changed from the one before. */
    private List<VersionEntry> versions(CaseHistory h) {
        Map<Long, CaseDraftEntity> byVersion = new LinkedHashMap<>();
        drafts.findByPublishedVersionIdIn(h.versions().stream().map(CaseHistory.Version::versionId).toList())
                .forEach(d -> byVersion.put(d.getPublishedVersionId(), d));
        List<VersionEntry> out = new ArrayList<>();
        CaseContent previous = null;
        for (var v : h.versions()) {
            CaseContent content = cases.content(v.versionId()).orElseThrow();
            List<Change> changes = previous == null ? List.of(new Change("", "First version"))
                    : ManifestDiff.between(new DraftContent(previous.manifest(), previous.files()), new DraftContent(content.manifest(), content.files()));
            out.add(new VersionEntry(v.versionId(), v.version(), v.status(), v.loadedAt(), madeBy(h, v, byVersion.get(v.versionId())),
                    changes.isEmpty() ? List.of(new Change("", "No change to the content (loaded again)")) : changes));
            previous = content;
        }
        return out.reversed();
    }

    private String madeBy(CaseHistory h, CaseHistory.Version v, CaseDraftEntity draft) {
        if (h.bundled()) {
            return "the repository (cases/), reviewed in Git";
        }
        if (draft != null) {
            String by = "written by " + mapping.person(draft.getAuthorId()).name() + ", approved by " + mapping.person(draft.getDecidedBy()).name();
            return draft.isSelfApproved() ? by + " (self-approval)" : by;
        }
        return v.reviewedBy() != null ? "uploaded; " + v.status().toLowerCase().replace('_', ' ') + " by " + mapping.person(v.reviewedBy()).name()
                : "uploaded";
    }

    private static CaseState state(CaseSummary c) {
        if (c.retired()) {
            return CaseState.RETIRED;
        }
        return switch (c.status()) {
            case "PENDING_REVIEW" -> CaseState.HELD;
            case "REJECTED" -> CaseState.REJECTED;
            default -> CaseState.PUBLISHED;
        };
    }
}
