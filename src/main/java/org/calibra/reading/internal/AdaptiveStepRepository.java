package org.calibra.reading.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AdaptiveStepRepository extends JpaRepository<AdaptiveStepEntity, AdaptiveStepEntity.Key> {
    List<AdaptiveStepEntity> findByAttemptIdOrderByStepNoAsc(long attemptId);
}
