package org.calibra.scoring.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Metrics a competency threshold can be set on; {@link #key()} is the name used in module definitions. */
public enum Metric {
    SENSITIVITY("sensitivity"),
    SPECIFICITY("specificity"),
    ACCURACY("accuracy"),
    LESION_LOCALISATION_FRACTION("lesionLocalisationFraction");

    private final String key;

    Metric(String key) {
        this.key = key;
    }

    public String key() {
        return key;
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
