package org.calibra.curriculum.builder;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.calibra.curriculum.content.CurriculumManifest;

/**
 * A curriculum as the builder's page edits it: a {@link CurriculumManifest} made mutable, with modules that refer to
 * their prerequisites as modules (the page offers them by title) and ids that are not typed but derived from titles
 * ({@link #toManifest}). Ids, once given, are kept: a module is the same module across versions, whatever its title
 * becomes. Plain Java; the page holds one per editor.
 */
public final class CurriculumDraft {

    /** The curriculum's id: derived from the title until it is first published, then kept. */
    public String id;
    /** Whether {@link #id} is fixed: the curriculum has been published (or was opened from a published version). */
    boolean idFixed;
    public String title = "";
    public String description = "";
    public String institution;
    public String certificateTitle = "";
    public Integer validityMonths = 24;
    public List<String> competencies = new ArrayList<>();
    public Double creditHours;
    public final List<ModuleDraft> modules = new ArrayList<>();

    /** One module. {@code id} null until given one from the title. */
    public static final class ModuleDraft {
        public String id;
        boolean idFixed;
        public String title = "";
        public String description = "";
        public String readingMode = "unaided";
        public List<String> cases = new ArrayList<>();
        public List<List<String>> caseTags = new ArrayList<>();
        public Integer casesPerAttempt;
        public String order;
        public final List<ModuleDraft> prerequisites = new ArrayList<>();
        public Integer timeLimitMinutes;
        /** Whether the manifest had a {@code retake} block (kept so a round trip is exact). */
        boolean retake;
        public Double cooldownHours;
        public Integer minimumCases = 1;
        public Integer minimumAbnormalCases;
        public Integer minimumNormalCases;
        public final List<ThresholdDraft> thresholds = new ArrayList<>();
        /**
         * The module's adaptive rules and its cases' calibrated parameters (ADR 0036), carried through unchanged: the
         * builder has no form for them, and saving a draft must not turn an adaptive module into a fixed one.
         */
        public org.calibra.curriculum.content.CurriculumManifest.Adaptive adaptive;
    }

    /**
     * A threshold: {@code metric} at least ({@code atMost} false) or at most {@code limit}; {@code bound} null or "point"
     * for the estimate, "lower"/"upper" for the near end of the 95% interval.
     */
    public static final class ThresholdDraft {
        public String metric = "sensitivity";
        public boolean atMost;
        public Double limit;
        public String bound;

        public boolean interval() {
            return "lower".equals(bound) || "upper".equals(bound);
        }

        /** Estimate or interval; the interval's side follows the direction (lower with a minimum, upper with a maximum). */
        public void setInterval(boolean interval) {
            bound = interval ? (atMost ? "upper" : "lower") : (bound == null ? null : "point");
        }

        public void setAtMost(boolean atMost) {
            this.atMost = atMost;
            if (interval()) {
                bound = atMost ? "upper" : "lower";
            }
        }
    }

    /** After publishing: the ids given are the curriculum's and its modules' for good. */
    public void fixIds() {
        idFixed = id != null;
        modules.forEach(m -> m.idFixed = m.id != null);
    }

    /** Whether the curriculum has been published (its id no longer follows the title). */
    public boolean isPublished() {
        return idFixed;
    }

    public ModuleDraft addModule() {
        var m = new ModuleDraft();
        var t = new ThresholdDraft();
        t.limit = 0.8;
        m.thresholds.add(t);
        modules.add(m);
        return m;
    }

    /** Removes the module, and it from the prerequisites of the others. */
    public void removeModule(ModuleDraft m) {
        modules.remove(m);
        modules.forEach(x -> x.prerequisites.remove(m));
    }

    /** Moves the module one place up (-1) or down (+1); a prerequisite that would come later is dropped, as it must be earlier. */
    public void move(ModuleDraft m, int by) {
        int i = modules.indexOf(m);
        int j = i + by;
        if (i < 0 || j < 0 || j >= modules.size()) {
            return;
        }
        modules.remove(i);
        modules.add(j, m);
        for (int k = 0; k < modules.size(); k++) {
            var earlier = new HashSet<>(modules.subList(0, k));
            modules.get(k).prerequisites.removeIf(p -> !earlier.contains(p));
        }
    }

