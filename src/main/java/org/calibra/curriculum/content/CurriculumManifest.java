package org.calibra.curriculum.content;

import java.util.List;

/** {@code curricula/<id>.yaml}, as documented in docs/content-format.md and curriculum.schema.json. */
public record CurriculumManifest(int schemaVersion, String id, String title, String description, Certificate certificate,
                                 List<Module> modules) {

    public record Certificate(String title, int validityMonths, List<String> competencies) {}

    public record Module(String id, String title, String description, String readingMode, List<String> cases,
                         int minimumCases, List<ThresholdSpec> thresholds) {}

    /** Exactly one of {@code min} and {@code max} (the schema and the reader check it). */
    public record ThresholdSpec(String metric, Double min, Double max, String bound) {
        public String boundOrDefault() {
            return bound == null ? "point" : bound;
        }
    }
}
