package org.calibra.authoring;

/** One field-level difference between two contents of a case, in words: "Title: 'A' → 'B'", "Lesion L2 added". */
public record Change(String field, String words) {

    @Override
    public String toString() {
        return words;
    }
}
