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
    private final CaseService cases;
    private final CurriculumService curricula;
    private final Clock clock;
    private final Map<String, Instant> allowedUntil = new ConcurrentHashMap<>();

    CaseImageAccessRule(CurrentUser currentUser, ModuleAttemptRepository attempts, TraineeReadRepository reads, CaseService cases,
                        CurriculumService curricula, Clock clock) {
        this.currentUser = currentUser;
        this.attempts = attempts;
        this.reads = reads;
        this.cases = cases;
        this.curricula = curricula;
        this.clock = clock;
    }

    @Override
    public boolean mayView(long caseVersionId) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return false;
        }
        String key = auth.getName() + "|" + caseVersionId;
        Instant now = clock.instant();
        Instant until = allowedUntil.get(key);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        boolean allowed = decide(caseVersionId);
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

    /** An attempt's draw; attempts from before per-attempt draws (V4) read the module's whole pool. */
    private java.util.List<String> drawOf(ModuleAttempt a) {
        if (a.getCaseDraw() != null) {
            return JsonText.toList(a.getCaseDraw());
        }
        return curricula.module(a.getModuleId()).map(ModuleInfo::caseSlugs).orElse(java.util.List.of());
    }
}
