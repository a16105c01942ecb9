package org.calibra.reading;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.calibra.casebank.CaseService;
import org.calibra.reading.internal.TraineeRead;
import org.calibra.reading.internal.TraineeReadRepository;
import org.springframework.stereotype.Component;

/**
 * Which cases a trainee has seen the truth of (ADR 0015): from a final read on, its feedback — truth, lesions, the
 * AI's errors — is open to them. An unaided first read shows no truth, so it exposes nothing.
 */
@Component
class CaseExposure {

    private final TraineeReadRepository reads;
    private final CaseService cases;

    CaseExposure(TraineeReadRepository reads, CaseService cases) {
        this.reads = reads;
        this.cases = cases;
    }

    /**
     * The cases whose truth the trainee has seen, by slug, each with the first final read that showed it. Reads of the
     * attempt {@code except} are left out: within one attempt a case is read once, and a second-reader's final read
     * follows its own first read.
     */
    Map<String, Long> seenBy(long userId, Long except) {
        var finals = reads.findByUserIdAndPhaseOrderBySubmittedAtAsc(userId, ReadPhase.FINAL.code()).stream()
                .filter(r -> except == null || r.getAttempt().getId() != except.longValue()).toList();
        Map<Long, String> slugs = cases.slugsOf(finals.stream().map(TraineeRead::getCaseVersionId).collect(Collectors.toSet()));
        Map<String, Long> seen = new LinkedHashMap<>();
        finals.forEach(r -> {
            String slug = slugs.get(r.getCaseVersionId());
            if (slug != null) {
                seen.putIfAbsent(slug, r.getId());
            }
        });
        return seen;
    }

    /**
     * The first final read, outside attempt {@code except}, that showed the trainee the truth of this case (any version
     * of it): what {@code seenBy(userId, except).get(slug)} answers, from a projection of ids instead of whole reads.
     */
    Long firstSeen(long userId, long except, String slug) {
        var finals = reads.findIdsAndVersionsOutsideAttempt(userId, ReadPhase.FINAL.code(), except);
        if (finals.isEmpty()) {
            return null; // the usual case in a first attempt: no lookup of slugs
        }
        Map<Long, String> slugs = cases.slugsOf(finals.stream().map(r -> ((Number) r[1]).longValue()).collect(Collectors.toSet()));
        return finals.stream().filter(r -> slug.equals(slugs.get(((Number) r[1]).longValue()))).map(r -> ((Number) r[0]).longValue())
                .findFirst().orElse(null);
    }
}
