package org.calibra.scoring.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReadScoreRepository extends JpaRepository<ReadScoreEntity, Long> {
    Optional<ReadScoreEntity> findByReadId(long readId);

    List<ReadScoreEntity> findByReadIdIn(Collection<Long> readIds);
}
