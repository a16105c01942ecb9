package org.calibra.casebank;

import java.util.List;
import java.util.Map;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.shared.content.ContentProblem;

/**
 * An uploaded bundle, de-identified and its files stored — ready to become a draft; nothing reads it yet. {@code manifest}
 * (and its bytes) is the bundle's case.yaml, or the skeleton written for a bundle without one ({@code hadManifest} false,
 * every field only an educator can fill marked TODO); {@code files} the SHA-256 of each stored file (DICOM, heatmap PNG)
 * by its name in the bundle; {@code flagged} the images that may show burned-in text; {@code report} what
 * de-identification did (Markdown, no values). When {@code problems} is not empty, nothing was stored.
 */
public record PreparedUpload(List<ContentProblem> problems, CaseManifest manifest, byte[] manifestBytes, boolean hadManifest,
                             Map<String, String> files, List<Flag> flagged, String report) {

    /** An image to look at before publishing, and why. */
    public record Flag(String file, String reason) {}

    public boolean failed() {
        return !problems.isEmpty();
    }

    static PreparedUpload failed(List<ContentProblem> problems) {
        return new PreparedUpload(List.copyOf(problems), null, null, false, Map.of(), List.of(), "");
    }
}
