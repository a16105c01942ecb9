package org.calibra.curriculum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.calibra.casebank.content.CaseBundleReader;
import org.calibra.curriculum.content.CurriculumManifest;
import org.calibra.curriculum.content.CurriculumReader;
import org.calibra.curriculum.internal.CurriculumEntity;
import org.calibra.curriculum.internal.CurriculumRepository;
import org.calibra.curriculum.internal.ModuleEntity;
import org.calibra.shared.JsonText;
import org.calibra.shared.content.ContentException;
import org.calibra.shared.content.ContentProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads {@code curricula/*.yaml}: check all, then upsert (unchanged files are left alone). */
@Service
public class CurriculumImportService {

    public record Checked(List<CurriculumReader.Checked> curricula, List<ContentProblem> problems) {}

    private final CurriculumRepository curricula;
    private final Clock clock;
    private final org.calibra.institution.InstitutionService institutions;

    CurriculumImportService(CurriculumRepository curricula, Clock clock, org.calibra.institution.InstitutionService institutions) {
        this.institutions = institutions;
        this.curricula = curricula;
        this.clock = clock;
    }

    public Checked check(Path dir, String displayRoot, Set<String> knownCaseIds) {
        var known = new java.util.LinkedHashMap<String, CurriculumReader.KnownCase>();
        knownCaseIds.forEach(id -> known.put(id, new CurriculumReader.KnownCase(Set.of(), null)));
        return check(dir, displayRoot, known);
    }

    /** @param knownCases every case folder by id, with its tags and truth (null truth: the folder failed to load) */
    public Checked check(Path dir, String displayRoot, java.util.Map<String, CurriculumReader.KnownCase> knownCases) {
        List<CurriculumReader.Checked> ok = new ArrayList<>();
        List<ContentProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new ContentProblem(displayRoot, "", "is not a folder (looked at " + dir.toAbsolutePath() + ")"));
            return new Checked(ok, problems);
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
                try {
                    ok.add(CurriculumReader.read(f, displayRoot + "/" + f.getFileName(), knownCases));
                } catch (ContentException e) {
                    problems.addAll(e.problems());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the owning institution must exist: a typo would otherwise hand a programme to nobody (or to a new institution)
        for (var it = ok.iterator(); it.hasNext(); ) {
            var c = it.next();
            String slug = c.manifest().institution();
            if (slug != null && institutions.bySlug(slug).isEmpty()) {
                problems.add(new ContentProblem(displayRoot + "/" + c.manifest().id() + ".yaml", "institution", "'" + slug
                        + "' is not an institution of this installation; known: " + institutions.list().stream().map(i -> i.slug()).toList()
                        + " (an admin adds institutions on the Institutions page)"));
                it.remove();
            }
        }
        return new Checked(ok, problems);
    }

    /** Returns the slugs of curricula that were created or changed. */
    @Transactional
    public List<String> importAll(List<CurriculumReader.Checked> checked) {
        List<String> changed = new ArrayList<>();
        for (var c : checked) {
            // the pools are in the hash: a new case matching a module's tag query changes the module
            byte[] pools = JsonText.write(new java.util.TreeMap<>(c.pools())).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] hashed = java.util.Arrays.copyOf(c.bytes(), c.bytes().length + pools.length);
            System.arraycopy(pools, 0, hashed, c.bytes().length, pools.length);
            if (upsert(c, CaseBundleReader.sha256(hashed))) {
                changed.add(c.manifest().id());
            }
        }
        return changed;
    }

    private boolean upsert(CurriculumReader.Checked checked, String hash) {
        CurriculumManifest m = checked.manifest();
        CurriculumEntity entity = curricula.findBySlug(m.id()).orElseGet(() -> new CurriculumEntity(m.id()));
        if (hash.equals(entity.getContentHash())) {
            return false;
        }
        entity.belongTo((m.institution() == null ? institutions.defaultInstitution() : institutions.bySlug(m.institution()).orElseThrow()).id());
        entity.update(m.title(), m.description(), m.certificate().title(), m.certificate().validityMonths(),
                JsonText.ofList(m.certificate().competencies()), hash, clock.instant());
        Set<String> present = new HashSet<>();
        for (int i = 0; i < m.modules().size(); i++) {
            var spec = m.modules().get(i);
            present.add(spec.id());
            ModuleEntity module = entity.getModules().stream().filter(x -> x.getSlug().equals(spec.id())).findFirst()
                    .orElseGet(() -> {
                        var created = new ModuleEntity(entity, spec.id());
                        entity.getModules().add(created);
                        return created;
                    });
            var thresholds = spec.thresholds().stream()
                    .map(t -> new CurriculumService.StoredThreshold(t.metric(), t.min(), t.max(), t.boundOrDefault())).toList();
            module.update(i, spec.title(), spec.description(), spec.readingMode(), spec.minimumCases(), JsonText.write(thresholds),
                    JsonText.ofList(checked.pool(spec.id())));
            module.poolByTags(JsonText.write(spec.caseTags()));
            module.defineAttempts(spec.casesPerAttempt(), spec.randomOrder(), JsonText.ofList(spec.prerequisites()), spec.timeLimitMinutes(),
                    spec.retake() == null ? null : spec.retake().cooldownHours(),
                    spec.minimumAbnormalCases() == null ? 0 : spec.minimumAbnormalCases(),
                    spec.minimumNormalCases() == null ? 0 : spec.minimumNormalCases());
        }
        entity.getModules().stream().filter(x -> !present.contains(x.getSlug())).forEach(ModuleEntity::retire);
        curricula.save(entity);
        return true;
    }
}
