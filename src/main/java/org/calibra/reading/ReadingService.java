package org.calibra.reading;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.calibra.casebank.CaseForReading;
import org.calibra.casebank.CaseService;
import org.calibra.curriculum.CurriculumService;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.curriculum.ReadingMode;
import org.calibra.reading.internal.AiRequest;
import org.calibra.reading.internal.AiRequestRepository;
import org.calibra.reading.internal.ModuleAttempt;
import org.calibra.reading.internal.ModuleAttemptRepository;
import org.calibra.reading.internal.ReadEventEntity;
import org.calibra.reading.internal.ReadKey;
import org.calibra.reading.internal.ReadMark;
import org.calibra.reading.internal.TraineeRead;
import org.calibra.reading.internal.TraineeReadRepository;
import org.calibra.security.CurrentUser;
import org.calibra.security.UserSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading, for the signed-in trainee: their attempts (start, resume, retake, each with its draw), the cases they may
 * open, and the submission of reads. Every method acts for the current user only. Attempts seen by educators are
 * {@link AttemptOversight}'s; the stages after a read use {@link AttemptRecords}.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('RESIDENT')")
public class ReadingService {


    private final ModuleAttemptRepository attempts;
    private final TraineeReadRepository reads;
    private final AiRequestRepository aiRequests;
    private final CaseService cases;
    private final CurriculumService curricula;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CaseExposure exposure;
    private final AttemptDraws draws;
    private final AttemptMapping mapping;

