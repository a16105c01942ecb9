package org.calibra.authoring.internal;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CaseDraftRepository extends JpaRepository<CaseDraftEntity, Long> {

    /** The draft, its row locked until the transaction ends: saves and transitions of one draft happen one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from CaseDraftEntity d where d.id = ?1")
    Optional<CaseDraftEntity> lockById(long id);

    List<CaseDraftEntity> findByCaseSlugAndStateIn(String caseSlug, Collection<String> states);

    List<CaseDraftEntity> findByCaseSlugOrderByIdAsc(String caseSlug);

    List<CaseDraftEntity> findByStateInOrderByUpdatedAtDesc(Collection<String> states);

    /** Drafts whose files include this SHA-256 (the JSON of their files names it). */
    List<CaseDraftEntity> findByFilesContaining(String sha256);

    List<CaseDraftEntity> findByPublishedVersionIdIn(Collection<Long> versionIds);
}
