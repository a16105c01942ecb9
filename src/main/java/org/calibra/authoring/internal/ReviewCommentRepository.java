package org.calibra.authoring.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewCommentRepository extends JpaRepository<ReviewCommentEntity, Long> {

    List<ReviewCommentEntity> findByCaseSlugOrderByIdAsc(String caseSlug);

    List<ReviewCommentEntity> findByDraftIdOrderByIdAsc(long draftId);
}
