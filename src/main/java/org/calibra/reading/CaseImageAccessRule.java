package org.calibra.reading;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.calibra.casebank.CaseImageAccess;
import org.calibra.casebank.CaseService;
import org.calibra.curriculum.CurriculumService;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.reading.internal.ModuleAttempt;
import org.calibra.reading.internal.ModuleAttemptRepository;
import org.calibra.reading.internal.TraineeReadRepository;
import org.calibra.security.CurrentUser;
import org.calibra.security.Role;
import org.calibra.shared.JsonText;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may receive a case version's images — the one rule behind {@code /dicomweb/**} and {@code /files/**}:
 * <ul>
 * <li>residents: versions they have a read of (feedback, review after submission, any attempt), and the latest
 * version of every case drawn for one of their attempts (what the reading view can open; it starts the attempt
 * before the viewer asks for images). Stricter than "any case of a module they can open": no browsing the pool.</li>
 * <li>educators: the shared library and their institution's uploads ({@link #educatorMayView}); admins: all.</li>
 * <li>verifiers and anyone not signed in: nothing.</li>
 * </ul>
 * A viewer fetches hundreds of frames per case, so a "yes" is remembered for a minute per user and version
 * (it can only turn into "no" when a case gets a new version); a "no" is never remembered.
 */
@Component
@Transactional(readOnly = true)
class CaseImageAccessRule implements CaseImageAccess {

    private static final Duration REMEMBER = Duration.ofMinutes(1);
    private static final int MAX_REMEMBERED = 10_000;

    private final CurrentUser currentUser;
    private final ModuleAttemptRepository attempts;
    private final TraineeReadRepository reads;
    private final org.calibra.reading.internal.AiRequestRepository aiRequests;
    private final CaseService cases;
    private final CurriculumService curricula;
    private final Clock clock;
    private final Map<String, Instant> allowedUntil = new ConcurrentHashMap<>();

    CaseImageAccessRule(CurrentUser currentUser, ModuleAttemptRepository attempts, TraineeReadRepository reads,
                        org.calibra.reading.internal.AiRequestRepository aiRequests, CaseService cases, CurriculumService curricula, Clock clock) {
        this.aiRequests = aiRequests;
        this.currentUser = currentUser;
        this.attempts = attempts;
        this.reads = reads;
        this.cases = cases;
        this.curricula = curricula;
        this.clock = clock;
    }

    @Override
    public boolean mayView(long caseVersionId) {
        return remembered("images|", caseVersionId, this::decide);
    }

    @Override
    public boolean mayViewAi(long caseVersionId) {
        return remembered("ai|", caseVersionId, id -> currentUser.hasRole(Role.ADMIN) || currentUser.hasRole(Role.EDUCATOR) ? decide(id)
                : currentUser.hasRole(Role.RESIDENT) && currentUser.get().map(u -> residentMayViewAi(u.id(), id)).orElse(false));
    }

    @Override
    public boolean mayViewAnswers(long caseVersionId) {
        // as the feedback page: a resident's submitted (final) read of this version, never a draw or an attempt in progress
        return remembered("answers|", caseVersionId, id -> currentUser.hasRole(Role.ADMIN) || currentUser.hasRole(Role.EDUCATOR) ? decide(id)
                : currentUser.hasRole(Role.RESIDENT) && currentUser.get()
                        .map(u -> reads.existsByUserIdAndCaseVersionIdAndPhase(u.id(), id, ReadPhase.FINAL.code())).orElse(false));
    }

    /** A "yes" is remembered for a while per user, door and version (it only turns into "no" with a new case version). */
    private boolean remembered(String door, long caseVersionId, java.util.function.LongPredicate rule) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return false;
        }
        String key = door + auth.getName() + "|" + caseVersionId;
        Instant now = clock.instant();
        Instant until = allowedUntil.get(key);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        boolean allowed = rule.test(caseVersionId);
        if (allowed) {
            if (allowedUntil.size() >= MAX_REMEMBERED) {
                allowedUntil.clear();
            }
            allowedUntil.put(key, now.plus(REMEMBER));
        }
        return allowed;
    }

    private boolean decide(long caseVersionId) {
        if (currentUser.hasRole(Role.ADMIN)) {
            return true;
        }
        if (currentUser.hasRole(Role.EDUCATOR)) {
            return educatorMayView(caseVersionId);
        }
        if (currentUser.hasRole(Role.RESIDENT)) {
            return currentUser.get().map(u -> residentMayView(u.id(), caseVersionId)).orElse(false);
        }
        return false; // verifiers, and any role added later until someone decides otherwise
    }

    /** The shared library's cases and their own institution's uploads (as in the case library). */
    boolean educatorMayView(long caseVersionId) {
        return currentUser.get().map(u -> cases.sharedOrOwnedBy(caseVersionId, u.institutionId())).orElse(false);
    }

    boolean residentMayView(long userId, long caseVersionId) {
        if (reads.existsByUserIdAndCaseVersionId(userId, caseVersionId)) {
            return true;
        }
        var slug = cases.slugOf(caseVersionId);
        if (slug.isEmpty() || !cases.latestVersionId(slug.get()).filter(id -> id == caseVersionId).isPresent()) {
            return false;
        }
        return attempts.findByUserId(userId).stream().anyMatch(a -> drawOf(a).contains(slug.get()));
    }

    /**
     * The AI of a case version for a resident: after their final read of it (feedback), or while an attempt in progress
     * has drawn it and its reading mode shows the AI at this point of the read.
     */
    boolean residentMayViewAi(long userId, long caseVersionId) {
        if (reads.existsByUserIdAndCaseVersionIdAndPhase(userId, caseVersionId, ReadPhase.FINAL.code())) {
            return true;
        }
        var slug = cases.slugOf(caseVersionId);
        if (slug.isEmpty() || !cases.latestVersionId(slug.get()).filter(id -> id == caseVersionId).isPresent()) {
            return false;
        }
        return attempts.findByUserId(userId).stream()
                .filter(a -> a.getStatus() == ModuleAttempt.Status.IN_PROGRESS && drawOf(a).contains(slug.get()))
                // the reading mode of the version the attempt started on (ADR 0025)
                .anyMatch(a -> curricula.moduleAt(a.getModuleId(), a.getCurriculumVersion()).map(m -> switch (m.readingMode()) {
                    case CONCURRENT -> true;
                    case SECOND_READER -> reads.existsByAttemptIdAndCaseVersionIdAndPhase(a.getId(), caseVersionId, ReadPhase.INITIAL.code());
                    case ON_REQUEST -> aiRequests.existsByAttemptIdAndCaseVersionId(a.getId(), caseVersionId);
                    case UNAIDED -> false;
                }).orElse(false));
    }

    /** An attempt's draw; attempts from before per-attempt draws (V4) read the module's whole pool. */
    private java.util.List<String> drawOf(ModuleAttempt a) {
        if (a.getCaseDraw() != null) {
            return JsonText.toList(a.getCaseDraw());
        }
        return curricula.module(a.getModuleId()).map(ModuleInfo::caseSlugs).orElse(java.util.List.of());
    }
}
