package org.calibra.curriculum;

import java.util.List;
import java.util.Optional;
import org.calibra.curriculum.internal.CurriculumEntity;
import org.calibra.curriculum.internal.CurriculumRepository;
import org.calibra.curriculum.internal.CurriculumVersionRepository;
import org.calibra.curriculum.internal.ModuleDefinition;
import org.calibra.curriculum.internal.ModuleEntity;
import org.calibra.curriculum.internal.ModuleRepository;
import org.calibra.curriculum.internal.ModuleVersionRepository;
import org.calibra.shared.JsonText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/** Curricula and their modules, as records. */
@Service
@Transactional(readOnly = true)
public class CurriculumService {

    private final CurriculumRepository curricula;
    private final ModuleRepository modules;
    private final org.calibra.casebank.CaseService cases;
    private final ModuleVersionRepository moduleVersions;
    private final CurriculumVersionRepository versions;
    private final org.calibra.security.UserService users;

    CurriculumService(CurriculumRepository curricula, ModuleRepository modules, org.calibra.casebank.CaseService cases,
                      ModuleVersionRepository moduleVersions, CurriculumVersionRepository versions, org.calibra.security.UserService users) {
        this.curricula = curricula;
        this.modules = modules;
        this.cases = cases;
        this.moduleVersions = moduleVersions;
        this.versions = versions;
        this.users = users;
    }

    /**
     * The module as curriculum version {@code version} defined it (ADR 0025): how an attempt that started on that version
     * is read and decided, whatever was published since. Found for retired modules too: their attempts keep their record.
     */
    public Optional<ModuleInfo> moduleAt(long moduleId, int version) {
        var current = modules.findById(moduleId);
        if (current.isPresent() && !current.get().isRetired() && current.get().getCurriculum().getVersion() == version) {
            return current.map(this::withUploads);
        }
        return moduleVersions.findByModuleIdAndVersion(moduleId, version).map(v -> withUploads(v.getModule(), v.getDefinition(), version));
    }

    /**
     * Adaptive blocks by module id and curriculum version: a published version never changes and a module id names one
     * module of one curriculum for good, so each is parsed once — and asked without loading the module again.
     */
    private final java.util.Map<String, Optional<org.calibra.curriculum.content.CurriculumManifest.Adaptive>> adaptiveBlocks =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The module's {@code adaptive} block as the given curriculum version defines it (its rules and the snapshot of its
     * cases' parameters, ADR 0036); empty for a fixed module.
     */
    public Optional<org.calibra.curriculum.content.CurriculumManifest.Adaptive> adaptiveAt(long moduleId, int version) {
        return adaptiveBlocks.computeIfAbsent(moduleId + "/" + version, key -> modules.findById(moduleId).flatMap(m ->
                versions.findByCurriculumIdAndVersion(m.getCurriculum().getId(), version)
                        .map(org.calibra.curriculum.internal.CurriculumVersionEntity::getManifest)
                        // most curricula have no adaptive module: no parse (nor a schema check of an old version) for them
                        .filter(text -> text != null && text.contains("adaptive:"))
                        .flatMap(text -> org.calibra.curriculum.content.CurriculumReader.parse(
                                text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "version " + version).modules().stream()
                                .filter(x -> x.id().equals(m.getSlug())).findFirst())
                        .map(org.calibra.curriculum.content.CurriculumManifest.Module::adaptive)));
    }

    /**
     * The module as published curriculum version {@code version} defined it — reading mode, thresholds, rules — for
     * deciding and checking reads of an attempt on that version (ADR 0025). Its case list is the declared pool, without
     * uploads or retirements applied: draws use {@link #moduleAt}. Published versions never change, so each node caches
     * them (submitting a read needs this for every read). No access check: callers have checked the module.
     */
    public Optional<ModuleInfo> moduleAsPublished(long moduleId, int version) {
        return asPublished.get(new ModuleVersionKey(moduleId, version), k -> moduleVersions.findByModuleIdAndVersion(moduleId, version)
                .map(v -> toInfo(v.getModule(), v.getDefinition(), version))
                .or(() -> modules.findById(moduleId).filter(m -> m.getCurriculum().getVersion() == version) // published before module_version
                        .map(m -> toInfo(m, m.getDefinition(), version))), info -> true);
    }

    /** Whether the module may be read by residents of this institution: not retired, in one of its curricula. */
    public boolean readableBy(long moduleId, long institutionId) {
        return modules.countReadable(moduleId, institutionId) > 0; // one query, not the module and its curriculum
    }

    private record ModuleVersionKey(long moduleId, int version) {}

    private final org.calibra.shared.ImmutableCache<ModuleVersionKey, ModuleInfo> asPublished = new org.calibra.shared.ImmutableCache<>(1_000);

    /** The curriculum's published versions, newest first. */
    public List<CurriculumVersionInfo> versions(String curriculumSlug) {
        return curricula.findBySlug(curriculumSlug).map(c -> versions.findByCurriculumIdOrderByVersionDesc(c.getId()).stream()
                .map(v -> new CurriculumVersionInfo(v.getVersion(), v.getPublishedAt(), v.getPublishedBy() == null ? null
                        : users.findById(v.getPublishedBy()).map(org.calibra.security.UserSummary::displayName).orElse("a removed account"),
                        v.getSource(), JsonText.toList(v.getChanges()))).toList()).orElse(List.of());
    }

    /** The manifest (YAML) of the latest version: what the builder opens and "Download YAML" gives. */
    public Optional<String> sourceOf(String curriculumSlug) {
        return curricula.findBySlug(curriculumSlug)
                .flatMap(c -> versions.findByCurriculumIdAndVersion(c.getId(), c.getVersion()))
                .map(org.calibra.curriculum.internal.CurriculumVersionEntity::getManifest);
    }

