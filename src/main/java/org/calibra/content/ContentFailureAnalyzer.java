package org.calibra.content;

import org.calibra.shared.content.ContentException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns broken content at start-up into a short report instead of a stack trace. */
class ContentFailureAnalyzer extends AbstractFailureAnalyzer<ContentException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, ContentException cause) {
        return new FailureAnalysis("Calibra could not load its content. Nothing was written.\n" + cause.getMessage(),
                "Fix the files named above (see docs/content-format.md) and start again.", cause);
    }
}
