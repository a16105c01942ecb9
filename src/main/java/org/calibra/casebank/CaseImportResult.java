package org.calibra.casebank;

/** What loading one case folder did. */
public record CaseImportResult(String slug, int version, Outcome outcome) {
    public enum Outcome { CREATED, NEW_VERSION, UNCHANGED }

    @Override
    public String toString() {
        return slug + " v" + version + " " + outcome.name().toLowerCase();
    }
}