    /** Who may change a curriculum: an admin any, an educator those of their institution; nobody else. */
    public boolean mayEdit(org.calibra.security.UserSummary user, String curriculumSlug) {
        var curriculum = curricula.findBySlug(curriculumSlug);
        return switch (user.role()) {
            case ADMIN -> true;
            case EDUCATOR -> curriculum.map(c -> c.getInstitutionId() == user.institutionId()).orElse(true);
            default -> false;
        };
    }

    public List<CurriculumInfo> listCurricula() {
        return curricula.findAllByOrderByTitleAsc().stream().map(this::toInfo).toList();
    }

    /** The programmes of one institution: what its residents may take and its educators oversee. */
    public List<CurriculumInfo> listCurriculaOf(long institutionId) {
        return listCurricula().stream().filter(c -> c.institutionId() == institutionId).toList();
    }

    /** The module, if it belongs to a curriculum of this institution: how residents and educators reach modules. */
    public Optional<ModuleInfo> moduleOf(long moduleId, long institutionId) {
        return modules.findById(moduleId).filter(m -> !m.isRetired() && m.getCurriculum().getInstitutionId() == institutionId)
                .map(this::withUploads);
    }

    /** The curricula a user oversees: an admin all of them, an educator their institution's, anyone else none. */
    public List<CurriculumInfo> overseenBy(org.calibra.security.UserSummary user) {
        return switch (user.role()) {
            case ADMIN -> listCurricula();
            case EDUCATOR -> listCurriculaOf(user.institutionId());
            default -> List.of();
        };
    }

    /** Whether the user oversees the module: an admin any, an educator those of their institution's curricula. */
    public boolean oversees(org.calibra.security.UserSummary user, long moduleId) {
        return switch (user.role()) {
            case ADMIN -> true;
            case EDUCATOR -> institutionOfModule(moduleId).filter(i -> i == user.institutionId()).isPresent();
            default -> false;
        };
    }

    /** The institution owning the module's curriculum. */
    public Optional<Long> institutionOfModule(long moduleId) {
        return modules.findById(moduleId).map(m -> m.getCurriculum().getInstitutionId());
    }

    public Optional<CurriculumInfo> curriculum(long id) {
        return curricula.findById(id).map(this::toInfo);
    }

    public Optional<ModuleInfo> module(long id) {
        return modules.findById(id).filter(m -> !m.isRetired()).map(this::withUploads);
    }

    private CurriculumInfo toInfo(CurriculumEntity c) {
        return new CurriculumInfo(c.getId(), c.getSlug(), c.getTitle(), c.getDescription(), c.getCertificateTitle(), c.getValidityMonths(),
                JsonText.toList(c.getCompetencies()),
                c.getModules().stream().filter(m -> !m.isRetired()).map(this::withUploads).toList(), c.getInstitutionId(), c.getVersion(),
                c.getCreditHours());
    }

    /**
     * The stored pool (resolved from cases/ at start-up) plus published uploaded cases matching one of the module's tag
     * queries, without retired cases: new draws never take a retired case (attempts keep the draws they made; ADR 0021).
     */
    private ModuleInfo withUploads(ModuleEntity m) {
        return withUploads(m, m.getDefinition(), m.getCurriculum().getVersion());
    }

    private ModuleInfo withUploads(ModuleEntity m, ModuleDefinition d, int version) {
        ModuleInfo info = toInfo(m, d, version);
        List<List<String>> queries = JsonText.read(d.getCaseTags(), new TypeReference<List<List<String>>>() {});
        var retired = cases.retired();
        if (queries.isEmpty() && info.caseSlugs().stream().noneMatch(retired::contains)) {
            return info;
        }
        var pool = new java.util.LinkedHashSet<>(info.caseSlugs());
        if (!queries.isEmpty()) {
            pool.addAll(cases.publishedUploadsMatching(queries, m.getCurriculum().getInstitutionId()));
        }
        pool.removeAll(retired);
        return new ModuleInfo(info.id(), info.curriculumId(), info.curriculumTitle(), info.slug(), info.title(), info.description(),
                info.readingMode(), info.minimumCases(), info.thresholds(), List.copyOf(pool), info.rules(), info.version());
    }

    static ModuleInfo toInfo(ModuleEntity m, ModuleDefinition d, int version) {
        List<StoredThreshold> stored = JsonText.read(d.getThresholds(), new TypeReference<List<StoredThreshold>>() {});
        return new ModuleInfo(m.getId(), m.getCurriculum().getId(), m.getCurriculum().getTitle(), m.getSlug(), d.getTitle(),
                d.getDescription(), ReadingMode.fromCode(d.getReadingMode()).orElseThrow(), d.getMinimumCases(),
                stored.stream().map(t -> new ModuleInfo.ThresholdRule(t.metric(), t.min(), t.max(), t.bound() == null ? "point" : t.bound())).toList(),
                JsonText.toList(d.getCaseSlugs()),
                new ModuleInfo.AttemptRules(d.getCasesPerAttempt(), d.isRandomOrder(), JsonText.toList(d.getPrerequisites()),
                        d.getTimeLimitMinutes(), d.getRetakeCooldownHours(), d.getMinimumAbnormalCases(), d.getMinimumNormalCases()), version);
    }

    /** The JSON kept in curriculum_module.thresholds; rows written before upper limits existed have no max. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record StoredThreshold(String metric, Double min, Double max, String bound) {}
}
