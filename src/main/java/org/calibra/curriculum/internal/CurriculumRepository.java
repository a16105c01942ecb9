package org.calibra.curriculum.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CurriculumRepository extends JpaRepository<CurriculumEntity, Long> {
    Optional<CurriculumEntity> findBySlug(String slug);

    List<CurriculumEntity> findAllByOrderByTitleAsc();
}
