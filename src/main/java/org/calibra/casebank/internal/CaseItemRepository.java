package org.calibra.casebank.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseItemRepository extends JpaRepository<CaseItem, Long> {
    Optional<CaseItem> findBySlug(String slug);
}
