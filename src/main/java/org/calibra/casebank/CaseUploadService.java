package org.calibra.casebank;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.calibra.casebank.content.CaseBundleReader;
import org.calibra.casebank.content.CaseManifests;
import org.calibra.casebank.imports.BundleImporter;
import org.calibra.casebank.imports.CleanBundle;
import org.calibra.casebank.imports.ImportException;
import org.calibra.casebank.imports.ImportLimits;
import org.calibra.casebank.imports.SafeZip;
import org.calibra.casebank.internal.CaseVersion;
import org.calibra.casebank.internal.CaseVersionRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The upload door (ADR 0012, ADR 0021): an educator's .zip goes through the import pipeline (safe unpacking, checks,
 * de-identification) and its clean files are stored, to become a draft in the authoring module — with its case.yaml, or
 * with a skeleton one marked TODO. Nothing is stored unless everything passed; the original bytes are never written
 * anywhere. Versions held for review by the upload door before drafts existed are still published or rejected here.
 */
@Service
@PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
public class CaseUploadService {

    private final BundleImporter pipeline;
    private final org.calibra.casebank.storage.BlobStore blobs;
    private final CaseVersionRepository versions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ImportLimits limits;
    private final org.calibra.security.CurrentUser currentUser;

    CaseUploadService(BundleImporter pipeline, org.calibra.casebank.storage.BlobStore blobs, CaseVersionRepository versions, ApplicationEventPublisher events,
                      TransactionTemplate tx, Clock clock, @Value("${calibra.import.max-upload-bytes:536870912}") long maxUpload,
                      org.calibra.security.CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.pipeline = pipeline;
        this.blobs = blobs;
        this.versions = versions;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        var d = ImportLimits.defaults();
        this.limits = new ImportLimits(maxUpload, Math.max(d.maxTotalBytes(), maxUpload), d.maxFileBytes(), d.maxEntries(), d.maxRatio());
    }

    public long maxUploadBytes() {
        return limits.maxUploadBytes();
    }

    /**
     * Runs an uploaded .zip through the import pipeline (safe unpacking, per-file checks, de-identification) and stores its
     * files, so it can become a draft (ADR 0021: uploads are never live). A file whose exact bytes are stored already — a
     * bundle exported from this installation — is kept as it is rather than de-identified twice. All or nothing: with any
     * problem (a broken file, a case.yaml that cannot be read at all) nothing is stored and every problem is named.
     */
    public PreparedUpload prepare(String fileName, byte[] zip) {
        CleanBundle clean;
        try {
            clean = pipeline.run(SafeZip.read(fileName, zip, limits), blobs::exists);
        } catch (ImportException e) {
            return PreparedUpload.failed(e.problems());
        } catch (org.calibra.casebank.storage.BlobStoreUnavailableException e) {
            return PreparedUpload.failed(List.of(storeUnavailable(fileName, e)));
        }
        byte[] manifestBytes = clean.files().get(BundleImporter.MANIFEST);
        var read = CaseManifests.read(fileName.replaceAll("\\.zip$", ""), manifestBytes);
        if (!read.readable()) {
            return PreparedUpload.failed(read.problems());
        }
        Map<String, String> files = new java.util.LinkedHashMap<>();
        clean.files().forEach((name, bytes) -> {
            if (!name.equals(BundleImporter.MANIFEST) && !(name.equals(BundleImporter.REPORT) && !clean.hadManifest())) {
                String sha = CaseBundleReader.sha256(bytes);
                files.put(name, sha);
            }
        });
        try {
            // files already stored stay (content-addressed, harmless); no draft is made unless all are stored
            files.forEach((name, sha) -> blobs.put(sha, clean.files().get(name)));
        } catch (org.calibra.casebank.storage.BlobStoreUnavailableException e) {
            return PreparedUpload.failed(List.of(storeUnavailable(fileName, e)));
        }
        var flagged = clean.report().flags().stream().map(f -> new PreparedUpload.Flag(f.file(), f.reason())).toList();
        return new PreparedUpload(List.of(), read.manifest(), manifestBytes, clean.hadManifest(), files, flagged, clean.reportMarkdown());
    }

    private static org.calibra.shared.content.ContentProblem storeUnavailable(String fileName, RuntimeException e) {
        return new org.calibra.shared.content.ContentProblem(fileName, "", "was not imported: the file store is unavailable, so its"
                + " images could not be stored; nothing was kept. Upload it again when the store is back. (" + e.getMessage() + ")");
    }

    /** Versions held for review of burned-in text by the upload page before drafts existed (ADR 0012): still to be decided. */
    public List<PendingCase> pendingReview() {
        var me = currentUser.require();
        return tx.execute(s -> versions.findByStatusOrderByLoadedAtAsc(CaseVersion.PENDING_REVIEW).stream().filter(v -> manages(me, v))
                .map(v -> new PendingCase(v.getId(), v.getCaseItem().getSlug(), v.getVersion(), v.getTitle(), v.getLoadedAt(),
                        v.getDeidReport() == null ? "" : v.getDeidReport())).toList());
    }

    /** The educator looked at the flagged images: no identifying text. The version becomes the one modules read. */
    public void publish(long versionId, long userId) {
        review(versionId, CaseVersion.PUBLISHED, userId);
    }

    /** The images show identifying text (or are unsuitable): the version is never used. */
    public void reject(long versionId, long userId) {
        review(versionId, CaseVersion.REJECTED, userId);
    }

    private void review(long versionId, String decision, long userId) {
        tx.executeWithoutResult(s -> {
            CaseVersion v = versions.findById(versionId).orElseThrow(() -> new IllegalArgumentException("no case version " + versionId));
            if (!manages(currentUser.require(), v)) {
                throw new org.springframework.security.access.AccessDeniedException("Case version " + versionId + " is another institution's");
            }
            v.review(decision, userId, clock.instant());
            events.publishEvent(new CaseReviewed(v.getCaseItem().getSlug(), v.getVersion(), v.getId(), decision, userId));
        });
    }

    /** Admins review every upload; an educator only their own institution's. */
    private static boolean manages(org.calibra.security.UserSummary user, CaseVersion v) {
        Long owner = v.getCaseItem().getInstitutionId();
        return user.role() == org.calibra.security.Role.ADMIN || (owner != null && owner == user.institutionId());
    }
}
