package org.calibra.curriculum.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ModuleVersionRepository extends JpaRepository<ModuleVersionEntity, Long> {
    Optional<ModuleVersionEntity> findByModuleIdAndVersion(long moduleId, int version);
}