    public static CurriculumDraft from(CurriculumManifest m) {
        var d = new CurriculumDraft();
        d.id = m.id();
        d.idFixed = true;
        d.title = m.title();
        d.description = m.description();
        d.institution = m.institution();
        if (m.certificate() != null) {
            d.certificateTitle = m.certificate().title();
            d.validityMonths = m.certificate().validityMonths();
            d.competencies = new ArrayList<>(m.certificate().competencies() == null ? List.of() : m.certificate().competencies());
            d.creditHours = m.certificate().creditHours();
        }
        Map<String, ModuleDraft> byId = new HashMap<>();
        for (var mod : m.modules()) {
            var x = new ModuleDraft();
            x.id = mod.id();
            x.idFixed = true;
            x.title = mod.title();
            x.description = mod.description();
            x.readingMode = mod.readingMode();
            x.cases = new ArrayList<>(mod.cases());
            x.caseTags = new ArrayList<>(mod.caseTags().stream().map(q -> (List<String>) new ArrayList<>(q)).toList());
            x.casesPerAttempt = mod.casesPerAttempt();
            x.order = mod.order();
            mod.prerequisites().stream().map(byId::get).filter(java.util.Objects::nonNull).forEach(x.prerequisites::add);
            x.timeLimitMinutes = mod.timeLimitMinutes();
            x.retake = mod.retake() != null;
            x.cooldownHours = mod.retake() == null ? null : mod.retake().cooldownHours();
            x.minimumCases = mod.minimumCases();
            x.minimumAbnormalCases = mod.minimumAbnormalCases();
            x.minimumNormalCases = mod.minimumNormalCases();
            x.adaptive = mod.adaptive();
            for (var t : mod.thresholds()) {
                var td = new ThresholdDraft();
                td.metric = t.metric();
                td.atMost = t.max() != null;
                td.limit = t.max() != null ? t.max() : t.min();
                td.bound = t.bound();
                x.thresholds.add(td);
            }
            byId.put(mod.id(), x);
            d.modules.add(x);
        }
        return d;
    }

    /**
     * The manifest this draft stands for. Modules and a curriculum not yet published get their id from their title
     * (lower-case letters, digits and hyphens; "-2", "-3" … when taken): a module's unique in the curriculum, the
     * curriculum's not among {@code takenIds} (the ids of other curricula).
     */
    public CurriculumManifest toManifest(Set<String> takenIds) {
        if (!idFixed) {
            String base = slug(title, "curriculum");
            if (base.length() < 3) {
                base = base + "-curriculum";
            }
            id = unique(base, takenIds);
        }
        Set<String> used = new HashSet<>();
        modules.stream().filter(m -> m.idFixed).forEach(m -> used.add(m.id));
        for (var m : modules) {
            if (!m.idFixed) {
                m.id = unique(slug(m.title, "module"), used);
                used.add(m.id);
            }
        }
        List<CurriculumManifest.Module> mods = modules.stream().map(CurriculumDraft::toModule).toList();
        return new CurriculumManifest(1, id, nz(title), nz(description), new CurriculumManifest.Certificate(nz(certificateTitle),
                validityMonths == null ? 0 : validityMonths, List.copyOf(competencies.stream().map(CurriculumDraft::nz).toList()), creditHours),
                mods, institution);
    }

    /** One module as the format has it (its id as it stands): what the live pool summary is computed from. */
    public CurriculumManifest.Module toManifestModule(ModuleDraft m) {
        return toModule(m);
    }

    private static CurriculumManifest.Module toModule(ModuleDraft m) {
        var thresholds = m.thresholds.stream().map(t -> new CurriculumManifest.ThresholdSpec(t.metric, t.atMost ? null : t.limit,
                t.atMost ? t.limit : null, t.bound)).toList();
        return new CurriculumManifest.Module(m.id, nz(m.title), nz(m.description), m.readingMode, m.cases, m.caseTags.stream()
                .filter(q -> !q.isEmpty()).toList(), m.casesPerAttempt, m.order, m.prerequisites.stream().map(p -> p.id).toList(),
                m.timeLimitMinutes, m.retake || m.cooldownHours != null ? new CurriculumManifest.Retake(m.cooldownHours) : null,
                m.minimumCases == null ? 0 : m.minimumCases, m.minimumAbnormalCases, m.minimumNormalCases, thresholds, m.adaptive);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** "Chest CT — first reads" → "chest-ct-first-reads" (at most 60 characters). */
    static String slug(String title, String fallback) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > 60) {
            s = s.substring(0, 60).replaceAll("-+$", "");
        }
        return s.isEmpty() ? fallback : s;
    }

    private static String unique(String base, Set<String> taken) {
        String s = base;
        for (int n = 2; taken.contains(s); n++) {
            s = base + "-" + n;
        }
        return s;
    }
}
