package org.calibra.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.calibra.casebank.CaseImportService;
import org.calibra.curriculum.CurriculumImportService;
import org.calibra.shared.content.ContentException;
import org.calibra.shared.content.ContentProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads {@code cases/} and {@code curricula/} at start-up. Everything is read and checked first; only
 * when no file has a problem is anything written, in one transaction. Unchanged content writes nothing;
 * a changed case becomes a new version. Broken content stops the start with every problem listed.
 * <p>
 * Nodes that share a database and start together load one after the other ({@link ContentLoadLock}): the first writes,
 * the others find its content unchanged.
 */
@Component
@Order(10)
public class ContentLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ContentLoader.class);

    private final CaseImportService cases;
    private final org.calibra.casebank.CaseService caseService;
    private final CurriculumImportService curricula;
    private final TransactionTemplate tx;
    private final ContentLoadLock lock;
    private final Path casesDir;
    private final Path curriculaDir;
    private final boolean onStartup;

    ContentLoader(CaseImportService cases, org.calibra.casebank.CaseService caseService, CurriculumImportService curricula, TransactionTemplate tx,
                  ContentLoadLock lock,
                  @Value("${calibra.content.cases-dir}") Path casesDir, @Value("${calibra.content.curricula-dir}") Path curriculaDir,
                  @Value("${calibra.content.load-on-startup:true}") boolean onStartup) {
        this.cases = cases;
        this.caseService = caseService;
        this.curricula = curricula;
        this.tx = tx;
        this.lock = lock;
        this.casesDir = casesDir;
        this.curriculaDir = curriculaDir;
        this.onStartup = onStartup;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (onStartup) {
            load(casesDir, curriculaDir);
        }
    }

    public Summary load(Path casesDir, Path curriculaDir) {
        long started = System.nanoTime();
        var checkedCases = cases.check(casesDir, "cases");
        // curricula resolve tag queries and check abnormal/normal minimums against the cases; a broken case is
        // still "known" (its truth unknown), so its curriculum is not blamed for it
        var known = new java.util.LinkedHashMap<String, org.calibra.curriculum.content.CurriculumReader.KnownCase>();
        checkedCases.caseIds().forEach(id -> known.put(id, new org.calibra.curriculum.content.CurriculumReader.KnownCase(Set.of(), null)));
        checkedCases.bundles().forEach(b -> known.put(b.manifest().id(), new org.calibra.curriculum.content.CurriculumReader.KnownCase(
                Set.copyOf(b.manifest().poolTags()), !org.calibra.casebank.content.CaseManifest.NORMAL.equals(b.manifest().truth().diagnosis()))));
        var checkedCurricula = curricula.check(curriculaDir, "curricula", known);
        List<ContentProblem> problems = new ArrayList<>(checkedCases.problems());
        problems.addAll(checkedCurricula.problems());
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        // allowed, but worth knowing: a case read in one module is a repeat (never counted) in the other (ADR 0015)
        org.calibra.curriculum.content.PoolOverlap.find(checkedCurricula.curricula()).forEach(o -> log.warn("Overlapping case pools: {}", o.describe()));
        // a retired case stays retired whatever its folder says (ADR 0021): modules that list it lose it from their draws
        var retired = caseService.retired();
        checkedCurricula.curricula().forEach(c -> c.manifest().modules().forEach(m -> m.cases().stream().filter(retired::contains).forEach(slug ->
                log.warn("Module '{}' of curricula/{}.yaml lists case '{}', which is retired: draws leave it out; remove it from the module"
                        + " or un-retire the case on its page", m.id(), c.manifest().id(), slug))));
        Summary summary = tx.execute(status -> {
            lock.holdForThisTransaction(); // before reading what is stored, so a node that waited reads the first node's load
            var caseResults = cases.importBundles(checkedCases.bundles());
            var changedCurricula = curricula.importAll(checkedCurricula.curricula());
            return new Summary(caseResults.stream().map(Object::toString).toList(),
                    changedCurricula, checkedCurricula.curricula().size());
        });
        log.info("Content loaded from {} and {} in {} ms: {} case(s) [{}]; {} curriculum file(s), changed: {}", casesDir, curriculaDir,
                (System.nanoTime() - started) / 1_000_000, summary.cases().size(), String.join(", ", summary.cases()),
                summary.curriculumCount(), summary.changedCurricula());
        return summary;
    }

    public record Summary(List<String> cases, List<String> changedCurricula, int curriculumCount) {}
}
