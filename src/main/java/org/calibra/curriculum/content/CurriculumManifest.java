package org.calibra.curriculum.content;

import java.util.List;

/** {@code curricula/<id>.yaml}, as documented in docs/curriculum-format.md and curriculum.schema.json. */
public record CurriculumManifest(int schemaVersion, String id, String title, String description, Certificate certificate,
                                 List<Module> modules, String institution) {

    /** {@code creditHours}: CPD/CME credit hours the certificate is worth (optional). */
    public record Certificate(String title, int validityMonths, List<String> competencies, Double creditHours) {
        public Certificate(String title, int validityMonths, List<String> competencies) {
            this(title, validityMonths, competencies, null);
        }
    }

    /**
     * A module. Its case pool is {@code cases} plus every case whose tags match one of {@code caseTags}; an attempt reads
     * {@code casesPerAttempt} of them (default all), in a per-trainee random order unless {@code order} is "fixed".
     */
    public record Module(String id, String title, String description, String readingMode, List<String> cases,
                         List<List<String>> caseTags, Integer casesPerAttempt, String order, List<String> prerequisites,
                         Integer timeLimitMinutes, Retake retake, int minimumCases, Integer minimumAbnormalCases,
                         Integer minimumNormalCases, List<ThresholdSpec> thresholds, Adaptive adaptive) {

        public Module {
            cases = cases == null ? List.of() : List.copyOf(cases);
            caseTags = caseTags == null ? List.of() : List.copyOf(caseTags);
            prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
        }

        /** A fixed (not adaptive) module. */
        public Module(String id, String title, String description, String readingMode, List<String> cases,
                      List<List<String>> caseTags, Integer casesPerAttempt, String order, List<String> prerequisites,
                      Integer timeLimitMinutes, Retake retake, int minimumCases, Integer minimumAbnormalCases,
                      Integer minimumNormalCases, List<ThresholdSpec> thresholds) {
            this(id, title, description, readingMode, cases, caseTags, casesPerAttempt, order, prerequisites, timeLimitMinutes,
                    retake, minimumCases, minimumAbnormalCases, minimumNormalCases, thresholds, null);
        }

        public boolean randomOrder() {
            return !"fixed".equals(order);
        }
    }

    /** {@code cooldownHours}: wait after an attempt that did not pass. */
    public record Retake(Double cooldownHours) {}

    /** Exactly one of {@code min} and {@code max} (the schema and the reader check it). */
    public record ThresholdSpec(String metric, Double min, Double max, String bound) {
        public String boundOrDefault() {
            return bound == null ? "point" : bound;
        }
    }

    /**
     * {@code adaptive}: the module chooses each next case by its information at the trainee's ability and stops when the
     * decision is made (ADR 0036). The cases' 2PL parameters are snapshotted here, so a decision replays exactly.
     *
     * @param cut          θ_c, the ability at the pass level
     * @param delta        δ, half-width of the indifference region (default 0.5)
     * @param alpha        chance of passing a trainee at θ_c − δ (default 0.05)
     * @param beta         chance of failing a trainee at θ_c + δ (default 0.05)
     * @param stopping     "sprt" (default) or "interval"
     * @param selection    "estimate" (default) or "cut": where the next case's information is maximised
     * @param maximumCases the most cases an attempt reads (default casesPerAttempt, else the bank)
     * @param items        by case id: discrimination a and difficulty b; the module's bank
     */
    public record Adaptive(Double cut, Double delta, Double alpha, Double beta, String stopping, String selection,
                           Integer maximumCases, java.util.Map<String, Item> items) {

        public Adaptive {
            items = items == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(items));
        }

        public double deltaOrDefault() {
            return delta == null ? 0.5 : delta;
        }

        public double alphaOrDefault() {
            return alpha == null ? 0.05 : alpha;
        }

        public double betaOrDefault() {
            return beta == null ? 0.05 : beta;
        }

        public String stoppingOrDefault() {
            return stopping == null ? "sprt" : stopping;
        }

        public String selectionOrDefault() {
            return selection == null ? "estimate" : selection;
        }

        /** The most cases an attempt reads: maximumCases, else the module's casesPerAttempt, else the whole bank. */
        public int maximumCasesFor(Integer casesPerAttempt) {
            return maximumCases != null ? maximumCases : casesPerAttempt != null ? casesPerAttempt : items.size();
        }
    }

    /** A case's 2PL parameters: logit P(correct | θ) = a (θ − b). */
    public record Item(Double a, Double b) {}
}
