package org.calibra.authoring;

import java.util.List;

/**
 * What one uploaded AI file gave, in words, before anything is added to the draft: {@code usable} false when it is
 * refused (then {@code details} says every reason); otherwise {@code summary} counts what was found ("2 marks, 7 contours
 * on images 5 to 9; case score 0.88") and {@code details} lists the marks and notes.
 */
public record AiImportFile(String fileName, boolean usable, String summary, List<String> details) {

    public AiImportFile {
        details = List.copyOf(details);
    }
}
