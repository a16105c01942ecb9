package org.calibra.competency.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Metrics a competency threshold can be set on; {@link #key()} is the name used in module definitions
 * (docs/curriculum-format.md). Each comes with a 95% interval except {@link #NL_PER_CASE}.
 */
public enum Metric {
    SENSITIVITY("sensitivity", true),
    SPECIFICITY("specificity", true),
    ACCURACY("accuracy", true),
    LESION_LOCALISATION_FRACTION("lesionLocalisationFraction", true),
    /** Mean non-lesion localisations per case: a false-mark rate, not a proportion (no upper limit of 1). */
    NL_PER_CASE("nlPerCase", false),
    /** Wilcoxon ROC AUC of the case-level ratings, DeLong interval. */
    ROC_AUC("rocAuc", true),
    /** Weighted AFROC figure of merit of the marks, stratified bootstrap interval. */
    WAFROC("wAFROC", true),
    OVER_RELIANCE("overReliance", true),
    UNDER_RELIANCE("underReliance", true),
    RELATIVE_AI_RELIANCE("relativeAiReliance", true),
    RELATIVE_SELF_RELIANCE("relativeSelfReliance", true),
    /**
     * The AI's effect on the reader: ROC AUC of their final reads (with the AI) minus that of their committed first reads
     * (unaided) on the same cases, with a paired DeLong 95% interval; from -1 to 1. Only second-reader reads have both.
     */
    AI_EFFECT("aiEffect", false, true);

    private final String key;
    private final boolean unitInterval;
    private final boolean hasInterval;

    Metric(String key, boolean unitInterval) {
        this(key, unitInterval, unitInterval);
    }

    Metric(String key, boolean unitInterval, boolean hasInterval) {
        this.key = key;
        this.unitInterval = unitInterval;
        this.hasInterval = hasInterval;
    }

    /** Whether the metric comes with a 95% interval, so a threshold may compare its lower or upper end. */
    public boolean hasInterval() {
        return hasInterval;
    }

    /** A difference of two figures between 0 and 1, so itself between -1 and 1. */
    public boolean signedDifference() {
        return this == AI_EFFECT;
    }

    public String key() {
        return key;
    }

    /** A proportion or an AUC, between 0 and 1. */
    public boolean unitInterval() {
        return unitInterval;
    }

    /** The metric called {@code key} (exact, case-sensitive), or a message listing the allowed names. */
    public static Metric fromKey(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown metric '" + key + "'; allowed: " + allowedKeys());
    }

    public static String allowedKeys() {
        return Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", "));
    }
}
