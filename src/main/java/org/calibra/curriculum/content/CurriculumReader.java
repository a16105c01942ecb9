package org.calibra.curriculum.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.calibra.curriculum.ReadingMode;
import org.calibra.shared.content.ContentException;
import org.calibra.shared.content.ContentProblem;
import org.calibra.shared.content.YamlDocuments;

/** Reads and checks one curriculum file against the schema and against the cases that exist. */
public final class CurriculumReader {

    /** The metrics a threshold may name; the scoring engine computes exactly these. */
    public static final List<String> METRICS = org.calibra.curriculum.MetricLabels.KEYS;

    private static final YamlDocuments DOCUMENTS = new YamlDocuments("/schemas/curriculum.schema.json");

    private CurriculumReader() {
    }

    /**
     * A checked curriculum and each module's case pool (explicit ids first, then tag matches by id), by module id.
     * The pools are part of what makes the curriculum "changed": a new case that matches a tag query changes a pool.
     */
    public record Checked(CurriculumManifest manifest, byte[] bytes, Map<String, List<String>> pools) {
        public Checked(CurriculumManifest manifest, byte[] bytes) {
            this(manifest, bytes, Map.of());
        }

        public List<String> pool(String moduleId) {
            return pools.getOrDefault(moduleId, List.of());
        }
    }

    /**
     * What the curriculum checks need to know about a case: its tags, whether it is abnormal (null: it failed to load)
     * and whether the AI's call on it is wrong (null: not known).
     */
    public record KnownCase(Set<String> tags, Boolean abnormal, Boolean aiWrong) {
        public KnownCase(Set<String> tags, Boolean abnormal) {
            this(tags, abnormal, null);
        }
    }

    /**
     * Where the cases a curriculum names come from, in the words of its messages: "cases/" for the start-up loader, the
     * case library for the curriculum builder.
     */
    public static final String CASES_FOLDER = "cases/";

    /** Only ids known (tests): no tags, truth unknown. */
    public static Checked read(Path file, String display, Set<String> knownCaseIds) {
        Map<String, KnownCase> known = new java.util.LinkedHashMap<>();
        knownCaseIds.forEach(id -> known.put(id, new KnownCase(Set.of(), null)));
        return read(file, display, known);
    }

