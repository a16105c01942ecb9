package org.calibra.casebank.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CaseVersionRepository extends JpaRepository<CaseVersion, Long> {

    Optional<CaseVersion> findFirstByCaseItemSlugOrderByVersionDesc(String slug);

    @Query("select v.caseItem.slug from CaseVersion v where v.id = ?1")
    Optional<String> findSlugById(long id);

    @Query("select v from CaseVersion v where v.version = (select max(w.version) from CaseVersion w where w.caseItem = v.caseItem) order by v.caseItem.slug")
    List<CaseVersion> findLatestVersions();
}
