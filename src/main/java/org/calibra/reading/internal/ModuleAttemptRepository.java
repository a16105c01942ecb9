package org.calibra.reading.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ModuleAttemptRepository extends JpaRepository<ModuleAttempt, Long> {
    Optional<ModuleAttempt> findFirstByModuleIdAndUserIdOrderByAttemptNumberDesc(long moduleId, long userId);

    List<ModuleAttempt> findByUserId(long userId);
}