    /** A file of {@code curricula/}: its id must equal the file name. */
    public static Checked read(Path file, String display, Map<String, KnownCase> knownCases) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ContentException(new ContentProblem(display, "", "cannot be read: " + e.getMessage()));
        }
        String expected = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return check(bytes, display, expected, "the file name", knownCases, CASES_FOLDER, false);
    }

    /**
     * A manifest given as bytes (the curriculum builder, an uploaded file): the same checks as a file's.
     *
     * @param expectedId   the id the manifest must have (the curriculum being edited), or null for any
     * @param knownCases   every case the curriculum may use, by id
     * @param caseLibrary  where those cases live, in words ("cases/", "the case library")
     */
    public static Checked read(byte[] bytes, String display, String expectedId, Map<String, KnownCase> knownCases, String caseLibrary) {
        return check(bytes, display, expectedId, "the curriculum being edited", knownCases, caseLibrary, true);
    }

    /**
     * The manifest as the schema sees it, without the checks against cases and pools: how the builder opens a version that
     * was published before (its cases may since have been retired). Problems of the schema as a {@link ContentException}.
     */
    public static CurriculumManifest parse(byte[] bytes, String display) {
        var parsed = DOCUMENTS.parse(display, bytes, CurriculumManifest.class);
        if (parsed instanceof YamlDocuments.Parsed.Failed<CurriculumManifest> failed) {
            throw new ContentException(failed.problems());
        }
        return ((YamlDocuments.Parsed.Ok<CurriculumManifest>) parsed).value();
    }

    /**
     * @param all with schema problems, still run the checks below on what could be bound, and report their problems on
     *            fields the schema found nothing wrong with: every problem at once, as the builder shows them
     */
    private static Checked check(byte[] bytes, String display, String expected, String expectedWhat, Map<String, KnownCase> knownCases,
            String library, boolean all) {
        if (!all) {
            var parsed = DOCUMENTS.parse(display, bytes, CurriculumManifest.class);
            if (parsed instanceof YamlDocuments.Parsed.Failed<CurriculumManifest> failed) {
                throw new ContentException(failed.problems());
            }
            return check(((YamlDocuments.Parsed.Ok<CurriculumManifest>) parsed).value(), bytes, display, expected, expectedWhat, knownCases, library);
        }
        var lenient = DOCUMENTS.parseLenient(display, bytes, CurriculumManifest.class);
        if (lenient.problems().isEmpty()) {
            return check(lenient.value(), bytes, display, expected, expectedWhat, knownCases, library);
        }
        List<ContentProblem> problems = new ArrayList<>(lenient.problems());
        if (lenient.value() != null) {
            Set<String> schemaFields = new HashSet<>();
            lenient.problems().forEach(p -> schemaFields.add(p.field()));
            try {
                check(lenient.value(), bytes, display, expected, expectedWhat, knownCases, library);
            } catch (ContentException e) {
                e.problems().stream().filter(p -> schemaFields.stream().noneMatch(f -> p.field().startsWith(f) || f.startsWith(p.field())))
                        .forEach(problems::add);
            } catch (RuntimeException e) {
                // the structure is too broken for the checks beyond the schema: its problems are the ones to fix first
            }
        }
        throw new ContentException(problems);
    }

    private static Checked check(CurriculumManifest m, byte[] bytes, String display, String expected, String expectedWhat,
            Map<String, KnownCase> knownCases, String library) {
        Set<String> knownCaseIds = knownCases.keySet();
        List<ContentProblem> problems = new ArrayList<>();
        if (expected != null && !m.id().equals(expected)) {
            problems.add(new ContentProblem(display, "id", "'" + m.id() + "' must equal " + expectedWhat + " '" + expected + "'"));
        }
        Set<String> moduleIds = new HashSet<>();
        Map<String, List<String>> pools = new java.util.LinkedHashMap<>();
        for (int i = 0; i < m.modules().size(); i++) {
            var mod = m.modules().get(i);
            String at = "modules[" + i + "]";
            if (!moduleIds.add(mod.id())) {
                problems.add(new ContentProblem(display, at + ".id", "'" + mod.id() + "' is used twice; module ids must be unique"));
            }
            var mode = ReadingMode.fromCode(mod.readingMode());
            if (mode.isEmpty()) {
                problems.add(new ContentProblem(display, at + ".readingMode", "'" + mod.readingMode() + "' is not one of " + ReadingMode.codes()));
            } else if (!mode.get().isImplemented()) {
                problems.add(new ContentProblem(display, at + ".readingMode", "'" + mod.readingMode()
                        + "' is not available yet; use one of " + ReadingMode.implementedCodes()));
            }
            Set<String> seen = new HashSet<>();
            for (int c = 0; c < mod.cases().size(); c++) {
                String id = mod.cases().get(c);
                if (!knownCaseIds.contains(id)) {
                    problems.add(new ContentProblem(display, at + ".cases[" + c + "]", "'" + id + "' is not a case in " + library));
                }
                if (!seen.add(id)) {
                    problems.add(new ContentProblem(display, at + ".cases[" + c + "]", "'" + id + "' is listed twice"));
                }
            }
            List<String> pool = pool(mod, knownCases);
            pools.put(mod.id(), pool);
            int before = problems.size();
            checkPool(display, at, mod, pool, knownCases, problems, library);
            if (problems.size() == before) {
                checkFeasible(display, at, mod, pool, knownCases, problems);
            }
            for (int t = 0; t < mod.thresholds().size(); t++) {
                var th = mod.thresholds().get(t);
                String tat = at + ".thresholds[" + t + "]";
                if (!METRICS.contains(th.metric())) {
                    problems.add(new ContentProblem(display, tat + ".metric", "'" + th.metric() + "' is not one of " + METRICS));
                }
                String bound = th.boundOrDefault();
                if (th.min() != null && bound.equals("upper")) {
                    problems.add(new ContentProblem(display, tat + ".bound", "'upper' goes with max; with min use 'lower' (or 'point')"));
                }
                if (th.max() != null && bound.equals("lower")) {
                    problems.add(new ContentProblem(display, tat + ".bound", "'lower' goes with min; with max use 'upper' (or 'point')"));
                }
                if (!bound.equals("point") && org.calibra.curriculum.MetricLabels.POINT_ONLY.contains(th.metric())) {
                    problems.add(new ContentProblem(display, tat + ".bound", "'" + th.metric() + "' has no confidence interval; use 'point'"));
                }
                Double limit = th.min() != null ? th.min() : th.max();
                String limitField = tat + (th.min() != null ? ".min" : ".max");
                if (org.calibra.curriculum.MetricLabels.AI_EFFECT.equals(th.metric())) {
                    if (mode.isPresent() && mode.get() != ReadingMode.SECOND_READER) {
                        problems.add(new ContentProblem(display, tat + ".metric", "'aiEffect' compares each case's unaided read with the read "
                                + "made with the AI, which only a 'second-reader' module has; this module's readingMode is '" + mod.readingMode() + "'"));
                    }
                    if (th.max() != null) {
                        problems.add(new ContentProblem(display, tat + ".max", "'aiEffect' takes min (the AI's effect must be at least "
                                + "this, e.g. min: 0 for 'the AI must not make you worse'), not max"));
                    } else if (limit != null && (limit < -1 || limit > 1)) {
                        problems.add(new ContentProblem(display, limitField, limit + " is outside -1 to 1; 'aiEffect' is the ROC AUC with the AI "
                                + "minus without, a difference between -1 and 1"));
                    }
                } else if (limit != null && limit < 0) {
                    problems.add(new ContentProblem(display, limitField, limit + " is below 0; '" + th.metric() + "' is never negative"
                            + " (only 'aiEffect' takes a negative min)"));
                } else if (limit != null && !org.calibra.curriculum.MetricLabels.POINT_ONLY.contains(th.metric()) && limit > 1) {
                    problems.add(new ContentProblem(display, limitField,
                            limit + " is above 1; '" + th.metric() + "' is between 0 and 1"));
                }
            }
        }
        for (int i = 0; i < m.modules().size(); i++) {
            var mod = m.modules().get(i);
            if (mod.adaptive() != null) {
                AdaptiveCheck.check(display, "modules[" + i + "].adaptive", mod, pools.getOrDefault(mod.id(), List.of()), problems);
            }
        }
        checkPrerequisites(display, m, problems);
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        return new Checked(m, bytes, Map.copyOf(pools));
    }

    /** Explicit ids in their order, then every other known case matching a tag query, by id. */
    /** The tag educators give uploaded cases meant for modules that pool by tag (docs/curriculum-format.md). */
    public static final String UPLOADED_TAG = "imported";

    public static List<String> pool(CurriculumManifest.Module mod, Map<String, KnownCase> known) {
        var pool = new java.util.LinkedHashSet<>(mod.cases());
        known.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> mod.caseTags().stream().anyMatch(query -> e.getValue().tags().containsAll(query)))
                .forEach(e -> pool.add(e.getKey()));
        return List.copyOf(pool);
    }

    private static void checkPool(String display, String at, CurriculumManifest.Module mod, List<String> pool, Map<String, KnownCase> known,
            List<ContentProblem> problems, String library) {
        if (pool.isEmpty()) {
            problems.add(new ContentProblem(display, at + ".caseTags", "matches no case in " + library + ": the module has no cases"));
            return;
        }
        for (int q = 0; q < mod.caseTags().size(); q++) {
            var query = mod.caseTags().get(q);
            // uploaded cases join pools after start-up (ADR 0012): a query for the 'imported' tag may match nothing in cases/
            if (!query.contains(UPLOADED_TAG) && known.values().stream().noneMatch(k -> k.tags().containsAll(query))) {
                problems.add(new ContentProblem(display, at + ".caseTags[" + q + "]", query + " matches no case in " + library));
            }
        }
        int perAttempt = mod.casesPerAttempt() == null ? pool.size() : mod.casesPerAttempt();
        if (perAttempt > pool.size()) {
            problems.add(new ContentProblem(display, at + ".casesPerAttempt", perAttempt + " is more than the module's pool of "
                    + pool.size() + " case(s)"));
        }
        if (mod.minimumCases() > Math.min(perAttempt, pool.size())) {
            problems.add(new ContentProblem(display, at + ".minimumCases", mod.minimumCases() + " is more than the "
                    + Math.min(perAttempt, pool.size()) + " case(s) an attempt reads"));
        }
        int minAbnormal = mod.minimumAbnormalCases() == null ? 0 : mod.minimumAbnormalCases();
        int minNormal = mod.minimumNormalCases() == null ? 0 : mod.minimumNormalCases();
        if (minAbnormal + minNormal > Math.min(perAttempt, pool.size())) {
            problems.add(new ContentProblem(display, at + ".minimumAbnormalCases", minAbnormal + " abnormal + " + minNormal
                    + " normal cases do not fit in the " + Math.min(perAttempt, pool.size()) + " case(s) an attempt reads"));
        }
        boolean truthKnown = pool.stream().allMatch(id -> known.containsKey(id) && known.get(id).abnormal() != null);
        if (truthKnown) {
            long abnormal = pool.stream().filter(id -> known.get(id).abnormal()).count();
            if (abnormal < minAbnormal) {
                problems.add(new ContentProblem(display, at + ".minimumAbnormalCases", minAbnormal + " is more than the "
                        + abnormal + " abnormal case(s) in the pool"));
            }
            if (pool.size() - abnormal < minNormal) {
                problems.add(new ContentProblem(display, at + ".minimumNormalCases", minNormal + " is more than the "
                        + (pool.size() - abnormal) + " normal case(s) in the pool"));
            }
        }
    }

    /**
     * The most cases of each kind one attempt of the module can read: it reads n = min(casesPerAttempt, pool) cases, of
     * which at most min(abnormal in the pool, n − minimum normal) are abnormal (a case of unknown truth may be either).
     */
    static ThresholdFeasibility.Capacity capacity(CurriculumManifest.Module mod, List<String> pool, Map<String, KnownCase> known) {
        int n = mod.casesPerAttempt() == null ? pool.size() : Math.min(mod.casesPerAttempt(), pool.size());
        int minAbnormal = mod.minimumAbnormalCases() == null ? 0 : mod.minimumAbnormalCases();
        int minNormal = mod.minimumNormalCases() == null ? 0 : mod.minimumNormalCases();
        int abnormal = 0;
        int normal = 0;
        int aiWrong = 0;
        int aiRight = 0;
        boolean aiKnown = true;
        for (String id : pool) {
            KnownCase k = known.get(id);
            Boolean abn = k == null ? null : k.abnormal();
            if (abn == null || abn) {
                abnormal++;
            }
            if (abn == null || !abn) {
                normal++;
            }
            if (k == null || k.aiWrong() == null) {
                aiKnown = false;
            } else if (k.aiWrong()) {
                aiWrong++;
            } else {
                aiRight++;
            }
        }
        return new ThresholdFeasibility.Capacity(n, Math.max(0, Math.min(abnormal, n - minNormal)), Math.max(0, Math.min(normal, n - minAbnormal)),
                aiKnown ? Math.min(aiWrong, n) : null, aiKnown ? Math.min(aiRight, n) : null);
    }

    /** A threshold no attempt can meet with this pool and draw is refused, with the reason (ThresholdFeasibility). */
    private static void checkFeasible(String display, String at, CurriculumManifest.Module mod, List<String> pool, Map<String, KnownCase> known,
            List<ContentProblem> problems) {
        var capacity = capacity(mod, pool, known);
        for (int t = 0; t < mod.thresholds().size(); t++) {
            var th = mod.thresholds().get(t);
            if (!METRICS.contains(th.metric())) {
                continue;
            }
            int index = t;
            ThresholdFeasibility.check(th, capacity).ifPresent(u -> problems.add(new ContentProblem(display,
                    at + ".thresholds[" + index + "]" + (th.min() != null ? ".min" : ".max"),
                    "can never be met in module '" + mod.title() + "': " + u.describe())));
        }
    }

    /** Prerequisites name earlier modules of the same curriculum, so there can be no cycle. */
    private static void checkPrerequisites(String display, CurriculumManifest m, List<ContentProblem> problems) {
        Set<String> before = new HashSet<>();
        for (int i = 0; i < m.modules().size(); i++) {
            var mod = m.modules().get(i);
            for (int p = 0; p < mod.prerequisites().size(); p++) {
                String req = mod.prerequisites().get(p);
                if (!before.contains(req)) {
                    boolean exists = m.modules().stream().anyMatch(x -> x.id().equals(req));
                    problems.add(new ContentProblem(display, "modules[" + i + "].prerequisites[" + p + "]", exists
                            ? "'" + req + "' comes later in the curriculum; a prerequisite must be an earlier module"
                            : "'" + req + "' is not a module of this curriculum"));
                }
            }
            before.add(mod.id());
        }
    }
}
