package org.calibra.curriculum;

import java.util.List;

/** A module as views and the reading and certification modules see it. */
public record ModuleInfo(long id, long curriculumId, String curriculumTitle, String slug, String title, String description,
                         ReadingMode readingMode, int minimumCases, List<ThresholdRule> thresholds, List<String> caseSlugs) {

    /**
     * A competency threshold: {@code metric} must reach {@code min} or stay at most {@code max} (one of them is set),
     * judged on the point estimate or on the near end of its 95% interval ({@code bound}: point, lower or upper).
     */
    public record ThresholdRule(String metric, Double min, Double max, String bound) {
        public String describe() {
            String which = switch (bound) {
                case "lower" -> "lower 95% bound of ";
                case "upper" -> "upper 95% bound of ";
                default -> "";
            };
            return which + MetricLabels.of(metric) + (min != null ? " ≥ " + MetricLabels.value(metric, min) : " ≤ " + MetricLabels.value(metric, max));
        }
    }
}
