package org.calibra.casebank.aiobjects;

/**
 * A qualitative evaluation: a coded answer (CODE content item) or a text (TEXT) to a question concept, e.g.
 * Margins = Spiculated. Exactly one of {@code value} and {@code text} is set.
 */
public record Evaluation(Code concept, Code value, String text) {

    public String words() {
        return concept.words() + ": " + (value != null ? value.words() : text);
    }
}