    ReadingService(ModuleAttemptRepository attempts, TraineeReadRepository reads, AiRequestRepository aiRequests, CaseService cases,
                   CurriculumService curricula, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock, CaseExposure exposure,
                   AttemptDraws draws, AttemptMapping mapping) {
        this.exposure = exposure;
        this.draws = draws;
        this.mapping = mapping;
        this.attempts = attempts;
        this.reads = reads;
        this.aiRequests = aiRequests;
        this.cases = cases;
        this.curricula = curricula;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A module the signed-in resident may read in: one of their own institution's programmes. Any other module is
     * reported as not existing, so module ids of other institutions reveal nothing.
     */
    private ModuleInfo moduleForCurrentUser(long moduleId) {
        return moduleFor(currentUser.require(), moduleId);
    }

    /** As {@link #moduleForCurrentUser}, for a user already resolved (each resolution is a lookup of the account). */
    private ModuleInfo moduleFor(UserSummary user, long moduleId) {
        return module(user, moduleId).orElseThrow(() -> new ReadRejectedException("This module does not exist (any more)."));
    }

    /**
     * The module if the signed-in resident may read in it (their institution's); empty otherwise. While their attempt is
     * in progress it is the module as the curriculum version that attempt started on defined it (ADR 0025): a version
     * published meanwhile changes neither its reading mode nor its rules.
     */
    public Optional<ModuleInfo> module(long moduleId) {
        return module(currentUser.require(), moduleId);
    }

    private Optional<ModuleInfo> module(UserSummary user, long moduleId) {
        return curricula.moduleOf(moduleId, user.institutionId()).map(latest -> attempts
                .findFirstByModuleIdAndUserIdOrderByAttemptNumberDesc(moduleId, user.id())
                .filter(a -> a.getStatus() == ModuleAttempt.Status.IN_PROGRESS && a.getCurriculumVersion() != latest.version())
                .flatMap(a -> curricula.moduleAt(moduleId, a.getCurriculumVersion())).orElse(latest));
    }

    public Optional<AttemptInfo> currentAttempt(long moduleId) {
        UserSummary user = currentUser.require();
        return attempts.findFirstByModuleIdAndUserIdOrderByAttemptNumberDesc(moduleId, user.id()).map(mapping::info);
    }

    /**
     * The current attempt, started (with its own draw of cases and deadline) if there is none. Refused while a
     * prerequisite module is not passed. An attempt past its time limit is closed here, not passed.
     */
    @Transactional
    public AttemptInfo startOrResume(long moduleId) {
        UserSummary user = currentUser.require();
        ModuleInfo module = moduleFor(user, moduleId);
        var latest = attempts.findFirstByModuleIdAndUserIdOrderByAttemptNumberDesc(moduleId, user.id());
        if (latest.isPresent()) {
            closeIfOverdue(latest.get());
            return mapping.info(latest.get());
        }
        missingPrerequisites(module).stream().findFirst().ifPresent(title -> {
            throw new ReadRejectedException("Pass the module '" + title + "' first: this module builds on it.");
        });
        return mapping.info(attempts.save(newAttempt(module, user.id(), 1)));
    }

    /** Titles of the prerequisite modules the current user has not passed, in curriculum order. */
    public List<String> missingPrerequisites(ModuleInfo module) {
        if (module.rules().prerequisites().isEmpty()) {
            return List.of();
        }
        Set<Long> passed = passedModules();
        return curricula.listCurricula().stream().filter(c -> c.id() == module.curriculumId()).flatMap(c -> c.modules().stream())
                .filter(m -> module.rules().prerequisites().contains(m.slug()) && !passed.contains(m.id())).map(ModuleInfo::title).toList();
    }

    /**
     * After an attempt that ended without passing, a fresh attempt with a fresh draw of cases, nothing carried over —
     * once the module's cool-down has passed.
     */
    @Transactional
    public AttemptInfo retake(long moduleId) {
        UserSummary user = currentUser.require();
        ModuleInfo module = moduleForCurrentUser(moduleId);
        var latest = attempts.findFirstByModuleIdAndUserIdOrderByAttemptNumberDesc(moduleId, user.id());
        latest.ifPresent(this::closeIfOverdue);
        if (latest.isEmpty() || latest.get().getStatus() != ModuleAttempt.Status.NOT_PASSED) {
            throw new ReadRejectedException("A new attempt can be started only after an attempt that did not pass.");
        }
        retakeAllowedFrom(module, mapping.info(latest.get())).filter(t -> t.isAfter(clock.instant())).ifPresent(t -> {
            throw new ReadRejectedException("A new attempt can start from " + java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
                    .withZone(java.time.ZoneOffset.UTC).format(t) + " (a cool-down of " + module.rules().retakeCooldownHours()
                    + " hours after an attempt that did not pass).");
        });
        return mapping.info(attempts.save(newAttempt(module, user.id(), latest.get().getAttemptNumber() + 1)));
    }

    /** When a new attempt may start after {@code ended}, if the module has a cool-down. */
    public Optional<Instant> retakeAllowedFrom(ModuleInfo module, AttemptInfo ended) {
        Double hours = module.rules().retakeCooldownHours();
        if (hours == null || ended.completedAt() == null) {
            return Optional.empty();
        }
        return Optional.of(ended.completedAt().plusSeconds(Math.round(hours * 3600)));
    }

    private ModuleAttempt newAttempt(ModuleInfo module, long userId, int number) {
        Instant now = clock.instant();
        Integer minutes = module.rules().timeLimitMinutes();
        List<String> draw = draws.draw(module, userId, number);
        draws.refusal(module, draw, userId).ifPresent(why -> {
            throw new ReadRejectedException(why);
        });
        return new ModuleAttempt(module.id(), userId, number, now, org.calibra.shared.JsonText.ofList(draw),
                minutes == null ? null : now.plusSeconds(60L * minutes), module.version());
    }

    /**
     * Why a new attempt at the module would not start now, if it would not: it could not reach a decision on cases the
     * trainee has not seen the truth of (ADR 0015), and would end "not passed" for a reason that is not theirs.
     */
    public Optional<String> exposureRefusal(long moduleId) {
        ModuleInfo module = moduleForCurrentUser(moduleId);
        long userId = currentUser.require().id();
        int next = currentAttempt(moduleId).map(a -> a.number() + 1).orElse(1);
        return draws.refusal(module, draws.draw(module, userId, next), userId);
    }

    /** The cases the current user reads in this module: the current attempt's draw, or the first attempt's before it starts. */
    private List<String> slugsToRead(ModuleInfo module) {
        UserSummary user = currentUser.require();
        return currentAttempt(module.id()).map(AttemptInfo::caseSlugs).orElseGet(() -> draws.draw(module, user.id(), 1));
    }

    private void closeIfOverdue(ModuleAttempt a) {
        if (a.getStatus() == ModuleAttempt.Status.IN_PROGRESS && a.getDeadlineAt() != null && clock.instant().isAfter(a.getDeadlineAt())) {
            a.end(false, a.getDeadlineAt(), AttemptInfo.ENDED_BY_TIME_LIMIT);
        }
    }

    /** The module's cases in reading order, with the version this trainee reads and their read if any. */
    public List<ModuleCaseEntry> cases(long moduleId) {
        ModuleInfo module = moduleForCurrentUser(moduleId);
        Map<String, TraineeRead> readBySlug = new HashMap<>();
        currentAttempt(moduleId).ifPresent(a -> reads.findByAttemptIdOrderBySubmittedAtAsc(a.id()).stream()
                .filter(r -> r.getPhase().equals(ReadPhase.FINAL.code()))
                .forEach(r -> cases.slugOf(r.getCaseVersionId()).ifPresent(slug -> readBySlug.put(slug, r))));
        List<ModuleCaseEntry> entries = new ArrayList<>();
        List<String> slugs = slugsToRead(module);
        Set<String> seenElsewhere = exposure.seenBy(currentUser.require().id(), currentAttempt(moduleId).map(AttemptInfo::id).orElse(null)).keySet();
        for (int i = 0; i < slugs.size(); i++) {
            String slug = slugs.get(i);
            TraineeRead read = readBySlug.get(slug);
            Long versionId = read != null ? Long.valueOf(read.getCaseVersionId()) : cases.latestVersionId(slug).orElse(null);
            if (versionId == null) {
                continue; // a case removed from the library; the content loader prevents this for live content
            }
            var c = cases.forReading(versionId).orElseThrow();
            boolean repeat = read != null ? read.getRepeatOfReadId() != null : seenElsewhere.contains(slug);
            entries.add(new ModuleCaseEntry(i + 1, slug, versionId, c.title(), c.modality(), read != null ? read.getId() : null, c.synthetic(),
                    repeat));
        }
        return entries;
    }

    /** The case as the trainee may see it before submitting: no truth, AI only if the module's mode offers it. */
    public Optional<CaseForReading> openCase(long moduleId, long caseVersionId) {
        var module = module(moduleId);
        var kase = cases.forReading(caseVersionId);
        if (module.isEmpty() || kase.isEmpty() || !slugsToRead(module.get()).contains(kase.get().slug())) {
            return Optional.empty();
        }
        // the version to read is the latest one, unless this attempt already read it (in any phase)
        if (readOf(moduleId, caseVersionId).isPresent() || initialReadOf(moduleId, caseVersionId).isPresent()) {
            return kase;
        }
        String slug = kase.get().slug();
        boolean latest = cases.latestVersionId(slug).filter(id -> id == caseVersionId).isPresent();
        boolean otherVersionRead = currentAttempt(moduleId).stream()
                .flatMap(a -> reads.findByAttemptIdOrderBySubmittedAtAsc(a.id()).stream())
                .anyMatch(r -> cases.slugOf(r.getCaseVersionId()).filter(slug::equals).isPresent());
        return latest && !otherVersionRead ? kase : Optional.empty();
    }

    /** Whether the trainee had seen this case's truth before this attempt (a repeat: practice, never counted; ADR 0015). */
    public boolean isRepeat(long moduleId, long caseVersionId) {
        var slug = cases.slugOf(caseVersionId);
        return slug.isPresent() && exposure.seenBy(currentUser.require().id(), currentAttempt(moduleId).map(AttemptInfo::id).orElse(null))
                .containsKey(slug.get());
    }

    public Optional<SubmittedRead> read(long readId) {
        UserSummary user = currentUser.require();
        return reads.findById(readId).filter(r -> r.getUserId() == user.id()).map(AttemptMapping::read);
    }

    /** The id of the final read of this case in the current attempt, if it was submitted. */
    public Optional<Long> readOf(long moduleId, long caseVersionId) {
        return currentAttempt(moduleId).flatMap(a -> reads.findByAttemptIdAndCaseVersionIdAndPhase(a.id(), caseVersionId, ReadPhase.FINAL.code()))
                .map(TraineeRead::getId);
    }

    /** In a second-reader module: the committed unaided read of this case in the current attempt. */
    public Optional<SubmittedRead> initialReadOf(long moduleId, long caseVersionId) {
        return currentAttempt(moduleId).flatMap(a -> reads.findByAttemptIdAndCaseVersionIdAndPhase(a.id(), caseVersionId, ReadPhase.INITIAL.code()))
                .map(AttemptMapping::read);
    }

    /**
     * In an on-request module: the trainee asks for the AI on a case of their attempt in progress. Recorded once, on the
     * server, at the moment they ask, so the image doors serve the AI's heatmaps from then on and not before. Refused
     * for a module that does not offer the AI on request and for a case that is not theirs to read.
     */
    @Transactional
    public void recordAiRequest(long moduleId, long caseVersionId) {
        ModuleInfo module = moduleForCurrentUser(moduleId);
        if (module.readingMode() != ReadingMode.ON_REQUEST) {
            throw new ReadRejectedException("This module does not offer the AI on request.");
        }
        var attempt = currentAttempt(moduleId).filter(a -> a.status() == AttemptInfo.Status.IN_PROGRESS)
                .orElseThrow(() -> new ReadRejectedException("Start the module before asking for the AI."));
        if (openCase(moduleId, caseVersionId).isEmpty()) {
            throw new ReadRejectedException("This case is not part of the module.");
        }
        if (!aiRequests.existsByAttemptIdAndCaseVersionId(attempt.id(), caseVersionId)) {
            aiRequests.save(new AiRequest(attempt.id(), caseVersionId, clock.instant()));
        }
    }

    /** Stores a read once. A second submission of the same case in the same attempt is rejected, never counted twice. */
    @Transactional(noRollbackFor = ReadRejectedException.class)
    public SubmittedRead submit(ReadSubmission s) {
        UserSummary user = currentUser.require();
        if (!curricula.readableBy(s.moduleId(), user.institutionId())) {
            throw new ReadRejectedException("This module does not exist (any more).");
        }
        ModuleAttempt attempt = attempts.lockLatest(s.moduleId(), user.id())
                .orElseThrow(() -> new ReadRejectedException("Start the module before submitting a read."));
        // the module as the attempt's curriculum version defined it (ADR 0025): published versions are cached
        ModuleInfo module = curricula.moduleAsPublished(s.moduleId(), attempt.getCurriculumVersion())
                .or(() -> curricula.moduleOf(s.moduleId(), user.institutionId())) // a version from before module versions were kept
                .orElseThrow(() -> new ReadRejectedException("This module does not exist (any more)."));
        closeIfOverdue(attempt); // kept: noRollbackFor ReadRejectedException
        if (attempt.getStatus() != ModuleAttempt.Status.IN_PROGRESS) {
            throw new ReadRejectedException(AttemptInfo.ENDED_BY_TIME_LIMIT.equals(attempt.getEndReason())
                    ? "The time limit of this attempt has passed, so this read was not counted. The attempt ended without passing."
                    : "This module attempt is finished; no more reads can be added to it.");
        }
        // the attempt is locked: its reads cannot change until this one commits, so one load answers every check below
        // (keys only: loading the reads as entities would make every later query of this transaction dirty-check them)
        List<ReadKey> attemptReads = reads.findKeysByAttemptId(attempt.getId());
        CaseForReading c = caseToSubmit(attempt, attemptReads, s.caseVersionId())
                .orElseThrow(() -> new ReadRejectedException("This case is not part of the module."));
        if (hasRead(attemptReads, c.versionId(), ReadPhase.FINAL)) {
            throw new ReadRejectedException("This case has already been submitted; a read cannot be changed or sent twice.");
        }
        boolean initialDone = hasRead(attemptReads, c.versionId(), ReadPhase.INITIAL);
        new PhaseRule(module.readingMode(), s.phase(), initialDone).check();
        new SubmissionCheck(c, module.readingMode(), s).run();
        Instant now = clock.instant();
        Instant firstMark = s.marks().stream().map(ReadSubmission.MarkInput::placedAt).min(Instant::compareTo).orElse(null);
        var ai = s.ai();
        var read = new TraineeRead(attempt, c.versionId(), user.id(), s.phase().code(), module.readingMode().code(), s.openedAt(), firstMark, now,
                s.assessmentAbnormal(), s.diagnosis(), s.overallConfidence(), ai.available(), ai.shownAtOpen(), ai.visibleAtSubmit(),
                ai.firstShownAt(), ai.toggleCount());
        read.recordAiRequest(ai.requestedAt());
        Long exposedBy = exposure.firstSeen(user.id(), attempt.getId(), c.slug());
        if (exposedBy != null) {
            read.markRepeatOf(exposedBy); // scored and fed back, never counted (ADR 0015)
        }
        for (var m : s.marks()) {
            double[] patientMm = c.images().get(m.imageIndex()).toPatient(m.x(), m.y()).orElse(null);
            read.addMark(new ReadMark(read, m.key(), m.imageIndex(), m.x(), m.y(), m.label(), m.confidence(), m.placedAt(),
                    m.shape().code(), m.width(), m.height(), m.note(), patientMm));
        }
        int seq = 0;
        for (var e : s.events()) {
            read.addEvent(new ReadEventEntity(read, seq++, e.at(), e.kind().code(), e.markKey(), e.detail()));
        }
        SubmittedRead saved;
        try {
            saved = AttemptMapping.read(reads.saveAndFlush(read));
        } catch (DataIntegrityViolationException e) {
            // the unique key (attempt, case version, phase): another tab submitted this case a moment ago
            throw new ReadRejectedException(s.phase() == ReadPhase.INITIAL ? "Your first read of this case is already committed."
                    : "This case has already been submitted; a read cannot be changed or sent twice.");
        }
        events.publishEvent(new ReadSubmitted(saved));
        return saved;
    }

    /**
     * {@link #openCase} for a submission to the locked attempt, decided by the same rules from the attempt's reads
     * already loaded: a case of its draw, in the version this attempt read (in any phase) or else the latest one if no
     * other version of the case was read in it.
     */
    private Optional<CaseForReading> caseToSubmit(ModuleAttempt attempt, List<ReadKey> attemptReads, long caseVersionId) {
        var kase = cases.forReading(caseVersionId);
        if (kase.isEmpty() || !mapping.info(attempt).caseSlugs().contains(kase.get().slug())) {
            return Optional.empty();
        }
        if (attemptReads.stream().anyMatch(r -> r.caseVersionId() == caseVersionId)) {
            return kase;
        }
        String slug = kase.get().slug();
        var slugs = cases.slugsOf(attemptReads.stream().map(ReadKey::caseVersionId).collect(java.util.stream.Collectors.toSet()));
        if (attemptReads.stream().anyMatch(r -> slug.equals(slugs.get(r.caseVersionId())))) {
            return Optional.empty(); // another version of this case was read in this attempt
        }
        return cases.latestVersionId(slug).filter(id -> id == caseVersionId).isPresent() ? kase : Optional.empty();
    }

    private static boolean hasRead(List<ReadKey> attemptReads, long caseVersionId, ReadPhase phase) {
        return attemptReads.stream().anyMatch(r -> r.caseVersionId() == caseVersionId && r.phase().equals(phase.code()));
    }

    /** Modules the current user has passed (latest attempt PASSED). */
    public Set<Long> passedModules() {
        UserSummary user = currentUser.require();
        Set<Long> passed = new HashSet<>();
        attempts.findByUserId(user.id()).stream().filter(a -> a.getStatus() == ModuleAttempt.Status.PASSED)
                .forEach(a -> passed.add(a.getModuleId()));
        return passed;
    }
}
