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
import org.calibra.reading.internal.AdaptiveStepEntity;
import org.calibra.reading.internal.AdaptiveStepRepository;
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
    private final AttemptDraws draws;
    private final AdaptiveStepRepository steps;
    private final org.calibra.casebank.CaseService cases;

    AttemptRecords(ModuleAttemptRepository attempts, TraineeReadRepository reads, AttemptMapping mapping, Clock clock, AttemptDraws draws,
                   AdaptiveStepRepository steps, org.calibra.casebank.CaseService cases) {
        this.attempts = attempts;
        this.reads = reads;
        this.mapping = mapping;
        this.clock = clock;
        this.draws = draws;
        this.steps = steps;
        this.cases = cases;
    }

    /** A scored final read of an adaptive attempt: the case version read and whether its call was correct. */
    public record ScoredCall(long caseVersionId, boolean correct) {}

    /**
     * After a scored read of an adaptive attempt: the engine's next step on the calls so far (in reading order), stored
     * with the attempt. A next case joins the attempt's draw, so it is the one offered; a stop ends the attempt, passed
     * or not. Returns whether it passed if it stopped. In the transaction of the read, on the attempt the submission
     * locked; an attempt that is no longer open is left alone.
     */
    @Transactional
    public Optional<Boolean> advanceAdaptive(long attemptId, org.calibra.curriculum.ModuleInfo module, List<ScoredCall> calls) {
        ModuleAttempt attempt = attempts.findById(attemptId).orElseThrow();
        if (attempt.getStatus() != ModuleAttempt.Status.IN_PROGRESS) {
            return Optional.empty();
        }
        var engine = draws.adaptiveEngine(module, attempt.getUserId(), attempt.getId(),
                        CaseDraw.seed(attempt.getUserId(), attempt.getModuleId(), attempt.getAttemptNumber()))
                .orElseThrow(() -> new IllegalStateException("module " + module.id() + " is not adaptive"));
        var slugs = cases.slugsOf(calls.stream().map(ScoredCall::caseVersionId).collect(java.util.stream.Collectors.toSet()));
        List<org.calibra.adaptive.Response> responses = calls.stream()
                .map(c -> new org.calibra.adaptive.Response(slugs.get(c.caseVersionId()), c.correct())).toList();
        List<AdaptiveStepEntity> stored = new ArrayList<>(steps.findByAttemptIdOrderByStepNoAsc(attemptId));
        if (stored.isEmpty()) {
            // the first choice was made when the attempt started; the engine is deterministic, so it is recorded now
            stored.add(steps.save(entity(attemptId, 1, engine.next(List.of()))));
        }
        for (int i = 0; i < calls.size() && i < stored.size(); i++) {
            if (stored.get(i).getCorrect() == null) {
                stored.get(i).answered(calls.get(i).caseVersionId(), calls.get(i).correct());
            }
        }
        var step = engine.next(responses);
        steps.save(entity(attemptId, responses.size() + 1, step));
        if (step instanceof org.calibra.adaptive.Step.Next next) {
            attempt.appendToDraw(next.caseId());
            return Optional.empty();
        }
        boolean passed = ((org.calibra.adaptive.Step.Stop) step).decision() == org.calibra.adaptive.Step.Decision.PASS;
        attempt.end(passed, clock.instant(), AttemptInfo.ENDED_BY_ADAPTIVE_DECISION);
        return Optional.of(passed);
    }

    private static AdaptiveStepEntity entity(long attemptId, int stepNo, org.calibra.adaptive.Step step) {
        return switch (step) {
            case org.calibra.adaptive.Step.Next n -> new AdaptiveStepEntity(attemptId, stepNo, n.caseId(), n.theta(), n.se(), n.llr(),
                    n.information(), code(n.reason().name()), null);
            case org.calibra.adaptive.Step.Stop s -> new AdaptiveStepEntity(attemptId, stepNo, null, s.theta(), s.se(), s.llr(), null,
                    code(s.reason().name()), s.decision() == org.calibra.adaptive.Step.Decision.PASS ? "pass" : "fail");
        };
    }

    /** MOST_INFORMATIVE → "most-informative": the stored words, independent of Java names. */
    private static String code(String enumName) {
        return enumName.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The stored steps of an adaptive attempt, in order; empty for an attempt of a fixed module. */
    public List<AdaptiveStepInfo> adaptiveSteps(long attemptId) {
        return steps.findByAttemptIdOrderByStepNoAsc(attemptId).stream().map(e -> new AdaptiveStepInfo(e.getStepNo(), e.getCaseSlug(),
                e.getCaseVersionId(), e.getCorrect(), e.getTheta(), e.getSe(), e.getLlr(), e.getInformation(), e.getChosenReason(),
                e.getDecision())).toList();
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
