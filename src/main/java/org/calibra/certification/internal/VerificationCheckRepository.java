package org.calibra.certification.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface VerificationCheckRepository extends JpaRepository<VerificationCheckEntity, Long> {
    List<VerificationCheckEntity> findTop200ByUserIdOrderByCheckedAtDesc(long userId);
}
