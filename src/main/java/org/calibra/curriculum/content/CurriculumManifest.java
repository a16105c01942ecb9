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
                         Integer minimumNormalCases, List<ThresholdSpec> thresholds) {

        public Module {
            cases = cases == null ? List.of() : List.copyOf(cases);
            caseTags = caseTags == null ? List.of() : List.copyOf(caseTags);
            prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
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
}
