package org.calibra.viewer;

/**
 * Which layer an educator draws on the viewer ({@link CalibraViewer#setAuthoring}): the case's truth lesions, the AI's
 * marks, or none (both layers, if set, are only shown — a review page).
 */
public enum AuthoringLayer {
    NONE(""),
    TRUTH("truth"),
    AI("ai");

    private final String value;

    AuthoringLayer(String value) {
        this.value = value;
    }

    /** The value of the element's {@code authoring} property and of the events' {@code layer}. */
    public String value() {
        return value;
    }

    /** The layer named by an event; NONE for anything else. */
    public static AuthoringLayer of(String value) {
        for (AuthoringLayer layer : values()) {
            if (layer.value.equals(value)) {
                return layer;
            }
        }
        return NONE;
    }
}
