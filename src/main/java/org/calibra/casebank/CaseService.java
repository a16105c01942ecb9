package org.calibra.casebank;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calibra.casebank.internal.CaseImage;
import org.calibra.casebank.internal.CaseVersion;
import org.calibra.casebank.internal.CaseVersionRepository;
import org.calibra.casebank.internal.OutlineJson;
import org.calibra.shared.JsonText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The case bank's public face: versions of cases, as records that views and other modules may hold. */
@Service
@Transactional(readOnly = true)
public class CaseService {

    public static final String DICOM_URL_PREFIX = "/files/dicom/";
    public static final String HEATMAP_URL_PREFIX = "/files/heatmap/";
    /** Key images (ADR 0024): they show the answer, so their door asks {@link CaseImageAccess#mayViewAnswers}. */
    public static final String KEY_IMAGE_URL_PREFIX = "/files/key-image/";

    private final CaseVersionRepository versions;
    private final org.calibra.casebank.internal.CaseItemRepository items;
    private final java.time.Clock clock;
    /** Published versions by id, as readers see them and with their truth: one entry per version read on this node. */
    private final org.calibra.shared.ImmutableCache<Long, Loaded> published = new org.calibra.shared.ImmutableCache<>(2_000);
    private final org.calibra.shared.ImmutableCache<Long, LoadedTruth> publishedTruths = new org.calibra.shared.ImmutableCache<>(2_000);
    /** The case of each version id (any status): fixed when the version is created. */
    private final org.calibra.shared.ImmutableCache<Long, String> slugs = new org.calibra.shared.ImmutableCache<>(50_000);

    CaseService(CaseVersionRepository versions, org.calibra.casebank.internal.CaseItemRepository items, java.time.Clock clock) {
        this.versions = versions;
        this.items = items;
        this.clock = clock;
    }

    /**
     * The version reads of this case use: the latest published one (uploads pending review or rejected never count).
     * A retired case keeps answering, so an attempt that drew it before it was retired can still read it; new draws never
     * take it, because pools leave retired cases out ({@link #retired()}, {@link #publishedUploadsMatching}; ADR 0021).
     */
    public Optional<Long> latestVersionId(String slug) {
        return versions.findIdsBySlugAndStatusNewestFirst(slug, CaseVersion.PUBLISHED, org.springframework.data.domain.PageRequest.of(0, 1))
                .stream().findFirst();
    }

    /** Cases retired from draws and tag pools (ADR 0021), by slug: module pools leave them out. */
    public java.util.Set<String> retired() {
        return new java.util.TreeSet<>(items.findRetiredSlugs());
    }

    /** Slugs of unretired uploaded cases whose latest published version carries every tag of at least one query, by slug. */
    public List<String> publishedUploadsMatching(List<List<String>> tagQueries, long institutionId) {
        return versions.findPublishedUploads().stream()
                .filter(v -> v.getCaseItem().getRetiredAt() == null)
                .filter(v -> v.getCaseItem().getInstitutionId() != null && v.getCaseItem().getInstitutionId() == institutionId)
                .filter(v -> tagQueries.stream().anyMatch(q -> JsonText.toList(v.getTags()).containsAll(q)))
                .map(v -> v.getCaseItem().getSlug()).toList();
    }

    /** Whether the version is of a shared library case (no owner) or of one the institution imported. */
    public boolean sharedOrOwnedBy(long versionId, long institutionId) {
        return versions.findById(versionId).map(v -> v.getCaseItem().getInstitutionId() == null
                || v.getCaseItem().getInstitutionId() == institutionId).orElse(false);
    }

    public Optional<String> slugOf(long versionId) {
        return slugs.get(versionId, versions::findSlugById, slug -> true);
    }

    /** The case slug of each of these versions: a version never moves to another case, so each node keeps them once read. */
    public Map<Long, String> slugsOf(java.util.Collection<Long> versionIds) {
        return slugs.getAll(versionIds, missing -> {
            Map<Long, String> loaded = new java.util.HashMap<>();
            versions.findSlugsByIdIn(missing).forEach(row -> loaded.put(((Number) row[0]).longValue(), (String) row[1]));
            return loaded;
        });
    }

    /** A published version as a reader sees it; published versions never change, so each node keeps them once read. */
    public Optional<CaseForReading> forReading(long versionId) {
        return published.get(versionId, id -> versions.findById(id).map(v -> new Loaded(toReading(v), v.getStatus())), Loaded::published)
                .map(Loaded::kase);
    }

