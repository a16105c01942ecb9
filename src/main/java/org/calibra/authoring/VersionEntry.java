package org.calibra.authoring;

import java.time.Instant;
import java.util.List;

/** A version of a case as its page lists it: when, who made it (and who approved it), and what changed from the one before. */
public record VersionEntry(long versionId, int version, String status, Instant at, String madeBy, List<Change> changes) {}
