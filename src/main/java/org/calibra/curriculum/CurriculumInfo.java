package org.calibra.curriculum;

import java.util.List;

/** {@code version}: the latest published (ADR 0025); {@code creditHours}: CPD/CME credit of its certificate, null if none. */
public record CurriculumInfo(long id, String slug, String title, String description, String certificateTitle, int validityMonths,
                             List<String> competencies, List<ModuleInfo> modules, long institutionId, int version,
                             Double creditHours) {}
