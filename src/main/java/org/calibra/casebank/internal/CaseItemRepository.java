package org.calibra.casebank.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseItemRepository extends JpaRepository<CaseItem, Long> {
    Optional<CaseItem> findBySlug(String slug);

    @org.springframework.data.jpa.repository.Query("select c.slug from CaseItem c where c.retiredAt is not null order by c.slug")
    java.util.List<String> findRetiredSlugs();
}
