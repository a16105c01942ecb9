package org.calibra.authoring;

import java.util.List;
import org.calibra.shared.content.ContentProblem;

/**
 * What an upload did: a draft (never live), or — when the bundle could not be used at all, {@code refused} — nothing.
 * {@code report}: what de-identification changed (Markdown, no values).
 */
public record UploadResult(CaseDraft draft, List<ContentProblem> refused, String report) {

    public boolean created() {
        return draft != null;
    }
}
