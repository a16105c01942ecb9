package org.calibra.certification.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CertificateRepository extends JpaRepository<CertificateEntity, Long> {
    Optional<CertificateEntity> findByPublicId(String publicId);

    Optional<CertificateEntity> findByUserIdAndCurriculumId(long userId, long curriculumId);

    List<CertificateEntity> findByUserIdOrderByIssuedAtDesc(long userId);
}
