package org.calibra.reading.internal;

import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ModuleAttemptRepository extends JpaRepository<ModuleAttempt, Long> {
    Optional<ModuleAttempt> findFirstByModuleIdAndUserIdOrderByAttemptNumberDesc(long moduleId, long userId);

    List<ModuleAttempt> findByUserId(long userId);

    List<ModuleAttempt> findByModuleId(long moduleId);

    /** Serialises submissions to one attempt, so two tabs cannot both add the last case or both close it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from ModuleAttempt a where a.id = ?1")
    Optional<ModuleAttempt> lockById(long id);

    /** The trainee's latest attempt at the module, locked as {@link #lockById} does: a submission's one lookup of it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from ModuleAttempt a where a.moduleId = ?1 and a.userId = ?2 order by a.attemptNumber desc limit 1")
    Optional<ModuleAttempt> lockLatest(long moduleId, long userId);
}
