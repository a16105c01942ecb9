package org.calibra.curriculum.builder;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.calibra.casebank.CaseService;
import org.calibra.curriculum.CurriculumImportService;
import org.calibra.curriculum.CurriculumService;
import org.calibra.curriculum.CurriculumVersionInfo;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.curriculum.ThresholdTrial;
import org.calibra.curriculum.content.CurriculumManifest;
import org.calibra.curriculum.content.CurriculumReader;
import org.calibra.curriculum.content.CurriculumYaml;
import org.calibra.institution.InstitutionService;
import org.calibra.security.Role;
import org.calibra.security.UserSummary;
import org.calibra.shared.content.ContentException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The curriculum builder's service: the browser door to the curriculum format. A draft becomes a manifest, is written
 * as the YAML a curricula/ file holds ({@link CurriculumYaml}) and checked by the same {@link CurriculumReader} as the
 * files, against the published cases the owning institution may use; publishing goes through
 * {@link CurriculumImportService#publish} (a new version, audited). Who may edit: educators of the owning institution,
 * and admins ({@link CurriculumService#mayEdit}).
 */
@Service
@PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
public class CurriculumBuilder {

    /** Where the builder's cases live, in the reader's messages. */
    static final String CASE_LIBRARY = "the case library";

    private final CurriculumService curricula;
    private final CurriculumImportService publishing;
    private final CaseService cases;
    private final InstitutionService institutions;
    private final ThresholdTrial trial;

    CurriculumBuilder(CurriculumService curricula, CurriculumImportService publishing, CaseService cases, InstitutionService institutions,
                      ThresholdTrial trial) {
        this.curricula = curricula;
        this.publishing = publishing;
        this.cases = cases;
        this.institutions = institutions;
        this.trial = trial;
    }

    /** A curriculum on the builder's list. */
    public record CurriculumRow(String slug, String title, List<String> moduleTitles, int version) {}

    /** A problem placed on its field: the reader's path, where that is on the page in words, and what is wrong. */
    public record Problem(String field, String where, String message) {
        public String inWords() {
            return where + ": " + message;
        }
    }

    /** The outcome of a check: the manifest and its YAML, and every problem (none: {@code checked} is set). */
    public record Check(CurriculumManifest manifest, String yaml, CurriculumReader.Checked checked, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * The module as published, when the draft's module is one (a module added in the editor and not yet published has no
     * attempts): what the simulation judges attempts of.
     */
    public Optional<ModuleInfo> publishedModule(CurriculumDraft draft, CurriculumDraft.ModuleDraft module) {
        return publishedOf(publishedModules(draft), module);
    }

    /** The draft's curriculum's modules as published, by id (none when it has not been published): one look-up for a whole page. */
    public Map<String, ModuleInfo> publishedModules(CurriculumDraft draft) {
        if (!draft.isPublished()) {
            return Map.of();
        }
        return curricula.listCurricula().stream().filter(c -> c.slug().equals(draft.id)).flatMap(c -> c.modules().stream())
                .collect(Collectors.toMap(ModuleInfo::slug, m -> m, (a, b) -> a));
    }

    /** The module as published, among {@code published} ({@link #publishedModules}); empty for a module added since. */
    public static Optional<ModuleInfo> publishedOf(Map<String, ModuleInfo> published, CurriculumDraft.ModuleDraft module) {
        return module.idFixed && module.id != null ? Optional.ofNullable(published.get(module.id)) : Optional.empty();
    }

    /**
     * "How would the last {@code lastN} attempts of this module have been decided under the thresholds and minimums in
     * the editor?" — against the published rules, side by side. The editor's thresholds and minimums are checked first
     * as publishing checks them (only this module's; other fields do not matter here); problems come back in words
     * instead of a result.
     */
    public Simulation simulate(CurriculumDraft draft, CurriculumDraft.ModuleDraft module, Integer lastN, UserSummary user) {
        var published = publishedModule(draft, module);
        if (published.isEmpty()) {
            return Simulation.notPossible("This module is new: it has not been published, so nobody has attempted it and there is nothing"
                    + " to simulate. Once it is published and trainees have attempted it, this shows how their attempts would have been"
                    + " decided under the thresholds in the editor.");
        }
        var problems = new java.util.ArrayList<String>();
        if (lastN == null || lastN < 1 || lastN > ThresholdTrial.MAX_ATTEMPTS) {
            problems.add("Attempts to look at: expected a whole number from 1 to " + ThresholdTrial.MAX_ATTEMPTS + ", was "
                    + (lastN == null ? "empty" : lastN) + ".");
        }
        String at = "modules[" + draft.modules.indexOf(module) + "]";
        check(draft, user).problems().stream()
                .filter(p -> p.field() != null && (p.field().startsWith(at + ".thresholds") || p.field().startsWith(at + ".minimum")))
                .forEach(p -> problems.add(p.inWords()));
        if (!problems.isEmpty()) {
            return Simulation.refused(problems);
        }
        var rules = module.thresholds.stream().map(t -> new ModuleInfo.ThresholdRule(t.metric, t.atMost ? null : t.limit,
                t.atMost ? t.limit : null, t.bound == null ? "point" : t.bound)).toList();
        int min = module.minimumCases == null ? 0 : module.minimumCases;
        int minAbnormal = module.minimumAbnormalCases == null ? 0 : module.minimumAbnormalCases;
        int minNormal = module.minimumNormalCases == null ? 0 : module.minimumNormalCases;
        var m = published.get();
        var result = trial.simulate(m.id(), rules, min, minAbnormal, minNormal, lastN);
        return Simulation.of(result, rulesInWords(m.thresholds(), m.minimumCases(), m.rules().minimumAbnormalCases(),
                m.rules().minimumNormalCases()), rulesInWords(rules, min, minAbnormal, minNormal));
    }

    /** E.g. ["sensitivity ≥ 80%", "at least 6 cases read, of them 2 abnormal"]. */
    static List<String> rulesInWords(List<ModuleInfo.ThresholdRule> thresholds, int minimumCases, int minimumAbnormal, int minimumNormal) {
        var words = new java.util.ArrayList<String>();
        thresholds.forEach(t -> words.add(t.describe()));
        var kinds = new java.util.ArrayList<String>();
        if (minimumAbnormal > 0) {
            kinds.add(minimumAbnormal + " abnormal");
        }
        if (minimumNormal > 0) {
            kinds.add(minimumNormal + " normal");
        }
        words.add("at least " + minimumCases + (minimumCases == 1 ? " case" : " cases") + " read"
                + (kinds.isEmpty() ? "" : ", of them " + String.join(" and ", kinds)));
        return words;
    }

    /** The outcome of publishing: the new version, or the problems that stopped it. */
    public record Outcome(CurriculumImportService.Published published, List<Problem> problems) {
        public boolean ok() {
            return published != null;
        }
    }

    /** The curricula the user may edit: an educator their institution's, an admin every one. */
    public List<CurriculumRow> editable(UserSummary user) {
        var list = user.role() == Role.ADMIN ? curricula.listCurricula() : curricula.listCurriculaOf(user.institutionId());
        return list.stream().filter(c -> curricula.mayEdit(user, c.slug()))
                .map(c -> new CurriculumRow(c.slug(), c.title(), c.modules().stream().map(m -> m.title()).toList(), c.version())).toList();
    }

    public boolean mayEdit(UserSummary user, String slug) {
        return curricula.mayEdit(user, slug);
    }

    /** A new curriculum of the user's institution, with one module to fill in. */
    public CurriculumDraft newDraft(UserSummary user) {
        var d = new CurriculumDraft();
        d.institution = institutions.byId(user.institutionId()).map(i -> i.slug()).orElse(null);
        d.addModule();
        return d;
    }

    /** The latest version of a curriculum the user may edit, as a draft; empty when there is none or it is not theirs. */
    public Optional<CurriculumDraft> open(String slug, UserSummary user) {
        if (!curricula.mayEdit(user, slug)) {
            return Optional.empty();
        }
        return curricula.sourceOf(slug).map(yaml -> CurriculumDraft.from(CurriculumReader.parse(yaml.getBytes(StandardCharsets.UTF_8), slug)));
    }

    /** The YAML of the latest version, for "Download YAML". */
    public Optional<String> source(String slug, UserSummary user) {
        return curricula.mayEdit(user, slug) ? curricula.sourceOf(slug) : Optional.empty();
    }

    public List<CurriculumVersionInfo> versions(String slug, UserSummary user) {
        return curricula.mayEdit(user, slug) ? curricula.versions(slug) : List.of();
    }

    /** Every published, unretired case the institution owning the draft may use, by slug. */
    public Map<String, PoolSummary.PoolCase> cases(CurriculumDraft draft, UserSummary user) {
        return casesOf(poolInstitution(draft.institution, user));
    }

    /**
     * Whose cases a check may pool: for an admin the named institution's; for an educator always their own, whatever a
     * draft or an uploaded file names — another institution's cases must not be found (or counted) for them, not even
     * while the check refuses the institution.
     */
    private long poolInstitution(String institutionSlug, UserSummary user) {
        if (user.role() != Role.ADMIN || institutionSlug == null) {
            return user.institutionId();
        }
        return institutions.bySlug(institutionSlug).map(i -> i.id()).orElse(user.institutionId());
    }

    private Map<String, PoolSummary.PoolCase> casesOf(long institutionId) {
        Map<String, PoolSummary.PoolCase> out = new LinkedHashMap<>();
        cases.poolCandidates(institutionId).forEach(c -> out.put(c.slug(),
                new PoolSummary.PoolCase(c.slug(), c.title(), c.version(), c.modality(), c.tags(), c.abnormal(), c.aiScore(), c.aiErrorKinds())));
        return out;
    }

    /** Checks the draft as the loader checks a file: every problem at once, each on its field, in words. */
    public Check check(CurriculumDraft draft, UserSummary user) {
        var manifest = draft.toManifest(takenIds(draft));
        return check(manifest, draft.isPublished() ? draft.id : null, cases(draft, user), user);
    }

    /** Publishes the draft as the curriculum's next version when it passes every check; its ids are then fixed. */
    public Outcome publish(CurriculumDraft draft, UserSummary user) {
        var check = check(draft, user);
        var outcome = publish(check, user);
        if (outcome.ok()) {
            draft.fixIds();
        }
        return outcome;
    }

    /**
     * An uploaded curriculum file: the same checks, then published as a new version (of a new curriculum, or of the one
     * with its id, if the user may edit that one). The owning institution is the file's, or else the user's.
     */
    public Outcome upload(byte[] yaml, UserSummary user) {
        CurriculumManifest manifest;
        try {
            manifest = CurriculumReader.parse(yaml, "the uploaded file");
        } catch (ContentException e) {
            return new Outcome(null, problems(e, null));
        }
        if (manifest.institution() == null) {
            String own = institutions.byId(user.institutionId()).map(i -> i.slug()).orElse(null);
            manifest = new CurriculumManifest(manifest.schemaVersion(), manifest.id(), manifest.title(), manifest.description(),
                    manifest.certificate(), manifest.modules(), own);
        }
        return publish(check(manifest, null, casesOf(poolInstitution(manifest.institution(), user)), user), user);
    }

    private Outcome publish(Check check, UserSummary user) {
        if (!check.ok()) {
            return new Outcome(null, check.problems());
        }
        try {
            return new Outcome(publishing.publish(check.checked(), user), List.of());
        } catch (CurriculumImportService.PublishRefused e) {
            return new Outcome(null, List.of(new Problem("", "The curriculum", e.getMessage())));
        }
    }

    private Check check(CurriculumManifest manifest, String expectedId, Map<String, PoolSummary.PoolCase> available, UserSummary user) {
        String yaml = CurriculumYaml.write(manifest);
        var problems = new java.util.ArrayList<Problem>();
        if (user.role() != Role.ADMIN) {
            String own = institutions.byId(user.institutionId()).map(i -> i.slug()).orElse(null);
            if (manifest.institution() != null && !manifest.institution().equals(own)) {
                problems.add(new Problem("institution", "Institution", "'" + manifest.institution()
                        + "' is not your institution; you may publish only your own institution's curricula"));
            }
        }
        if (expectedId == null && curricula.versions(manifest.id()).size() > 0 && !curricula.mayEdit(user, manifest.id())) {
            problems.add(new Problem("id", "Curriculum id", "'" + manifest.id() + "' is another institution's curriculum; give yours another title"));
        }
        try {
            var checked = CurriculumReader.read(yaml.getBytes(StandardCharsets.UTF_8), "the curriculum", expectedId, PoolSummary.known(available),
                    CASE_LIBRARY);
            return new Check(manifest, yaml, problems.isEmpty() ? checked : null, List.copyOf(problems));
        } catch (ContentException e) {
            problems.addAll(problems(e, manifest));
            return new Check(manifest, yaml, null, List.copyOf(problems));
        }
    }

    private static List<Problem> problems(ContentException e, CurriculumManifest manifest) {
        // distinct: the schema says "too short" and "no letter" of one empty text, both "must not be empty" in words
        return e.problems().stream().map(p -> new Problem(p.field(), FieldWords.where(p.field(), manifest), FieldWords.message(p.message())))
                .distinct().toList();
    }

    /** The ids of other curricula: a new curriculum's id must differ from all of them. */
    private Set<String> takenIds(CurriculumDraft draft) {
        return curricula.listCurricula().stream().map(c -> c.slug()).filter(s -> !s.equals(draft.isPublished() ? draft.id : null))
                .collect(Collectors.toSet());
    }
}
