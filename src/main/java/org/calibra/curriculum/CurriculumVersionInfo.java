package org.calibra.curriculum;

import java.time.Instant;
import java.util.List;

/**
 * One published version of a curriculum. {@code publishedBy}: the educator's name, null when it was loaded from a
 * curricula/ file; {@code source}: that file, or "builder"; {@code changes}: what changed since the previous version, in words.
 */
public record CurriculumVersionInfo(int version, Instant publishedAt, String publishedBy, String source, List<String> changes) {}
