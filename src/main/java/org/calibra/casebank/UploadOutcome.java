package org.calibra.casebank;

import java.util.List;
import org.calibra.shared.content.ContentProblem;

/**
 * What an upload did. {@code kind}: FAILED (nothing stored; {@code problems} name each file), SKELETON (no case.yaml:
 * {@code cleanBundle} is a zip to complete and upload again; nothing stored), PENDING_REVIEW, PUBLISHED or
 * UNCHANGED. {@code report} is the de-identification report in Markdown; {@code flagged} the images to look at.
 */
public record UploadOutcome(Kind kind, String slug, Integer version, Long versionId, String report, List<ContentProblem> problems,
                            byte[] cleanBundle, List<String> flagged) {

    public enum Kind { FAILED, SKELETON, PENDING_REVIEW, PUBLISHED, UNCHANGED }

    static UploadOutcome failed(List<ContentProblem> problems) {
        return new UploadOutcome(Kind.FAILED, null, null, null, "", List.copyOf(problems), null, List.of());
    }
}
