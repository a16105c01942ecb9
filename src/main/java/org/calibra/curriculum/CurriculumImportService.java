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
import org.calibra.curriculum.internal.CurriculumVersionEntity;
import org.calibra.curriculum.internal.CurriculumVersionRepository;
import org.calibra.curriculum.internal.ModuleDefinition;
import org.calibra.curriculum.internal.ModuleEntity;
import org.calibra.curriculum.internal.ModuleVersionEntity;
import org.calibra.curriculum.internal.ModuleVersionRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.calibra.shared.JsonText;
import org.calibra.shared.content.ContentException;
import org.calibra.shared.content.ContentProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads {@code curricula/*.yaml} (check all, then publish the changed ones as new versions; unchanged files are left
 * alone) and publishes versions made in the builder. Both doors write the same rows (ADR 0025).
 */
@Service
public class CurriculumImportService {

    public record Checked(List<CurriculumReader.Checked> curricula, List<ContentProblem> problems) {}

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CurriculumImportService.class);

    private final CurriculumRepository curricula;
    private final CurriculumVersionRepository versions;
    private final ModuleVersionRepository moduleVersions;
    private final Clock clock;
    private final org.calibra.institution.InstitutionService institutions;
    private final ApplicationEventPublisher events;

    CurriculumImportService(CurriculumRepository curricula, CurriculumVersionRepository versions, ModuleVersionRepository moduleVersions,
                            Clock clock, org.calibra.institution.InstitutionService institutions, ApplicationEventPublisher events) {
        this.institutions = institutions;
        this.curricula = curricula;
        this.versions = versions;
        this.moduleVersions = moduleVersions;
        this.clock = clock;
        this.events = events;
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
            String hash = hashOf(c);
            CurriculumManifest m = c.manifest();
            var existing = curricula.findBySlug(m.id());
            if (existing.isPresent() && hash.equals(existing.get().getFileHash())) {
                // unchanged file: a version published in the builder since stays; a pre-V16 first version gets its manifest
                versions.findByCurriculumIdAndVersion(existing.get().getId(), 1).filter(v -> v.getManifest() == null)
                        .filter(v -> existing.get().getVersion() == 1).ifPresent(v -> v.fillInManifest(text(c)));
                continue;
            }
            if (existing.isPresent() && existing.get().getFileHash() != null && existing.get().getVersion() > 1
                    && !existing.get().getContentHash().equals(existing.get().getFileHash())) {
                log.warn("curricula/{}.yaml changed since version {} was published in the builder; the file becomes version {}", m.id(),
                        existing.get().getVersion(), existing.get().getVersion() + 1);
            }
            publishVersion(c, hash, true, null, "curricula/" + m.id() + ".yaml");
            changed.add(m.id());
        }
        return changed;
    }

    /** A version published from the builder (or an uploaded YAML): what it became and what changed. */
    public record Published(String slug, int version, List<String> changes) {}

    /** Publishing was refused: nothing changed, or the curriculum is not the user's to change. */
    public static class PublishRefused extends RuntimeException {
        public PublishRefused(String message) {
            super(message);
        }
    }

    /**
     * Publishes a checked curriculum as its next version (ADR 0025), for an educator of the owning institution or an admin.
     * Attempts already started keep their version; the change is audited with what changed, in words.
     */
    @Transactional
    public Published publish(CurriculumReader.Checked checked, org.calibra.security.UserSummary by) {
        CurriculumManifest m = checked.manifest();
        long institution = (m.institution() == null ? institutions.defaultInstitution() : institutions.bySlug(m.institution())
                .orElseThrow(() -> new PublishRefused("'" + m.institution() + "' is not an institution of this installation."))).id();
        var existing = curricula.findBySlug(m.id());
        boolean allowed = switch (by.role()) {
            case ADMIN -> true;
            case EDUCATOR -> institution == by.institutionId() && existing.map(e -> e.getInstitutionId() == by.institutionId()).orElse(true);
            default -> false;
        };
        if (!allowed) {
            throw new PublishRefused("Only educators of the institution that owns a curriculum may publish it.");
        }
        String hash = hashOf(checked);
        if (existing.isPresent() && hash.equals(existing.get().getContentHash())) {
            throw new PublishRefused("Nothing has changed since version " + existing.get().getVersion() + "; there is nothing to publish.");
        }
        return publishVersion(checked, hash, false, by.id(), "builder");
    }

    /** The pools are in the hash: a new case matching a module's tag query changes the module. */
    private static String hashOf(CurriculumReader.Checked c) {
        byte[] pools = JsonText.write(new java.util.TreeMap<>(c.pools())).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] hashed = java.util.Arrays.copyOf(c.bytes(), c.bytes().length + pools.length);
        System.arraycopy(pools, 0, hashed, c.bytes().length, pools.length);
        return CaseBundleReader.sha256(hashed);
    }

    private static String text(CurriculumReader.Checked c) {
        return new String(c.bytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private Published publishVersion(CurriculumReader.Checked checked, String hash, boolean fromFile, Long by, String source) {
        CurriculumManifest m = checked.manifest();
        CurriculumEntity entity = curricula.findBySlug(m.id()).orElseGet(() -> new CurriculumEntity(m.id()));
        int version = entity.nextVersion();
        CurriculumManifest before = entity.getId() == null ? null : versions.findByCurriculumIdAndVersion(entity.getId(), entity.getVersion())
                .map(v -> v.getManifest()).map(CurriculumImportService::parse).orElse(null);
        List<String> changes = new ArrayList<>(CurriculumChanges.between(before, m));
        entity.belongTo((m.institution() == null ? institutions.defaultInstitution() : institutions.bySlug(m.institution()).orElseThrow()).id());
        entity.update(m.title(), m.description(), m.certificate().title(), m.certificate().validityMonths(),
                JsonText.ofList(m.certificate().competencies()), hash, clock.instant());
        entity.creditHours(m.certificate().creditHours());
        entity.publishedAs(version, fromFile ? hash : null);
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
            String pool = JsonText.ofList(checked.pool(spec.id()));
            if (module.getDefinition() != null && !module.isRetired() && before != null
                    && before.modules().stream().anyMatch(x -> x.id().equals(spec.id())) && !pool.equals(module.getDefinition().getCaseSlugs())) {
                int was = JsonText.toList(module.getDefinition().getCaseSlugs()).size();
                changes.add("Module '" + spec.title() + "': pool " + was + " → " + checked.pool(spec.id()).size() + " case(s)");
            }
            module.define(new ModuleDefinition(i, spec.title(), spec.description(), spec.readingMode(), spec.minimumCases(),
                    JsonText.write(thresholds), pool, JsonText.write(spec.caseTags()))
                    .withAttempts(spec.casesPerAttempt(), spec.randomOrder(), JsonText.ofList(spec.prerequisites()), spec.timeLimitMinutes(),
                            spec.retake() == null ? null : spec.retake().cooldownHours(),
                            spec.minimumAbnormalCases() == null ? 0 : spec.minimumAbnormalCases(),
                            spec.minimumNormalCases() == null ? 0 : spec.minimumNormalCases()));
        }
        entity.getModules().stream().filter(x -> !present.contains(x.getSlug())).forEach(ModuleEntity::retire);
        CurriculumEntity saved = curricula.saveAndFlush(entity);
        saved.getModules().stream().filter(x -> !x.isRetired())
                .forEach(x -> moduleVersions.save(new ModuleVersionEntity(x, version, x.getDefinition())));
        versions.save(new CurriculumVersionEntity(saved.getId(), version, clock.instant(), by, source, text(checked), JsonText.ofList(changes)));
        events.publishEvent(new CurriculumPublished(saved.getId(), m.id(), version, by, source, changes));
        return new Published(m.id(), version, changes);
    }

    private static final org.calibra.shared.content.YamlDocuments DOCUMENTS =
            new org.calibra.shared.content.YamlDocuments("/schemas/curriculum.schema.json");

    /** A stored version's manifest; null if it no longer parses (the schema moved on), so the diff starts afresh. */
    private static CurriculumManifest parse(String yaml) {
        var parsed = DOCUMENTS.parse("stored version", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), CurriculumManifest.class);
        return parsed instanceof org.calibra.shared.content.YamlDocuments.Parsed.Ok<CurriculumManifest> ok ? ok.value() : null;
    }
}
