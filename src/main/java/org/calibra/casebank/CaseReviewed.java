package org.calibra.casebank;

/** An educator published or rejected a version that was held for review of possible burned-in text. */
public record CaseReviewed(String slug, int version, long versionId, String decision, long userId) {}