    /** A version loaded for {@link #forReading} with its status: only a published one is cached. */
    private record Loaded(CaseForReading kase, String status) {
        boolean published() {
            return CaseVersion.PUBLISHED.equals(status);
        }
    }

    /** A version's truth with its status, for {@link #truth}'s cache. */
    private record LoadedTruth(CaseTruth truth, String status) {
        boolean published() {
            return CaseVersion.PUBLISHED.equals(status);
        }
    }

    /**
     * Whether each case's latest version is abnormal — only so module draws can include enough abnormal and
     * normal cases (reading.CaseDraw; ArchitectureTest allows no other caller). Never for a view.
     */
    public Map<String, Boolean> strata(List<String> slugs) {
        Map<String, Boolean> result = new java.util.HashMap<>();
        for (String slug : slugs) {
            versions.findFirstByCaseItemSlugAndStatusOrderByVersionDesc(slug, CaseVersion.PUBLISHED)
                    .ifPresent(v -> result.put(slug, v.isTruthAbnormal()));
        }
        return result;
    }

    /** The stack of a case version as blobs and frames, for image delivery (DICOMweb); empty when the version does not exist. */
    public Optional<List<CaseImageFile>> imageFiles(long versionId) {
        return versions.findById(versionId).map(v -> v.getImages().stream()
                .map(i -> new CaseImageFile(i.getImageIndex(), i.getBlobSha256(), i.getFrameNumber(), i.getArchiveUrl(),
                        i.getArchiveStudyUid(), i.getSeriesInstanceUid(), i.getSopInstanceUid())).toList());
    }

    /** Every case version whose stack or AI heatmaps use this blob: who may fetch a blob depends on them. */
    public List<Long> versionsUsingBlob(String sha256) {
        var ids = new java.util.TreeSet<>(versions.findVersionIdsWithImageBlob(sha256));
        ids.addAll(versions.findVersionIdsWithHeatmapBlob(sha256));
        return List.copyOf(ids);
    }

    /** Every case version whose key images use this blob: its door serves them to whoever may see one of their answers. */
    public List<Long> versionsUsingKeyImageBlob(String sha256) {
        return versions.findVersionIdsWithKeyImageBlob(sha256);
    }

    /** Ids of all case versions, oldest first (DICOMweb search filters them by access). */
    public List<Long> versionIds() {
        return versions.findAllIds();
    }

    /**
     * Ground truth: only for scoring and for feedback on a submitted read (see {@link CaseTruth}). Cached like
     * {@link #forReading}: scoring reads it for every read.
     */
    public Optional<CaseTruth> truth(long versionId) {
        return publishedTruths.get(versionId, id -> truthOf(id).map(t -> new LoadedTruth(t, versions.findById(id).orElseThrow().getStatus())),
                LoadedTruth::published).map(LoadedTruth::truth);
    }

    private Optional<CaseTruth> truthOf(long versionId) {
        return versions.findById(versionId).map(v -> new CaseTruth(v.getId(), v.getTruthDiagnosis(), v.isTruthAbnormal(),
                v.getTruthFindings().stream().map(f -> new CaseTruth.Lesion(f.getFindingKey(), f.getLabel(), f.getImageIndex(),
                        f.getX(), f.getY(), f.getRadiusPx(), f.getWeight(), f.getFirstImageIndex(), f.getLastImageIndex(),
                        f.getOutline() == null ? null : OutlineJson.read(f.getOutline()),
                        f.getCodeScheme() == null ? null : new CaseTruth.Code(f.getCodeScheme(), f.getCodeValue(), f.getCodeMeaning()))).toList(),
                v.getAcceptanceMinMm(), JsonText.toList(v.getTeachingPoints()), storedAiErrors(v), keyImages(v)));
    }

    /** The key images (ADR 0024); most cases have none, and scoring reads the truth often: no query for those. */
    private static List<CaseTruth.KeyImage> keyImages(CaseVersion v) {
        if (v.getManifest() == null || !v.getManifest().contains("keyImages")) {
            return List.of();
        }
        return v.getKeyImages().stream().map(k -> new CaseTruth.KeyImage(k.getImageIndex(), k.getCaption(), KEY_IMAGE_URL_PREFIX + k.getBlobSha256())).toList();
    }

