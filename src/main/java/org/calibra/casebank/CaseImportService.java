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

    CaseImportService(CaseImporter importer, @Value("${calibra.synthetic.cache-dir}") Path syntheticCache) {
        this.importer = importer;
        this.syntheticCache = syntheticCache;
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
