package org.calibra.curriculum;

import java.util.List;

/** A module as views and the reading and certification modules see it. */
public record ModuleInfo(long id, long curriculumId, String curriculumTitle, String slug, String title, String description,
                         ReadingMode readingMode, int minimumCases, List<ThresholdRule> thresholds, List<String> caseSlugs) {

    /** A competency threshold: {@code metric} must reach {@code min}, on the point estimate or its lower 95% bound. */
    public record ThresholdRule(String metric, double min, boolean onLowerBound) {
        public String describe() {
            return (onLowerBound ? "lower 95% bound of " : "") + MetricLabels.of(metric) + " ≥ " + Math.round(min * 100) + "%";
        }
    }
}
