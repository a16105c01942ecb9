package org.calibra.authoring.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DraftRevisionRepository extends JpaRepository<DraftRevisionEntity, Long> {

    List<DraftRevisionEntity> findByDraftIdOrderByIdAsc(long draftId);

    Optional<DraftRevisionEntity> findFirstByDraftIdAndKindAndRevision(long draftId, String kind, int revision);

    @Query("select distinct r.savedBy from DraftRevisionEntity r where r.draftId = ?1 and r.kind = 'SAVED'")
    List<Long> findSaversOf(long draftId);
}
