package org.calibra.casebank.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CaseVersionRepository extends JpaRepository<CaseVersion, Long> {

    Optional<CaseVersion> findFirstByCaseItemSlugOrderByVersionDesc(String slug);

    /** The SHA-256s of a version's images, without loading the images. */
    @Query("select distinct i.blobSha256 from CaseImage i where i.caseVersion.id = ?1")
    List<String> findBlobShas(long versionId);

    Optional<CaseVersion> findFirstByCaseItemSlugAndStatusOrderByVersionDesc(String slug, String status);

    /** Ids of the case's versions in this status, newest first (ids only: the entity would load its AI suggestion too). */
    @Query("select v.id from CaseVersion v where v.caseItem.slug = ?1 and v.status = ?2 order by v.version desc")
    List<Long> findIdsBySlugAndStatusNewestFirst(String slug, String status, org.springframework.data.domain.Pageable page);

    List<CaseVersion> findByStatusOrderByLoadedAtAsc(String status);

    /** Latest published version of every uploaded case: candidates for modules that pool by tag. */
    @Query("select v from CaseVersion v where v.caseItem.origin = 'upload' and v.status = 'PUBLISHED' and v.version ="
            + " (select max(w.version) from CaseVersion w where w.caseItem = v.caseItem and w.status = 'PUBLISHED') order by v.caseItem.slug")
    List<CaseVersion> findPublishedUploads();

    @Query("select v.caseItem.slug from CaseVersion v where v.id = ?1")
    Optional<String> findSlugById(long id);

    /** Pairs of (version id, case slug) for the given versions. */
    @Query("select v.id, v.caseItem.slug from CaseVersion v where v.id in ?1")
    List<Object[]> findSlugsByIdIn(java.util.Collection<Long> ids);

    @Query("select v from CaseVersion v where v.version = (select max(w.version) from CaseVersion w where w.caseItem = v.caseItem) order by v.caseItem.slug")
    List<CaseVersion> findLatestVersions();

    @Query("select distinct i.caseVersion.id from CaseImage i where i.blobSha256 = ?1")
    List<Long> findVersionIdsWithImageBlob(String sha256);

    @Query("select distinct h.suggestion.caseVersion.id from AiHeatmapEntity h where h.blobSha256 = ?1")
    List<Long> findVersionIdsWithHeatmapBlob(String sha256);

    @Query("select distinct k.caseVersion.id from KeyImageEntity k where k.blobSha256 = ?1")
    List<Long> findVersionIdsWithKeyImageBlob(String sha256);

    List<CaseVersion> findByCaseItemSlugOrderByVersionAsc(String slug);

    @Query("select distinct i.fileName, i.blobSha256 from CaseImage i where i.caseVersion.id = ?1 and i.blobSha256 is not null")
    List<Object[]> findFileBlobs(long versionId);

    @Query("select v.id from CaseVersion v order by v.id")
    List<Long> findAllIds();
}
