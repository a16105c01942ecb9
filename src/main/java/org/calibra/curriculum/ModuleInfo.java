package org.calibra.curriculum;

import java.util.List;

/**
 * A module as views and the reading and certification modules see it. {@code caseSlugs} is the case pool; an attempt
 * reads {@link #casesPerAttempt()} of them, drawn per trainee when {@code randomOrder}. {@code version}: the curriculum
 * version this definition belongs to (ADR 0025).
 */
public record ModuleInfo(long id, long curriculumId, String curriculumTitle, String slug, String title, String description,
                         ReadingMode readingMode, int minimumCases, List<ThresholdRule> thresholds, List<String> caseSlugs,
                         AttemptRules rules, int version) {

    /**
     * How attempts work: {@code casesPerAttempt} null = the whole pool; prerequisites are module slugs of the same
     * curriculum; {@code timeLimitMinutes} and {@code retakeCooldownHours} may be null (none).
     */
    public record AttemptRules(Integer casesPerAttempt, boolean randomOrder, List<String> prerequisites, Integer timeLimitMinutes,
                               Double retakeCooldownHours, int minimumAbnormalCases, int minimumNormalCases) {
        public static final AttemptRules NONE = new AttemptRules(null, false, List.of(), null, null, 0, 0);
    }

    /** How many cases one attempt reads. */
    public int casesPerAttempt() {
        return rules.casesPerAttempt() == null ? caseSlugs.size() : Math.min(rules.casesPerAttempt(), caseSlugs.size());
    }

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
