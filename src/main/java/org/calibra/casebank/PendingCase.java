package org.calibra.casebank;

import java.time.Instant;

/** A case version held for review, with its de-identification report. */
public record PendingCase(long versionId, String slug, int version, String title, Instant uploadedAt, String report) {}
