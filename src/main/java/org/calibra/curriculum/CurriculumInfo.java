package org.calibra.curriculum;

import java.util.List;

public record CurriculumInfo(long id, String slug, String title, String description, String certificateTitle, int validityMonths,
                             List<String> competencies, List<ModuleInfo> modules, long institutionId, int version) {}