    /**
     * The labelled AI errors (ADR 0023), read from the manifest the version stores verbatim — no column of their own, so
     * versions stored before labels existed need no migration. An unreadable manifest labels nothing: the errors are
     * words for the feedback, never part of the score.
     */
    private static List<CaseTruth.AiError> storedAiErrors(CaseVersion v) {
        if (v.getManifest() == null || !v.getManifest().contains("errors")) {
            return List.of(); // most cases label none: no need to parse their manifest on every score
        }
        var read = org.calibra.casebank.content.CaseManifests.read("case.yaml", v.getManifest().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return read.readable() ? ManifestCases.aiErrors(read.manifest()) : List.of();
    }

    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    /** The library an educator works with: the shared bundled cases and their own institution's; an admin sees all. */
    public List<CaseSummary> libraryFor(org.calibra.security.UserSummary user) {
        boolean admin = user.role() == org.calibra.security.Role.ADMIN;
        return versions.findLatestVersions().stream()
                .filter(v -> admin || v.getCaseItem().getInstitutionId() == null || v.getCaseItem().getInstitutionId() == user.institutionId())
                .map(CaseService::summary).toList();
    }

    /**
     * Every published, unretired case an institution may put in a module (the shared library's and its own), at its latest
     * published version, by slug: for the curriculum builder's case list, pools and pool summary. Read-only.
     */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public List<CaseFacts> poolCandidates(long institutionId) {
        List<CaseFacts> out = new java.util.ArrayList<>();
        for (CaseVersion latest : versions.findLatestVersions()) {
            var item = latest.getCaseItem();
            if (item.getRetiredAt() != null || (item.getInstitutionId() != null && item.getInstitutionId() != institutionId)) {
                continue;
            }
            var published = CaseVersion.PUBLISHED.equals(latest.getStatus()) ? Optional.of(latest)
                    : versions.findFirstByCaseItemSlugAndStatusOrderByVersionDesc(item.getSlug(), CaseVersion.PUBLISHED);
            published.ifPresent(v -> out.add(facts(v)));
        }
        return out;
    }

    private static CaseFacts facts(CaseVersion v) {
        List<String> tags = JsonText.toList(v.getTags());
        List<String> kinds = storedAiErrors(v).stream().map(e -> switch (e.kind()) {
            case MISSED_LESION -> org.calibra.casebank.content.CaseManifest.AiError.FALSE_NEGATIVE;
            case FALSE_MARK -> org.calibra.casebank.content.CaseManifest.AiError.FALSE_POSITIVE;
            case OFF_LABEL -> org.calibra.casebank.content.CaseManifest.AiError.OFF_LABEL;
        }).toList();
        if (kinds.isEmpty()) { // bundled cases tagged by hand (ADR 0023): one error per tag that names a kind
            kinds = org.calibra.casebank.content.CaseManifest.AiError.KINDS.stream()
                    .filter(k -> tags.contains(new org.calibra.casebank.content.CaseManifest.AiError(k, null, null, null, null).tag())).toList();
        }
        return new CaseFacts(v.getCaseItem().getSlug(), v.getTitle(), v.getVersion(), v.getModality(), tags, v.isTruthAbnormal(), v.getAiSuggestion().getScore(),
                kinds);
    }

    public List<CaseSummary> library() {
        return versions.findLatestVersions().stream().map(CaseService::summary).toList();
    }

    private static CaseSummary summary(CaseVersion v) {
        return new CaseSummary(v.getId(), v.getCaseItem().getSlug(), v.getVersion(),
                v.getTitle(), v.getModality(), v.getDifficulty(), JsonText.toList(v.getTags()), v.getTruthDiagnosis(),
                v.getImages().size(), v.getAiSuggestion().getScore(), v.getSourceLicence(), v.getLoadedAt(), v.getStatus(),
                v.getCaseItem().getOrigin(), v.getCaseItem().getRetiredAt() != null);
    }

    /** A version's whole content in the one format, for staff pages, export and drafts (truth included: never for trainees). */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public Optional<CaseContent> content(long versionId) {
        return versions.findById(versionId).map(v -> {
            var read = org.calibra.casebank.content.CaseManifests.read(v.getCaseItem().getSlug(),
                    v.getManifest().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (!read.readable()) {
                throw new IllegalStateException("the stored manifest of version " + v.getVersion() + " of '" + v.getCaseItem().getSlug()
                        + "' cannot be read: " + read.problems());
            }
            var m = read.manifest();
            Map<String, String> files = new java.util.LinkedHashMap<>();
            versions.findFileBlobs(v.getId()).forEach(row -> files.put((String) row[0], (String) row[1]));
            var heatmapShas = new java.util.HashMap<Integer, String>();
            v.getAiSuggestion().getHeatmaps().forEach(h -> heatmapShas.put(h.getImageIndex(), h.getBlobSha256()));
            m.ai().heatmaps().forEach(h -> {
                if (heatmapShas.containsKey(h.imageIndex())) {
                    files.put(h.file(), heatmapShas.get(h.imageIndex()));
                }
            });
            v.getKeyImages().forEach(k -> files.put(k.getFileName(), k.getBlobSha256()));
            return new CaseContent(v.getId(), v.getCaseItem().getSlug(), v.getVersion(), v.getStatus(), v.getCaseItem().getOrigin(),
                    v.getCaseItem().getInstitutionId(), v.getLoadedAt(), m, files, v.getDeidReport());
        });
    }

    /** A case and its versions, oldest first; empty when no case has this slug. */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public Optional<CaseHistory> history(String slug) {
        return items.findBySlug(slug).map(item -> new CaseHistory(item.getSlug(), item.getOrigin(), item.getInstitutionId(), item.getRetiredAt(),
                versions.findByCaseItemSlugOrderByVersionAsc(slug).stream().map(v -> new CaseHistory.Version(v.getId(), v.getVersion(),
                        v.getStatus(), v.getLoadedAt(), v.getReviewedBy())).toList()));
    }

    /**
     * Retires a case: no new draw or tag pool takes it from now on; its versions, the reads made on them, decision records
     * and certificates are untouched. Returns false when it was retired already. Who may is the caller's rule (authoring).
     */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    @Transactional
    public boolean retire(String slug, long userId) {
        var item = items.findBySlug(slug).orElseThrow(() -> new IllegalArgumentException("no case '" + slug + "'"));
        if (item.getRetiredAt() != null) {
            return false;
        }
        item.retire(userId, clock.instant());
        return true;
    }

    /** Takes a retired case back into draws and pools. Returns false when it was not retired. */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    @Transactional
    public boolean unretire(String slug) {
        var item = items.findBySlug(slug).orElseThrow(() -> new IllegalArgumentException("no case '" + slug + "'"));
        if (item.getRetiredAt() == null) {
            return false;
        }
        item.unretire();
        return true;
    }

    private static CaseForReading toReading(CaseVersion v) {
        var ai = v.getAiSuggestion();
        var card = new CaseForReading.ModelCard(ai.getModelName(), ai.getModelVersion(), ai.getIntendedUse(), ai.getTrainingData(),
                ai.getKnownFailureModes(), ai.getReportedPerformance());
        var marks = ai.getFindings().stream().map(f -> new CaseForReading.AiMark(f.getFindingKey(), f.getLabel(), f.getImageIndex(),
                f.getX(), f.getY(), f.getProbability())).toList();
        return new CaseForReading(v.getId(), v.getCaseItem().getSlug(), v.getVersion(), v.getTitle(), v.getModality(), v.getBodyPart(),
                v.getClinicalHistory(), v.getImages().stream().map(CaseService::toRef).toList(), AnswerOrder.labels(JsonText.toList(v.getLabels())),
                AnswerOrder.diagnoses(JsonText.toList(v.getDiagnoses())), new CaseForReading.AiSuggestion(card, ai.getScore(), marks,
                        ai.getHeatmaps().stream().map(h -> new CaseForReading.Heatmap(h.getImageIndex(), HEATMAP_URL_PREFIX + h.getBlobSha256())).toList()),
                JsonText.toList(v.getTags()).contains(org.calibra.casebank.content.CaseManifest.SYNTHETIC_TAG));
    }

    private static CaseForReading.ImageRef toRef(CaseImage i) {
        // an archive's image has no file here: its URL is the app's DICOMweb frame (org.calibra.dicomweb proxies it)
        String url = i.getBlobSha256() != null ? DICOM_URL_PREFIX + i.getBlobSha256()
                : "/dicomweb/cases/" + i.getCaseVersionId() + "/studies/" + i.getArchiveStudyUid() + "/series/" + i.getSeriesInstanceUid()
                        + "/instances/" + i.getSopInstanceUid() + "/frames/" + (i.getFrameNumber() + 1);
        return new CaseForReading.ImageRef(i.getImageIndex(), url, i.getFrameNumber(),
                i.getPixelRows(), i.getPixelColumns(), i.getRowSpacingMm(), i.getColumnSpacingMm(), i.getPlane());
    }
}
