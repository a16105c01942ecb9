package org.calibra.curriculum;

/** Words for metric names, as residents read them. */
public final class MetricLabels {
    private MetricLabels() {
    }

    public static String of(String metric) {
        return switch (metric) {
            case "sensitivity" -> "sensitivity";
            case "specificity" -> "specificity";
            case "accuracy" -> "accuracy";
            case "lesionLocalisationFraction" -> "lesions found";
            default -> metric;
        };
    }
}
