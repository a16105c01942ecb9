package org.calibra.certification;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.calibra.certification.credential.OpenBadgeCredential;
import org.calibra.certification.internal.CertificateEntity;
import org.calibra.certification.internal.CertificateRepository;
import org.calibra.certification.internal.CredentialIssuer;
import org.calibra.competency.ModulePassed;
import org.calibra.curriculum.CurriculumInfo;
import org.calibra.curriculum.CurriculumService;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.security.CurrentUser;
import org.calibra.security.UserService;
import org.calibra.security.UserSummary;
import org.calibra.shared.JsonText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * Issues a certificate when a trainee has passed every module of a curriculum, and answers public
 * verification by the certificate's unguessable id. Each certificate carries its signed Open Badges 3.0
 * credential from the moment it is issued ({@link CredentialService} verifies and publishes).
 */
@Service
@Transactional(readOnly = true)
public class CertificateService {

    private static final Logger log = LoggerFactory.getLogger(CertificateService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CertificateRepository certificates;
    private final CurriculumService curricula;
    private final org.calibra.reading.AttemptRecords records;
    private final org.calibra.scoring.ScoringService scoring;
    private final CurrentUser currentUser;
    private final UserService users;
    private final Clock clock;
    private final String issuerName;
    private final CredentialIssuer credentials;
    @org.springframework.beans.factory.annotation.Autowired private org.springframework.context.ApplicationEventPublisher events; // CertificateIssued (audit)

    CertificateService(CertificateRepository certificates, CurriculumService curricula, org.calibra.reading.AttemptRecords records,
                       org.calibra.scoring.ScoringService scoring,
                       CurrentUser currentUser, UserService users, Clock clock, @Value("${calibra.institution.name}") String issuerName,
                       CredentialIssuer credentials) {
        this.credentials = credentials;
        this.certificates = certificates;
        this.curricula = curricula;
        this.records = records;
        this.scoring = scoring;
        this.currentUser = currentUser;
        this.users = users;
        this.clock = clock;
        this.issuerName = issuerName;
    }

    /** Everything it needs comes from the event (whose pass it is), never from the signed-in user. */
    @EventListener
    @Transactional
    public void onModulePassed(ModulePassed event) {
        CurriculumInfo curriculum = curricula.curriculum(event.curriculumId()).orElseThrow();
        Set<Long> passed = records.passedModules(event.userId());
        boolean all = curriculum.modules().stream().allMatch(m -> passed.contains(m.id()));
        if (!all || certificates.findByUserIdAndCurriculumId(event.userId(), curriculum.id()).isPresent()) {
            return;
        }
        UserSummary holder = users.findById(event.userId()).orElseThrow();
        // whole seconds, as the signed credential states them (validFrom/validUntil): the API and the pages repeat these
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.atOffset(ZoneOffset.UTC).plusMonths(curriculum.validityMonths()).toInstant();
        var evidence = curriculum.modules().stream().map(m -> evidenceOf(event.userId(), m)).toList();
        var entity = new CertificateEntity(newPublicId(), holder.id(), curriculum.id(), holder.displayName(), curriculum.certificateTitle(),
                issuerName, JsonText.ofList(curriculum.competencies()), JsonText.write(evidence), now, expires);
        entity.worth(curriculum.creditHours());
        certificates.saveAndFlush(entity);
        credentials.attach(entity);
        events.publishEvent(new CertificateIssued(entity.getPublicId(), holder.id(), curriculum.id()));
        log.info("Issued certificate {} to user {} for curriculum {}", entity.getPublicId(), holder.username(), curriculum.slug());
    }

    /** Public: anyone holding the id may check it. */
    public Optional<CertificateRecord> verify(String publicId) {
        if (publicId == null || !publicId.matches("[A-Za-z0-9_-]{16,64}")) {
            return Optional.empty();
        }
        return certificates.findByPublicId(publicId).map(this::toRecord);
    }

    public List<CertificateRecord> mine() {
        return currentUser.get().map(u -> certificates.findByUserIdOrderByIssuedAtDesc(u.id()).stream().map(this::toRecord).toList())
                .orElse(List.of());
    }

    /**
     * The figures of the holder's latest attempt at the module (the one that passed it), frozen into the certificate with
     * the thresholds of the curriculum version it was decided under, and that version.
     */
    private CertificateRecord.ModuleEvidence evidenceOf(long userId, ModuleInfo latest) {
        var attempt = records.latestAttempt(userId, latest.id());
        ModuleInfo module = attempt.flatMap(a -> curricula.moduleAt(a.moduleId(), a.curriculumVersion())).orElse(latest);
        var metrics = attempt.map(a -> scoring.figuresForDecision(a.id(), false).metrics())
                .orElseGet(() -> org.calibra.scoring.domain.ModuleMetrics.compute(List.of()));
        // the domain's wording, not a page's: what a signed credential says must not change with the UI
        return new CertificateRecord.ModuleEvidence(module.title(), metrics.casesRead(), metrics.sensitivity().inWords(),
                metrics.specificity().inWords(), module.thresholds().stream().map(ModuleInfo.ThresholdRule::describe).toList(),
                attempt.map(org.calibra.reading.AttemptInfo::id).orElse(null), module.version());
    }

    private CertificateRecord toRecord(CertificateEntity c) {
        return toRecord(c, clock.instant());
    }

    /** The certificate as holder and verifier see it, with its status at {@code now}. */
    static CertificateRecord toRecord(CertificateEntity c, Instant now) {
        var status = c.getRevokedAt() != null ? CertificateRecord.Status.REVOKED
                : c.getSuspendedAt() != null ? CertificateRecord.Status.SUSPENDED
                : now.isAfter(c.getExpiresAt()) ? CertificateRecord.Status.EXPIRED : CertificateRecord.Status.VALID;
        List<CertificateRecord.ModuleEvidence> evidence = JsonText.read(c.getEvidence(), new TypeReference<List<CertificateRecord.ModuleEvidence>>() {});
        return new CertificateRecord(c.getPublicId(), c.getHolderName(), c.getTitle(), c.getIssuerName(), JsonText.toList(c.getCompetencies()),
                evidence, seconds(c.getIssuedAt()), seconds(c.getExpiresAt()), seconds(c.getRevokedAt()), status, seconds(c.getSuspendedAt()),
                c.getCreditHours(), OpenBadgeCredential.imagePath(c.getCredentialJwt()));
    }

    /**
     * The credential states its dates in whole seconds; everything that repeats them (API, pages, lists) does too, so a
     * verifier comparing the API's {@code validFrom} with the credential's finds the same string. Certificates issued
     * before dates were truncated at the source are truncated here.
     */
    private static Instant seconds(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS);
    }

    /** 128 random bits, URL-safe: unguessable and unrelated to the holder or the row id. */
    static String newPublicId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
