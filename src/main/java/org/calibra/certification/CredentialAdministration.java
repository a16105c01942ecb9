package org.calibra.certification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.calibra.certification.credential.KeyAlgorithm;
import org.calibra.certification.credential.SigningKeys;
import org.calibra.certification.internal.CertificateEntity;
import org.calibra.certification.internal.CertificateRepository;
import org.calibra.certification.internal.IssuerSettings;
import org.calibra.certification.internal.SigningKeyStore;
import org.calibra.certification.internal.StatusChangeEntity;
import org.calibra.certification.internal.StatusChangeRepository;
import org.calibra.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do with credentials: revoke (for good), suspend and reinstate — each with a reason kept
 * with the certificate and appended to the status-change log — and rotate the signing key.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('ADMIN')")
public class CredentialAdministration {

    private static final Logger log = LoggerFactory.getLogger(CredentialAdministration.class);
    private static final int MAX_REASON = 1000;

    private final CertificateRepository certificates;
    private final StatusChangeRepository changes;
    private final SigningKeyStore keyStore;
    private final IssuerSettings settings;
    private final CurrentUser currentUser;
    private final Clock clock;

    CredentialAdministration(CertificateRepository certificates, StatusChangeRepository changes, SigningKeyStore keyStore, IssuerSettings settings,
                             CurrentUser currentUser, Clock clock) {
        this.certificates = certificates;
        this.changes = changes;
        this.keyStore = keyStore;
        this.settings = settings;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public List<CredentialAdminRow> all() {
        Instant now = clock.instant();
        return certificates.findAllByOrderByIssuedAtDesc().stream().map(c -> {
            var record = CertificateService.toRecord(c, now);
            String reason = c.getRevokedAt() != null ? c.getRevocationReason() : c.getSuspendedAt() != null ? c.getSuspensionReason() : null;
            return new CredentialAdminRow(c.getPublicId(), c.getHolderName(), c.getTitle(), c.getIssuedAt(), c.getExpiresAt(), record.status(),
                    reason, c.getCredentialKid());
        }).toList();
    }

    @Transactional
    public void revoke(String publicId, String reason) {
        var c = forChange(publicId, reason);
        c.revoke(clock.instant(), reason.strip());
        logChange(c, "revoked", reason);
    }

    @Transactional
    public void suspend(String publicId, String reason) {
        var c = forChange(publicId, reason);
        c.suspend(clock.instant(), reason.strip());
        logChange(c, "suspended", reason);
    }

    @Transactional
    public void reinstate(String publicId, String reason) {
        var c = forChange(publicId, reason);
        c.reinstate();
        logChange(c, "reinstated", reason);
    }

    private CertificateEntity forChange(String publicId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A reason is required");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new IllegalArgumentException("The reason is longer than " + MAX_REASON + " characters");
        }
        return certificates.findByPublicId(publicId).orElseThrow(() -> new IllegalArgumentException("No certificate " + publicId));
    }

    private void logChange(CertificateEntity c, String action, String reason) {
        String actor = currentUser.require().username();
        changes.save(new StatusChangeEntity(c.getId(), action, reason.strip(), actor, clock.instant()));
        log.info("Certificate {} {} by {}: {}", c.getPublicId(), action, actor, reason.strip());
    }

    public List<SigningKeyInfo> signingKeys() {
        var keys = keyStore.keys();
        return keys.keys().stream().map(k -> new SigningKeyInfo(k.getKeyID(), SigningKeys.kidUrl(settings.keyBaseUrl(), k.getKeyID()),
                KeyAlgorithm.of(k).name(), k.getIssueTime() == null ? null : k.getIssueTime().toInstant(), k.getKeyID().equals(keys.currentKeyId())))
                .sorted((a, b) -> b.keyId().compareTo(a.keyId())).toList();
    }

    public SigningKeyInfo rotateKey(String algorithm) {
        var keys = keyStore.rotate(KeyAlgorithm.parse(algorithm));
        log.info("Signing key rotated by {}", currentUser.require().username());
        return signingKeys().stream().filter(k -> k.keyId().equals(keys.currentKeyId())).findFirst().orElseThrow();
    }
}
