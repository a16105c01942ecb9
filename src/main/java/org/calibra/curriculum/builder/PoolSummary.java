package org.calibra.curriculum.builder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.calibra.curriculum.content.CurriculumManifest;
import org.calibra.curriculum.content.CurriculumReader;

/**
 * A module's case pool as the builder shows it while an educator edits: which cases the picked ones and the tag rules
 * resolve to (the reader's own rule, {@link CurriculumReader#pool}), how many are normal and abnormal, which modalities,
 * how many deliberate AI errors of each kind (ADR 0023), and on how many cases the AI's call is wrong. Plain Java.
 *
 * @param cases        the pool, picked cases first, then tag matches by id
 * @param unknown      picked cases that are not among the cases the institution may use (shown, never counted)
 * @param abnormal     abnormal cases of the pool
 * @param normal       normal cases of the pool
 * @param modalities   cases per modality, by modality
 * @param aiErrors     deliberate AI errors per kind, in the order of {@link #ERROR_KINDS}, kinds with none left out
 * @param aiWrong      cases whose AI call (score at or above 0.5) differs from the truth
 * @param perAttempt   cases one attempt reads (cases per attempt, at most the pool)
 */
public record PoolSummary(List<String> cases, List<String> unknown, int abnormal, int normal, Map<String, Integer> modalities,
                          Map<String, Integer> aiErrors, int aiWrong, int perAttempt) {

    /** The AI calls a case abnormal at a score at or above this (scoring.domain.AiVerdict.DEFAULT_OPERATING_POINT; a test holds them equal). */
    public static final double AI_OPERATING_POINT = 0.5;

    /** The kinds of labelled AI errors (docs/content-format.md, ai.errors), in the order they are shown. */
    public static final List<String> ERROR_KINDS = List.of("false-negative", "false-positive", "off-label");

    /** A case as the pool needs it: from the case bank's facts of published cases. */
    public record PoolCase(String slug, String title, int version, String modality, List<String> tags, boolean abnormal, double aiScore, List<String> aiErrorKinds) {
        public boolean aiWrong() {
            return (aiScore >= AI_OPERATING_POINT) != abnormal;
        }

        CurriculumReader.KnownCase known() {
            return new CurriculumReader.KnownCase(java.util.Set.copyOf(tags), abnormal, aiWrong());
        }
    }

    /** The cases as the reader knows them, by slug. */
    public static Map<String, CurriculumReader.KnownCase> known(Map<String, PoolCase> cases) {
        Map<String, CurriculumReader.KnownCase> known = new LinkedHashMap<>();
        cases.forEach((slug, c) -> known.put(slug, c.known()));
        return known;
    }

    public static PoolSummary of(CurriculumManifest.Module module, Map<String, PoolCase> available) {
        List<String> pool = CurriculumReader.pool(module, known(available));
        List<String> counted = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        pool.forEach(id -> (available.containsKey(id) ? counted : unknown).add(id));
        int abnormal = 0;
        int aiWrong = 0;
        Map<String, Integer> modalities = new TreeMap<>();
        Map<String, Integer> errors = new LinkedHashMap<>();
        ERROR_KINDS.forEach(k -> errors.put(k, 0));
        for (String id : counted) {
            PoolCase c = available.get(id);
            abnormal += c.abnormal() ? 1 : 0;
            aiWrong += c.aiWrong() ? 1 : 0;
            modalities.merge(c.modality() == null || c.modality().isBlank() ? "unknown" : c.modality(), 1, Integer::sum);
            c.aiErrorKinds().stream().filter(errors::containsKey).forEach(k -> errors.merge(k, 1, Integer::sum));
        }
        errors.values().removeIf(n -> n == 0);
        int perAttempt = module.casesPerAttempt() == null ? counted.size() : Math.min(module.casesPerAttempt(), counted.size());
        return new PoolSummary(List.copyOf(counted), List.copyOf(unknown), abnormal, counted.size() - abnormal, modalities, errors, aiWrong, perAttempt);
    }

    public int size() {
        return cases.size();
    }

    /** e.g. "12 cases: 5 abnormal, 7 normal · CT 8, Radiograph 4 · AI errors on purpose: 2 missed lesions, 1 false mark · the AI's call is wrong on 3 · an attempt reads 10". */
    public String inWords() {
        if (cases.isEmpty()) {
            return "No cases yet: pick cases or add a tag rule." + (unknown.isEmpty() ? "" : " " + unknownWords());
        }
        var parts = new ArrayList<String>();
        parts.add(count(size(), "case") + ": " + abnormal + " abnormal, " + normal + " normal");
        // examinations in words ("DX" and "CR" are both radiographs, counted together)
        Map<String, Integer> examinations = new TreeMap<>();
        modalities.forEach((code, n) -> examinations.merge(org.calibra.shared.DisplayWords.modality(code), n, Integer::sum));
        parts.add(String.join(", ", examinations.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
        parts.add(aiErrors.isEmpty() ? "no deliberate AI errors" : "AI errors on purpose: " + String.join(", ",
                aiErrors.entrySet().stream().map(e -> kindWords(e.getKey(), e.getValue())).toList()));
        parts.add("the AI's call is wrong on " + count(aiWrong, "case"));
        parts.add("an attempt reads " + perAttempt);
        return String.join(" · ", parts) + (unknown.isEmpty() ? "" : ". " + unknownWords());
    }

    private String unknownWords() {
        return "Not available to your institution (left out): " + String.join(", ", unknown) + ".";
    }

    /** An error kind in words, with its count. */
    public static String kindWords(String kind, int n) {
        return switch (kind) {
            case "false-negative" -> count(n, "missed lesion");
            case "false-positive" -> count(n, "false mark");
            case "off-label" -> n + " outside the model's intended use";
            default -> n + " " + kind;
        };
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
