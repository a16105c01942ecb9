package org.calibra.casebank.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.calibra.casebank.CaseImportResult;
import org.calibra.casebank.content.CaseBundle;
import org.calibra.casebank.content.CaseBundleReader;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.imports.CaseDeidentification;
import org.calibra.dicom.deid.Deidentifier;
import org.calibra.casebank.storage.BlobStore;
import org.calibra.shared.JsonText;
import org.springframework.stereotype.Component;

/**
 * Writes a checked {@link CaseBundle}: nothing when its content hash equals the latest version's,
 * otherwise a new version (the first for a new case). Runs inside the caller's transaction.
 * Bundles from {@code cases/} are de-identified here, before any blob is stored (ADR 0012); their stored
 * hash covers the source folder and the de-identification policy, so an unchanged folder costs no DICOM work.
 */
@Component
public class CaseImporter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CaseImporter.class);

    private final CaseItemRepository cases;
    private final CaseVersionRepository versions;
    private final BlobStore blobs;
    private final Clock clock;
    private final Deidentifier deidentifier;

    /** Bumped when de-identification changes what is stored, so every content case is stored anew once. */
    static final String DEID_POLICY = "deid-basic-profile-1";

    CaseImporter(CaseItemRepository cases, CaseVersionRepository versions, BlobStore blobs, Clock clock, Deidentifier deidentifier) {
        this.cases = cases;
        this.versions = versions;
        this.blobs = blobs;
        this.clock = clock;
        this.deidentifier = deidentifier;
    }

    /** The start-up door: a bundle read from {@code cases/}, with its original files. */
    public CaseImportResult importBundle(CaseBundle bundle) {
        CaseManifest m = bundle.manifest();
        String hash = CaseBundleReader.sha256((bundle.contentHash() + "|" + DEID_POLICY).getBytes(StandardCharsets.US_ASCII));
        bundle.heatmaps().forEach(h -> blobs.put(h.sha256(), h.bytes()));
        bundle.keyImages().forEach(k -> blobs.put(k.sha256(), k.bytes()));
        Optional<CaseItem> existing = cases.findBySlug(m.id());
        if (existing.isPresent() && CaseItem.UPLOAD.equals(existing.get().getOrigin())) {
            log.warn("cases/{} is not loaded: an educator uploaded a case with that id; rename the folder", m.id());
            return new CaseImportResult(m.id(), 0, CaseImportResult.Outcome.UNCHANGED);
        }
        Optional<CaseVersion> latest = versions.findFirstByCaseItemSlugOrderByVersionDesc(m.id());
        if (latest.isPresent() && latest.get().getContentHash().equals(hash)) {
            // restores images lost with a wiped data folder; de-identification is deterministic, so the SHA-256s match
            if (versions.findBlobShas(latest.get().getId()).stream().anyMatch(sha -> !blobs.exists(sha))) {
                CaseDeidentification.apply(bundle, deidentifier).bundle().files().stream().filter(f -> !f.external())
                        .forEach(f -> blobs.put(f.sha256(), f.bytes()));
            }
            return new CaseImportResult(m.id(), latest.get().getVersion(), CaseImportResult.Outcome.UNCHANGED);
        }
        var clean = CaseDeidentification.apply(bundle, deidentifier);
        clean.bundle().files().stream().filter(f -> !f.external()).forEach(f -> blobs.put(f.sha256(), f.bytes()));
        CaseItem item = existing.orElseGet(() -> cases.save(new CaseItem(m.id(), clock.instant())));
        int number = latest.map(v -> v.getVersion() + 1).orElse(1);
        var v = toVersion(clean.bundle(), item, number, hash);
        // the repository is reviewed content: flagged images are listed in the report, the version is published
        v.imported(CaseVersion.PUBLISHED, clean.report().toMarkdown("De-identification of cases/" + m.id()));
        versions.save(v);
        return new CaseImportResult(m.id(), number, latest.isPresent() ? CaseImportResult.Outcome.NEW_VERSION : CaseImportResult.Outcome.CREATED);
    }

    /** The upload door: a bundle whose files the import pipeline has already de-identified. */
    public Uploaded importUploaded(CaseBundle bundle, String status, String reportMarkdown, long institutionId) {
        CaseManifest m = bundle.manifest();
        Optional<CaseItem> existing = cases.findBySlug(m.id());
        if (existing.isPresent() && CaseItem.CONTENT.equals(existing.get().getOrigin())) {
            throw new IllegalArgumentException("'" + m.id() + "' is a case of the repository's cases/ folder; an upload cannot replace it."
                    + " Give the uploaded case another id in case.yaml");
        }
        if (existing.isPresent() && existing.get().getInstitutionId() != null && existing.get().getInstitutionId() != institutionId) {
            throw new IllegalArgumentException("'" + m.id() + "' is a case of another institution; give your case another id in case.yaml");
        }
        bundle.files().stream().filter(f -> !f.external()).forEach(f -> blobs.put(f.sha256(), f.bytes()));
        bundle.heatmaps().forEach(h -> blobs.put(h.sha256(), h.bytes()));
        bundle.keyImages().forEach(k -> blobs.put(k.sha256(), k.bytes()));
        Optional<CaseVersion> latest = versions.findFirstByCaseItemSlugOrderByVersionDesc(m.id());
        if (latest.isPresent() && latest.get().getContentHash().equals(bundle.contentHash())) {
            return new Uploaded(m.id(), latest.get().getVersion(), latest.get().getId(), latest.get().getStatus(), false);
        }
        CaseItem item = existing.orElseGet(() -> {
            var created = new CaseItem(m.id(), clock.instant(), CaseItem.UPLOAD);
            created.belongTo(institutionId); // an uploaded case is its institution's: only its educators and modules use it
            return cases.save(created);
        });
        int number = latest.map(v -> v.getVersion() + 1).orElse(1);
        var v = toVersion(bundle, item, number, bundle.contentHash());
        v.imported(status, reportMarkdown);
        versions.save(v);
        return new Uploaded(m.id(), number, v.getId(), status, true);
    }

    /** What an upload stored: {@code created} false when the same content was already the latest version. */
    public record Uploaded(String slug, int version, long versionId, String status, boolean created) {}

    private CaseVersion toVersion(CaseBundle bundle, CaseItem item, int number, String hash) {
        CaseManifest m = bundle.manifest();
        var v = new CaseVersion(item, number, hash, clock.instant());
        v.describe(m.title(), m.modality(), m.bodyPart(), m.difficulty(), JsonText.ofList(m.poolTags()), m.clinicalHistory(),
                m.source().description(), m.source().licence());
        boolean abnormal = !CaseManifest.NORMAL.equals(m.truth().diagnosis());
        v.defineReading(JsonText.ofList(m.labels()), JsonText.ofList(m.diagnoses()), m.truth().diagnosis(), abnormal,
                bundle.minAcceptanceRadiusMm(), JsonText.ofList(m.teachingPoints()),
                new String(bundle.manifestBytes(), StandardCharsets.UTF_8));
        for (var s : bundle.stack()) {
            var h = s.file().header();
            var image = new CaseImage(v, s.index(), s.file().name(), s.frame(), s.file().sha256(), h.sopInstanceUid(),
                    h.seriesInstanceUid(), h.modality(), h.rows(), h.columns(), h.numberOfFrames(), h.rowSpacingMm(), h.columnSpacingMm());
            if (h.numberOfFrames() == 1) {
                image.placeInPatient(h.plane());
            }
            if (s.file().external()) {
                image.keptInArchive(s.file().archiveRoot(), h.studyInstanceUid());
            }
            v.addImage(image);
        }
        int n = m.truth().findings().size();
        for (var f : m.truth().findings()) {
            // a circle is stored as it always was; a drawn shape keeps its centroid and equal-area radius beside its outline
            String shape = f.geometry();
            var code = f.code();
            v.addTruthFinding(new TruthFindingEntity(v, f.id(), f.label(), f.imageIndex(), f.centreX(), f.centreY(), f.equivalentRadiusPx(),
                    f.weight() != null ? f.weight() : 1.0 / n, f.firstImage(), f.lastImage(), shape,
                    TruthFindingEntity.CIRCLE.equals(shape) ? null : OutlineJson.write(f.outline()),
                    code == null ? null : code.scheme(), code == null ? null : code.value(), code == null ? null : code.meaning()));
        }
        var card = m.ai().model();
        var ai = new AiSuggestionEntity(v, card.name(), card.version(), card.intendedUse(), card.trainingData(),
                card.knownFailureModes(), card.reportedPerformance(), m.ai().score());
        for (int i = 0; i < m.ai().findings().size(); i++) {
            var f = m.ai().findings().get(i);
            ai.addFinding(new AiFindingEntity(ai, "A" + (i + 1), f.label(), f.imageIndex(), f.x(), f.y(), f.probability()));
        }
        bundle.heatmaps().forEach(h -> ai.addHeatmap(new AiHeatmapEntity(ai, h.imageIndex(), h.sha256())));
        v.setAiSuggestion(ai);
        for (int i = 0; i < bundle.keyImages().size(); i++) {
            var k = bundle.keyImages().get(i);
            v.addKeyImage(new KeyImageEntity(v, i, k.entry().file(), k.entry().imageIndex(), k.entry().caption(), k.sha256()));
        }
        return v;
    }
}
