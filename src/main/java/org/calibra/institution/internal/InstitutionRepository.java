package org.calibra.institution.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InstitutionRepository extends JpaRepository<InstitutionEntity, Long> {
    Optional<InstitutionEntity> findBySlug(String slug);
    Optional<InstitutionEntity> findByNameIgnoreCase(String name);
    List<InstitutionEntity> findAllByOrderByNameAsc();
}
