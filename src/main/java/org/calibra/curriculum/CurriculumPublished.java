package org.calibra.curriculum;

import java.util.List;

/** A curriculum version was published: from a curricula/ file ({@code by} null) or by an educator in the builder. */
public record CurriculumPublished(long curriculumId, String slug, int version, Long by, String source, List<String> changes) {}
