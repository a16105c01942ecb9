package org.calibra.authoring;

import java.util.List;

/**
 * An image de-identification could not clean of burned-in text (it can only flag it): a reviewer looks at it before the
 * case is published. {@code imageIndexes}: where the file sits in the stack (0-based), empty when the manifest does not use it.
 */
public record FlaggedImage(String file, String reason, List<Integer> imageIndexes) {

    public FlaggedImage {
        imageIndexes = List.copyOf(imageIndexes);
    }

    /** "image 3", "images 3–17", or the file's name when the stack does not show it. */
    public String whereInWords() {
        if (imageIndexes.isEmpty()) {
            return "file " + file + " (not in the stack)";
        }
        int first = imageIndexes.getFirst() + 1;
        int last = imageIndexes.getLast() + 1;
        return (first == last ? "image " + first : "images " + first + "–" + last) + " (" + file + ")";
    }
}
