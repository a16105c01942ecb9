package org.calibra.certification.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.calibra.certification.credential.BitstringStatusList;
import org.calibra.certification.credential.CredentialJwt;
import org.calibra.certification.credential.OpenBadgeCredential;
import org.calibra.certification.credential.SigningKeys;
import org.calibra.curriculum.CurriculumService;
import org.calibra.shared.JsonText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * Turns a certificate into its signed OpenBadgeCredential with the current key and attaches it. The status index
 * is the certificate's row id: list {@code id / 131072}, bit {@code id % 131072}, the same in the revocation and
 * the suspension list.
 */
@Component
public class CredentialIssuer {

    private static final Logger log = LoggerFactory.getLogger(CredentialIssuer.class);

    private final SigningKeyStore keys;
    private final IssuerSettings settings;
    private final CurriculumService curricula;
    private final CertificateRepository certificates;

    CredentialIssuer(SigningKeyStore keys, IssuerSettings settings, CurriculumService curricula, CertificateRepository certificates) {
        this.keys = keys;
        this.settings = settings;
        this.curricula = curricula;
        this.certificates = certificates;
    }

    /** Frozen evidence as stored with the certificate. */
    public record StoredEvidence(String module, int casesRead, String sensitivity, String specificity, List<String> thresholds,
                                 Integer curriculumVersion) {}

    public void attach(CertificateEntity c) {
        int index = Math.toIntExact(c.getId());
        int list = index / BitstringStatusList.SIZE;
        var curriculum = curricula.curriculum(c.getCurriculumId()).orElseThrow();
        List<StoredEvidence> stored = JsonText.read(c.getEvidence(), new TypeReference<List<StoredEvidence>>() {});
        var content = new OpenBadgeCredential.Content(settings.verifyUrl(c.getPublicId()), subjectId(c.getUserId()), c.getHolderName(),
                settings.achievementId(curriculum.slug()), c.getTitle(), curriculum.description(), JsonText.toList(c.getCompetencies()),
                stored.stream().map(e -> new OpenBadgeCredential.ModuleResult(e.module(), e.casesRead(), e.sensitivity(), e.specificity(),
                        e.thresholds(), e.curriculumVersion())).toList(), c.getCreditHours(),
                c.getIssuedAt(), c.getExpiresAt(), settings.profile(),
                new OpenBadgeCredential.Status(settings.statusListUrl("revocation-" + list), index % BitstringStatusList.SIZE),
                new OpenBadgeCredential.Image(settings.badgeUrl(curriculum.slug()), "Calibra badge: " + curriculum.title()));
        var key = keys.keys().current();
        String kid = SigningKeys.kidUrl(settings.keyBaseUrl(), key.getKeyID());
        c.attachCredential(index, CredentialJwt.sign(OpenBadgeCredential.build(content), key, kid), kid);
    }

    /** Certificates issued before credentials existed get theirs once, at start-up. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void attachMissing() {
        var missing = certificates.findByCredentialJwtIsNull();
        missing.forEach(this::attach);
        if (!missing.isEmpty()) {
            log.info("Signed credentials for {} certificate(s) issued before credentials existed", missing.size());
        }
    }

    /** A stable, opaque subject id per holder and installation: no name or e-mail in a URL. */
    private String subjectId(long userId) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((settings.issuerId() + "#holder-" + userId).getBytes(StandardCharsets.UTF_8));
    }
}
