package org.calibra.reading;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.calibra.reading.internal.ModuleAttempt;
import org.calibra.reading.internal.ModuleAttemptRepository;
import org.calibra.reading.internal.TraineeRead;
import org.calibra.reading.internal.TraineeReadRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attempts and reads by id, for the stages that follow a read — scoring, competency, certification — and for
 * statistics. Every method takes whose data it is from its arguments (the event being handled), never from the
 * signed-in user, so the chain works the same off the request thread or in a batch job. No access checks: views
 * never call this (ArchitectureTest); they go through {@link ReadingService} or {@link AttemptOversight}.
 */
@Service
@Transactional(readOnly = true)
public class AttemptRecords {

    private final ModuleAttemptRepository attempts;
    private final TraineeReadRepository reads;
    private final AttemptMapping mapping;
    private final Clock clock;

    AttemptRecords(ModuleAttemptRepository attempts, TraineeReadRepository reads, AttemptMapping mapping, Clock clock) {
        this.attempts = attempts;
        this.reads = reads;
        this.mapping = mapping;
        this.clock = clock;
    }

    public Optional<AttemptInfo> attempt(long attemptId) {
        return attempts.findById(attemptId).map(mapping::info);
    }

    /** Every read of the attempt (both phases), in submission order. */
    public List<SubmittedRead> readsOf(long attemptId) {
        return reads.findByAttemptIdOrderBySubmittedAtAsc(attemptId).stream().map(AttemptMapping::read).toList();
    }

    /** The user's latest attempt at the module. */
    public Optional<AttemptInfo> latestAttempt(long userId, long moduleId) {
        return attempts.findFirstByModuleIdAndUserIdOrderByAttemptNumberDesc(moduleId, userId).map(mapping::info);
    }

    /** Closes an attempt as decided by competency evaluation, in the transaction of the read that decided it. */
    @Transactional
    public void completeAttempt(long attemptId, boolean passed) {
        ModuleAttempt a = attempts.findById(attemptId).orElseThrow();
        a.end(passed, clock.instant(), AttemptInfo.ENDED_BY_THRESHOLDS);
    }

    /** Modules the user has passed (an attempt PASSED). */
    public Set<Long> passedModules(long userId) {
        Set<Long> passed = new HashSet<>();
        attempts.findByUserId(userId).stream().filter(a -> a.getStatus() == ModuleAttempt.Status.PASSED).forEach(a -> passed.add(a.getModuleId()));
        return passed;
    }

    /**
     * The counted final reads of every resident's latest attempt at this module but {@code exceptUserId}'s, for
     * attempts with at least {@code minimumReads} of them, one list per attempt, in no particular order and without who
     * made them. Only for anonymised cohort statistics; never hand these to a view.
     */
    public List<List<SubmittedRead>> othersLatestAttempts(long moduleId, long exceptUserId, int minimumReads) {
        Map<Long, ModuleAttempt> latestByUser = new HashMap<>();
        for (ModuleAttempt a : attempts.findByModuleId(moduleId)) {
            if (a.getUserId() != exceptUserId) {
                latestByUser.merge(a.getUserId(), a, (x, y) -> x.getAttemptNumber() >= y.getAttemptNumber() ? x : y);
            }
        }
        List<Long> ids = latestByUser.values().stream().map(ModuleAttempt::getId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<SubmittedRead>> byAttempt = new HashMap<>();
        for (TraineeRead r : reads.findByAttemptIdInAndPhaseOrderBySubmittedAtAsc(ids, ReadPhase.FINAL.code())) {
            if (r.getRepeatOfReadId() == null) { // repeats never count, for the cohort either
                byAttempt.computeIfAbsent(r.getAttempt().getId(), k -> new ArrayList<>()).add(AttemptMapping.read(r));
            }
        }
        var result = new ArrayList<>(byAttempt.values().stream().filter(l -> l.size() >= minimumReads).toList());
        Collections.shuffle(result); // the order must not reveal whose attempt is whose
        return result;
    }
}
