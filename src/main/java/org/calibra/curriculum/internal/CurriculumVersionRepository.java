package org.calibra.curriculum.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CurriculumVersionRepository extends JpaRepository<CurriculumVersionEntity, Long> {
    List<CurriculumVersionEntity> findByCurriculumIdOrderByVersionDesc(long curriculumId);

    Optional<CurriculumVersionEntity> findByCurriculumIdAndVersion(long curriculumId, int version);
}
