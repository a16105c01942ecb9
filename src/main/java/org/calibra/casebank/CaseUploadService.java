package org.calibra.casebank;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.calibra.casebank.content.CaseBundle;
import org.calibra.casebank.content.CaseBundleReader;
import org.calibra.casebank.imports.BundleImporter;
import org.calibra.casebank.imports.CleanBundle;
import org.calibra.casebank.imports.ImportException;
import org.calibra.casebank.imports.ImportLimits;
import org.calibra.casebank.imports.SafeZip;
import org.calibra.casebank.internal.CaseImporter;
import org.calibra.casebank.internal.CaseVersion;
import org.calibra.casebank.internal.CaseVersionRepository;
import org.calibra.shared.content.ContentException;
import org.calibra.shared.content.ContentProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The upload door (ADR 0012): an educator's .zip goes through the import pipeline (safe unpacking, checks,
 * de-identification). With a case.yaml it becomes a case version — held PENDING_REVIEW when any image may carry
 * burned-in text, otherwise published; without one the educator gets the clean bundle back to complete.
 * Nothing is stored unless everything passed; the original bytes are never written anywhere.
 */
@Service
@PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
public class CaseUploadService {

    private final BundleImporter pipeline;
    private final CaseImporter importer;
    private final CaseVersionRepository versions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ImportLimits limits;
    private final org.calibra.security.CurrentUser currentUser;

    CaseUploadService(BundleImporter pipeline, CaseImporter importer, CaseVersionRepository versions, ApplicationEventPublisher events,
                      TransactionTemplate tx, Clock clock, @Value("${calibra.import.max-upload-bytes:536870912}") long maxUpload,
                      org.calibra.security.CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.pipeline = pipeline;
        this.importer = importer;
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

    public UploadOutcome upload(String fileName, byte[] zip, long userId) {
        CleanBundle clean;
        try {
            clean = pipeline.run(SafeZip.read(fileName, zip, limits));
        } catch (ImportException e) {
            return UploadOutcome.failed(e.problems());
        }
        List<String> flagged = clean.report().flags().stream().map(f -> f.file() + ": " + f.reason()).toList();
        if (!clean.hadManifest()) {
            return new UploadOutcome(UploadOutcome.Kind.SKELETON, null, null, null, clean.reportMarkdown(), List.of(),
                    zip(clean.files()), flagged);
        }
        String manifest = new String(clean.files().get(BundleImporter.MANIFEST), StandardCharsets.UTF_8);
        List<ContentProblem> todo = todoLines(fileName, manifest);
        if (!todo.isEmpty()) {
            return UploadOutcome.failed(todo);
        }
        CaseBundle bundle;
        try {
            bundle = readChecked(fileName, manifest, clean.files());
        } catch (ContentException e) {
            return UploadOutcome.failed(e.problems());
        }
        String status = clean.needsReview() ? CaseVersion.PENDING_REVIEW : CaseVersion.PUBLISHED;
        try {
            return tx.execute(s -> {
                var stored = importer.importUploaded(bundle, status, clean.reportMarkdown(), currentUser.require().institutionId());
                if (stored.created()) {
                    events.publishEvent(new CaseImported(stored.slug(), stored.version(), stored.versionId(), stored.status(),
                            clean.report().files(), flagged.size(), userId));
                }
                var kind = !stored.created() ? UploadOutcome.Kind.UNCHANGED
                        : CaseVersion.PUBLISHED.equals(stored.status()) ? UploadOutcome.Kind.PUBLISHED : UploadOutcome.Kind.PENDING_REVIEW;
                return new UploadOutcome(kind, stored.slug(), stored.version(), stored.versionId(), clean.reportMarkdown(), List.of(), null, flagged);
            });
        } catch (IllegalArgumentException e) {
            return UploadOutcome.failed(List.of(new ContentProblem(fileName + "/" + BundleImporter.MANIFEST, "id", e.getMessage())));
        }
    }

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

    /** The clean files in a temporary case folder named by the manifest's id, read and checked like any case folder. */
    private static CaseBundle readChecked(String fileName, String manifest, Map<String, byte[]> files) {
        String id = manifest.lines().filter(l -> l.startsWith("id:")).map(l -> l.substring(3).replaceAll("#.*", "").trim())
                .findFirst().orElse("");
        if (!id.matches("[a-z0-9-]{3,64}")) {
            throw new ContentException(new ContentProblem(fileName + "/" + BundleImporter.MANIFEST, "id",
                    "'" + id + "' must be 3 to 64 lowercase letters, digits or '-'"));
        }
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("calibra-upload");
            Path dir = Files.createDirectory(tmp.resolve(id));
            for (var e : files.entrySet()) {
                Path f = dir.resolve(e.getKey()).normalize();
                if (!f.startsWith(dir)) {
                    throw new ContentException(new ContentProblem(fileName + "/" + e.getKey(), "", "is not inside the bundle"));
                }
                Files.createDirectories(f.getParent());
                Files.write(f, e.getValue());
            }
            return CaseBundleReader.read(dir, fileName.replaceAll("\\.zip$", ""), tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static List<ContentProblem> todoLines(String fileName, String manifest) {
        List<ContentProblem> out = new ArrayList<>();
        var lines = manifest.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).replaceAll("^\\s*#.*", "").contains("TODO")) {
                out.add(new ContentProblem(fileName + "/" + BundleImporter.MANIFEST, "line " + (i + 1),
                        "still says TODO: fill in this field (docs/content-format.md) before uploading"));
            }
        }
        return out;
    }

    static byte[] zip(Map<String, byte[]> files) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder of de-identified files; the OS cleans it eventually
        }
    }
}
