package org.calibra.casebank.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.calibra.casebank.CaseImportResult;
import org.calibra.casebank.content.CaseBundle;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.storage.BlobStore;
import org.calibra.shared.JsonText;
import org.springframework.stereotype.Component;

/**
 * Writes a checked {@link CaseBundle}: nothing when its content hash equals the latest version's,
 * otherwise a new version (the first for a new case). Runs inside the caller's transaction.
 */
@Component
public class CaseImporter {

    private final CaseItemRepository cases;
    private final CaseVersionRepository versions;
    private final BlobStore blobs;
    private final Clock clock;

    CaseImporter(CaseItemRepository cases, CaseVersionRepository versions, BlobStore blobs, Clock clock) {
        this.cases = cases;
        this.versions = versions;
        this.blobs = blobs;
        this.clock = clock;
    }

    public CaseImportResult importBundle(CaseBundle bundle) {
        CaseManifest m = bundle.manifest();
        // Blobs first and always: idempotent, and it restores images lost with a wiped data folder.
        bundle.files().stream().filter(f -> !f.external()).forEach(f -> blobs.put(f.sha256(), f.bytes()));
        bundle.heatmaps().forEach(h -> blobs.put(h.sha256(), h.bytes()));
        Optional<CaseVersion> latest = versions.findFirstByCaseItemSlugOrderByVersionDesc(m.id());
        if (latest.isPresent() && latest.get().getContentHash().equals(bundle.contentHash())) {
            return new CaseImportResult(m.id(), latest.get().getVersion(), CaseImportResult.Outcome.UNCHANGED);
        }
        CaseItem item = cases.findBySlug(m.id()).orElseGet(() -> cases.save(new CaseItem(m.id(), clock.instant())));
        int number = latest.map(v -> v.getVersion() + 1).orElse(1);
        versions.save(toVersion(bundle, item, number));
        return new CaseImportResult(m.id(), number, latest.isPresent() ? CaseImportResult.Outcome.NEW_VERSION : CaseImportResult.Outcome.CREATED);
    }

    private CaseVersion toVersion(CaseBundle bundle, CaseItem item, int number) {
        CaseManifest m = bundle.manifest();
        var v = new CaseVersion(item, number, bundle.contentHash(), clock.instant());
        v.describe(m.title(), m.modality(), m.bodyPart(), m.difficulty(), JsonText.ofList(m.tags()), m.clinicalHistory(),
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
            v.addTruthFinding(new TruthFindingEntity(v, f.id(), f.label(), f.imageIndex(), f.x(), f.y(), f.radiusPx(),
                    f.weight() != null ? f.weight() : 1.0 / n, f.firstImage(), f.lastImage()));
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
        return v;
    }
}
