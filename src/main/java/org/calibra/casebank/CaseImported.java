package org.calibra.casebank;

/** An educator's upload became a case version ({@code status} PUBLISHED or PENDING_REVIEW). No image data, no identifiers. */
public record CaseImported(String slug, int version, long versionId, String status, int files, int flaggedImages, long userId) {}
