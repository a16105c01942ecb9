package org.calibra.certification.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CertificateRepository extends JpaRepository<CertificateEntity, Long> {
    Optional<CertificateEntity> findByPublicId(String publicId);

    Optional<CertificateEntity> findByUserIdAndCurriculumId(long userId, long curriculumId);

    List<CertificateEntity> findByUserIdOrderByIssuedAtDesc(long userId);

    List<CertificateEntity> findAllByOrderByIssuedAtDesc();

    List<CertificateEntity> findByCredentialJwtIsNull();

    Optional<CertificateEntity> findByStatusIndex(int statusIndex);

    boolean existsByCurriculumId(long curriculumId);

    @Query("select c.statusIndex from CertificateEntity c where c.revokedAt is not null and c.statusIndex >= :from and c.statusIndex < :to")
    List<Integer> revokedIndexes(@Param("from") int from, @Param("to") int to);

    @Query("select c.statusIndex from CertificateEntity c where c.suspendedAt is not null and c.statusIndex >= :from and c.statusIndex < :to")
    List<Integer> suspendedIndexes(@Param("from") int from, @Param("to") int to);
}
