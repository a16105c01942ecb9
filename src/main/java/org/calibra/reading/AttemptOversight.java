package org.calibra.reading;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calibra.curriculum.CurriculumService;
import org.calibra.reading.internal.ModuleAttempt;
import org.calibra.reading.internal.ModuleAttemptRepository;
import org.calibra.reading.internal.TraineeReadRepository;
import org.calibra.security.CurrentUser;
import org.calibra.security.UserSummary;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attempts as the people who may look at them see them: a resident their own, an educator those of the modules
 * their institution runs (ADR 0014), an admin all.
 */
@Service
@Transactional(readOnly = true)
public class AttemptOversight {

    private final ModuleAttemptRepository attempts;
    private final TraineeReadRepository reads;
    private final CurriculumService curricula;
    private final CurrentUser currentUser;
    private final AttemptMapping mapping;

    AttemptOversight(ModuleAttemptRepository attempts, TraineeReadRepository reads, CurriculumService curricula, CurrentUser currentUser,
                     AttemptMapping mapping) {
        this.attempts = attempts;
        this.reads = reads;
        this.curricula = curricula;
        this.currentUser = currentUser;
        this.mapping = mapping;
    }

    /** An attempt the signed-in user may see: their own, or one in a module they oversee (educator, admin). */
    @PreAuthorize("hasAnyRole('RESIDENT','EDUCATOR','ADMIN')")
    public Optional<AttemptInfo> attempt(long attemptId) {
        UserSummary user = currentUser.require();
        return attempts.findById(attemptId).filter(a -> mayView(a, user)).map(mapping::info);
    }

    @PreAuthorize("hasAnyRole('RESIDENT','EDUCATOR','ADMIN')")
    public List<SubmittedRead> readsOfAttempt(long attemptId) {
        UserSummary user = currentUser.require();
        var attempt = attempts.findById(attemptId).filter(a -> mayView(a, user));
        if (attempt.isEmpty()) {
            return List.of();
        }
        return reads.findByAttemptIdOrderBySubmittedAtAsc(attemptId).stream().filter(r -> r.getUserId() == attempt.get().getUserId())
                .map(AttemptMapping::read).toList();
    }

    /**
     * Every attempt at a module the signed-in educator or admin oversees — all residents, all attempts, not only the
     * latest — newest first (by start, then id). For the curriculum builder's threshold simulation.
     */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public List<AttemptInfo> attemptsOfModuleNewestFirst(long moduleId) {
        checkOversight(moduleId);
        return attempts.findByModuleId(moduleId).stream()
                .sorted(Comparator.comparing(ModuleAttempt::getStartedAt).thenComparing(ModuleAttempt::getId).reversed())
                .map(mapping::info).toList();
    }

    private boolean mayView(ModuleAttempt a, UserSummary user) {
        return a.getUserId() == user.id() || curricula.oversees(user, a.getModuleId());
    }

    /** Every resident's latest attempt at a module the signed-in educator or admin oversees, by resident. */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public List<AttemptInfo> latestAttemptInfosOfModule(long moduleId) {
        checkOversight(moduleId);
        return latestAttemptPerResident(moduleId).stream().map(mapping::info).toList();
    }

    /** One resident's latest attempt at a module with all its reads (both phases), for educators' exports. */
    public record AttemptReads(long userId, int attemptNumber, List<SubmittedRead> reads) {}

    /**
     * Every resident's latest attempt at the module, with its reads, for a reader-study export by an educator or
     * an administrator. Residents cannot call it (it would show them other residents' reads).
     */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public List<AttemptReads> latestAttemptsOfModule(long moduleId) {
        checkOversight(moduleId);
        return latestAttemptPerResident(moduleId).stream()
                .map(a -> new AttemptReads(a.getUserId(), a.getAttemptNumber(),
                        reads.findByAttemptIdOrderBySubmittedAtAsc(a.getId()).stream().map(AttemptMapping::read).toList()))
                .toList();
    }

    /** One attempt with every read of it (both phases, in submission order). */
    public record AttemptWithReads(AttemptInfo attempt, List<SubmittedRead> reads) {}

    /**
     * Every attempt at a module the signed-in educator or admin oversees — all residents, all attempt numbers — with its
     * reads, ordered by account and attempt number: what the Trainees page, case statistics and the cohort view are built from.
     */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public List<AttemptWithReads> attemptsOfModule(long moduleId) {
        checkOversight(moduleId);
        return attempts.findByModuleId(moduleId).stream()
                .sorted(Comparator.comparingLong(ModuleAttempt::getUserId).thenComparingInt(ModuleAttempt::getAttemptNumber))
                .map(a -> new AttemptWithReads(mapping.info(a), reads.findByAttemptIdOrderBySubmittedAtAsc(a.getId()).stream()
                        .filter(r -> r.getUserId() == a.getUserId()).map(AttemptMapping::read).toList()))
                .toList();
    }

    /** Each resident's latest attempt at the module, by account id. */
    private List<ModuleAttempt> latestAttemptPerResident(long moduleId) {
        Map<Long, ModuleAttempt> latestByUser = new HashMap<>();
        for (ModuleAttempt a : attempts.findByModuleId(moduleId)) {
            latestByUser.merge(a.getUserId(), a, (x, y) -> x.getAttemptNumber() >= y.getAttemptNumber() ? x : y);
        }
        return latestByUser.values().stream().sorted(Comparator.comparingLong(ModuleAttempt::getUserId)).toList();
    }

    private void checkOversight(long moduleId) {
        if (!curricula.oversees(currentUser.require(), moduleId)) {
            throw new AccessDeniedException("Module " + moduleId + " is not one of your institution's");
        }
    }
}
