package org.calibra.casebank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.calibra.casebank.content.CaseBundle;
import org.calibra.casebank.content.CaseBundleReader;
import org.calibra.casebank.internal.CaseImporter;
import org.calibra.shared.content.ContentException;
import org.calibra.shared.content.ContentProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads case folders: first every folder is read and checked, then (only if all are fine) written. */
@Service
public class CaseImportService {

    /** {@code caseIds}: every case folder, broken or not, so curricula are not blamed for a broken case. */
    public record Checked(List<CaseBundle> bundles, List<ContentProblem> problems, List<String> caseIds) {}

    private final CaseImporter importer;
    private final Path syntheticCache;
    private final org.calibra.casebank.storage.BlobStore blobs;

    CaseImportService(CaseImporter importer, @Value("${calibra.synthetic.cache-dir}") Path syntheticCache,
                      org.calibra.casebank.storage.BlobStore blobs) {
        this.importer = importer;
        this.syntheticCache = syntheticCache;
        this.blobs = blobs;
    }

    /**
     * The loader's checks (schema, files, stack, cross-checks) on a case whose files are in the blob store — a draft:
     * {@code manifest} is its case.yaml, {@code files} the SHA-256 of each file by the name the manifest uses.
     * {@code display} names the case in problems. Every problem at once; nothing is written.
     */
    public StoredCaseCheck checkStored(String display, byte[] manifest, java.util.Map<String, String> files) {
        List<ContentProblem> missing = new ArrayList<>();
        var checked = org.calibra.casebank.content.CaseBundleReader.check(display, manifest, load(display, files, missing));
        List<ContentProblem> problems = new ArrayList<>(missing);
        problems.addAll(checked.problems());
        return new StoredCaseCheck(problems, checked.stack().stream().map(s -> new StoredCaseCheck.Image(s.index(),
                s.file().external() ? null : s.file().name(), s.file().sha256(), s.frame(), s.file().header().rows(),
                s.file().header().columns())).toList());
    }

    /**
     * Publishes a case whose files are in the blob store as its next version (the first for a new case), read by modules
     * at once; it belongs to {@code institutionId}. Checked again here: throws {@link ContentException} with every problem
     * when it is not publishable, IllegalArgumentException when its id is the repository's or another institution's.
     */
    @Transactional
    public StoredVersion publishStored(String display, byte[] manifest, java.util.Map<String, String> files, String report, long institutionId) {
        List<ContentProblem> missing = new ArrayList<>();
        var checked = org.calibra.casebank.content.CaseBundleReader.check(display, manifest, load(display, files, missing));
        if (!missing.isEmpty() || checked.bundle() == null) {
            missing.addAll(checked.problems());
            throw new ContentException(missing);
        }
        var stored = importer.importUploaded(checked.bundle(), org.calibra.casebank.internal.CaseVersion.PUBLISHED, report, institutionId);
        return new StoredVersion(stored.slug(), stored.version(), stored.versionId(), stored.created());
    }

    /** The stored bytes of each file; a file missing from the blob store is a problem. */
    private java.util.Map<String, byte[]> load(String display, java.util.Map<String, String> files, List<ContentProblem> problems) {
        java.util.Map<String, byte[]> bytes = new java.util.LinkedHashMap<>();
        files.forEach((name, sha) -> {
            var blob = blobs.open(sha);
            if (blob.isEmpty()) {
                problems.add(new ContentProblem(display + "/" + name, "", "is missing from the file store (" + sha + "); upload the case again"));
                return;
            }
            try {
                bytes.put(name, blob.get().readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return bytes;
    }

    /** Reads every {@code <dir>/<case-id>/case.yaml}; collects problems instead of stopping at the first. */
    public Checked check(Path casesDir, String displayRoot) {
        List<CaseBundle> bundles = new ArrayList<>();
        List<ContentProblem> problems = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(casesDir)) {
            problems.add(new ContentProblem(displayRoot, "", "is not a folder (looked at " + casesDir.toAbsolutePath() + ")"));
            return new Checked(bundles, problems, ids);
        }
        try (Stream<Path> dirs = Files.list(casesDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".")).sorted().toList()) {
                ids.add(dir.getFileName().toString());
                try {
                    bundles.add(CaseBundleReader.read(dir, displayRoot, syntheticCache));
                } catch (ContentException e) {
                    problems.addAll(e.problems());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Checked(bundles, problems, ids);
    }

    @Transactional
    public List<CaseImportResult> importBundles(List<CaseBundle> bundles) {
        return bundles.stream().map(importer::importBundle).toList();
    }
}
