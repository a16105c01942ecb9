package org.calibra.reading;

/**
 * A case of a module from one trainee's point of view: which version they read (or will read), and their read.
 *
 * @param repeat the trainee had seen this case's truth before (an earlier read, in any module): reading it is practice
 *               and never counts (ADR 0015)
 */
public record ModuleCaseEntry(int position, String slug, long caseVersionId, String title, String modality, Long readId, boolean synthetic,
                              boolean repeat) {
    public boolean isRead() {
        return readId != null;
    }
}
