package org.calibra.certification.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StatusChangeRepository extends JpaRepository<StatusChangeEntity, Long> {
    List<StatusChangeEntity> findByCertificateIdOrderByChangedAtDesc(long certificateId);
}
