package org.calibra.reading;

/** A case of a module from one trainee's point of view: which version they read (or will read), and their read. */
public record ModuleCaseEntry(int position, String slug, long caseVersionId, String title, String modality, Long readId, boolean synthetic) {
    public boolean isRead() {
        return readId != null;
    }
}
