package org.calibra.casebank;

/** The case version a stored case became; {@code created} false when the latest version already had exactly this content. */
public record StoredVersion(String slug, int version, long versionId, boolean created) {}
