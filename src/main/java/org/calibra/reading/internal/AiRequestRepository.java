package org.calibra.reading.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AiRequestRepository extends JpaRepository<AiRequest, Long> {
    boolean existsByAttemptIdAndCaseVersionId(long attemptId, long caseVersionId);
}
