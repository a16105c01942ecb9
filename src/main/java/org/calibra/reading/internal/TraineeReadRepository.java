package org.calibra.reading.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TraineeReadRepository extends JpaRepository<TraineeRead, Long> {
    List<TraineeRead> findByAttemptIdOrderBySubmittedAtAsc(long attemptId);

    List<TraineeRead> findByAttemptIdInAndPhaseOrderBySubmittedAtAsc(java.util.Collection<Long> attemptIds, String phase);

    Optional<TraineeRead> findByAttemptIdAndCaseVersionIdAndPhase(long attemptId, long caseVersionId, String phase);

    boolean existsByAttemptIdAndCaseVersionIdAndPhase(long attemptId, long caseVersionId, String phase);

    boolean existsByUserIdAndCaseVersionId(long userId, long caseVersionId);

    boolean existsByUserIdAndCaseVersionIdAndPhase(long userId, long caseVersionId, String phase);

    /** A trainee's reads of one phase, oldest first: their final reads are the cases whose truth they have seen. */
    List<TraineeRead> findByUserIdAndPhaseOrderBySubmittedAtAsc(long userId, String phase);

    /** As {@link #findByUserIdAndPhaseOrderBySubmittedAtAsc}, outside one attempt, as (read id, case version id) pairs only. */
    @org.springframework.data.jpa.repository.Query("select r.id, r.caseVersionId from TraineeRead r where r.userId = ?1 and r.phase = ?2 "
            + "and r.attempt.id <> ?3 order by r.submittedAt, r.id")
    List<Object[]> findIdsAndVersionsOutsideAttempt(long userId, String phase, long exceptAttemptId);

    /** What a submission checks of an attempt's earlier reads: which case versions were read, in which phase (no entities loaded). */
    @org.springframework.data.jpa.repository.Query("select new org.calibra.reading.internal.ReadKey(r.caseVersionId, r.phase) from TraineeRead r "
            + "where r.attempt.id = ?1")
    List<ReadKey> findKeysByAttemptId(long attemptId);
}
