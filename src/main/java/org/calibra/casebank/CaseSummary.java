package org.calibra.casebank;

import java.time.Instant;
import java.util.List;

/**
 * A case version as the library lists it (educators and admins; includes the truth diagnosis). {@code status}: PUBLISHED,
 * PENDING_REVIEW or REJECTED; {@code origin}: content or upload; {@code retired}: the case is retired (ADR 0021).
 */
public record CaseSummary(long versionId, String slug, int version, String title, String modality, int difficulty,
                          List<String> tags, String truthDiagnosis, int imageCount, double aiScore, String sourceLicence,
                          Instant loadedAt, String status, String origin, boolean retired) {}
