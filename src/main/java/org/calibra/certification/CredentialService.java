package org.calibra.certification;

import com.nimbusds.jose.jwk.JWK;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.calibra.certification.credential.BitstringStatusList;
import org.calibra.certification.credential.CredentialVerifier;
import org.calibra.certification.credential.OpenBadgeCredential;
import org.calibra.certification.credential.SigningKeys;
import org.calibra.certification.credential.StatusLookup;
import org.calibra.certification.credential.Verification;
import org.calibra.certification.credential.Verification.Outcome;
import org.calibra.certification.internal.CertificateEntity;
import org.calibra.certification.internal.CertificatePdf;
import org.calibra.certification.internal.CertificateRepository;
import org.calibra.certification.internal.IssuerSettings;
import org.calibra.certification.internal.SigningKeyStore;
import org.calibra.certification.internal.StatusLists;
import org.calibra.certification.internal.VerificationCheckEntity;
import org.calibra.certification.internal.VerificationCheckRepository;
import org.calibra.security.CurrentUser;
import org.calibra.security.Role;
import org.calibra.shared.JsonText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certificates as verifiable credentials: publishes the issuer's keys, profile and status lists; verifies a
 * credential (pasted, uploaded or by certificate id) with the published keys, the status list and the dates;
 * gives holders their credential and PDF. Administration is {@link CredentialAdministration}.
 */
@Service
@Transactional(readOnly = true)
public class CredentialService {

    private static final Pattern PUBLIC_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern LIST_NAME = Pattern.compile("(revocation|suspension)-(\\d{1,5})");

    private final CertificateRepository certificates;
    private final VerificationCheckRepository checks;
    private final SigningKeyStore keyStore;
    private final IssuerSettings settings;
    private final CertificatePdf pdf;
    private final StatusLists statusLists;
    private final CurrentUser currentUser;
    private final Clock clock;

    CredentialService(CertificateRepository certificates, VerificationCheckRepository checks, SigningKeyStore keyStore,
                      IssuerSettings settings, CertificatePdf pdf, StatusLists statusLists, CurrentUser currentUser, Clock clock) {
        this.statusLists = statusLists;
        this.certificates = certificates;
        this.checks = checks;
        this.keyStore = keyStore;
        this.settings = settings;
        this.pdf = pdf;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    // ---- what the issuer publishes -------------------------------------------------------------------------

    /** Every public key this installation ever signed with, each {@code kid} its URL. */
    public String jwks() {
        return keyStore.keys().publicJwks(settings.keyBaseUrl()).toString();
    }

    /** One public key as a JWK, by the last part of its URL. */
    public Optional<String> publicKey(String keyId) {
        return keyStore.keys().find(keyId).map(k -> SigningKeys.publicWithUrl(k, settings.keyBaseUrl()).toJSONString());
    }

    public String issuerProfile() {
        var profile = new LinkedHashMap<String, Object>();
        profile.put("@context", List.of(OpenBadgeCredential.VC_CONTEXT, OpenBadgeCredential.OB_CONTEXT));
        profile.putAll(settings.profile().profile());
        return JsonText.write(profile);
    }

    /** A did:web document listing the same keys as the JWKS, for verifiers that resolve DIDs. */
    public String didDocument() {
        String did = settings.didWeb();
        List<Map<String, Object>> methods = new ArrayList<>();
        for (JWK key : keyStore.keys().keys()) {
            var jwk = new LinkedHashMap<>(key.toPublicJWK().toJSONObject());
            jwk.remove("kid");
            methods.add(Map.of("id", did + "#" + key.getKeyID(), "type", "JsonWebKey2020", "controller", did, "publicKeyJwk", jwk));
        }
        var doc = new LinkedHashMap<String, Object>();
        doc.put("@context", List.of("https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"));
        doc.put("id", did);
        doc.put("verificationMethod", methods);
        doc.put("assertionMethod", methods.stream().map(m -> m.get("id")).toList());
        return JsonText.write(doc);
    }

    /**
     * The signed BitstringStatusListCredential for "revocation-N" or "suspension-N": signed once per change of the
     * certificates' status (or key rotation), and the same bytes until then.
     */
    public Optional<StatusListJwt> statusList(String name) {
        return statusLists.list(name);
    }

    // ---- verification -----------------------------------------------------------------------------------------

    /** Checks a credential (compact JWS) someone holds. Anyone may; a signed-in verifier's checks are remembered. */
    @Transactional
    public VerificationReport verifyCredential(String jws) {
        return verifyCredential(jws, null);
    }

    /** As {@link #verifyCredential(String)}, remembered as one item of a verifier's bulk run (null: a single check). */
    @Transactional
    public VerificationReport verifyCredential(String jws, BulkRun run) {
        var report = check(jws);
        remember(report, run);
        return report;
    }

    /** Checks the credential issued with the certificate of this public id. */
    @Transactional
    public VerificationReport verifyId(String publicId) {
        return verifyId(publicId, null);
    }

    /** As {@link #verifyId(String)}, remembered as one item of a verifier's bulk run (null: a single check). */
    @Transactional
    public VerificationReport verifyId(String publicId, BulkRun run) {
        var report = checkId(publicId);
        remember(report, run);
        return report;
    }

    private VerificationReport checkId(String publicId) {
        if (publicId == null || !PUBLIC_ID.matcher(publicId.strip()).matches()) {
            return new VerificationReport(Outcome.NOT_FOUND, "No certificate has this ID here.", null, null, null);
        }
        var entity = certificates.findByPublicId(publicId.strip());
        if (entity.isEmpty() || entity.get().getCredentialJwt() == null) {
            return new VerificationReport(Outcome.NOT_FOUND, "No certificate has this ID here.", publicId.strip(), null, null);
        }
        return check(entity.get().getCredentialJwt());
    }

    private VerificationReport check(String jws) {
        SigningKeys keys = keyStore.keys();
        var verifier = new CredentialVerifier(settings.issuerId(), kid -> keys.byKidUrl(kid, settings.keyBaseUrl()).map(JWK::toPublicJWK));
        Verification v = verifier.verify(jws, statusFromDatabase(), clock.instant());
        if (!v.outcome().genuine()) {
            return new VerificationReport(v.outcome(), v.message(), null, null, null);
        }
        String publicId = publicIdOf(v.credentialId());
        var entity = publicId == null ? Optional.<CertificateEntity>empty() : certificates.findByPublicId(publicId);
        if (entity.isEmpty()) {
            return new VerificationReport(Outcome.NOT_FOUND, "Signed by this issuer, but no such certificate is on record here.", publicId,
                    v.credentialId(), null);
        }
        var record = CertificateService.toRecord(entity.get(), clock.instant());
        if (v.outcome() != Outcome.REVOKED && entity.get().getSuspendedAt() != null) {
            v = v.withOutcome(Outcome.SUSPENDED, "Genuine, but the issuer has suspended it for now.");
        }
        String reason = entity.get().getRevokedAt() != null ? entity.get().getRevocationReason() : entity.get().getSuspensionReason();
        return new VerificationReport(v.outcome(), v.message(), publicId, v.credentialId(), record, reason);
    }

    /** The credential's status bits, read from the certificates they stand for (what the status lists publish). */
    private StatusLookup statusFromDatabase() {
        String prefix = settings.statusListUrl("");
        return (url, index) -> {
            if (url == null || !url.startsWith(prefix)) {
                return false;
            }
            var m = LIST_NAME.matcher(url.substring(prefix.length()));
            if (!m.matches()) {
                return false;
            }
            int absolute = Integer.parseInt(m.group(2)) * BitstringStatusList.SIZE + index;
            return certificates.findByStatusIndex(absolute)
                    .map(c -> m.group(1).equals("revocation") ? c.getRevokedAt() != null : c.getSuspendedAt() != null).orElse(false);
        };
    }

    private String publicIdOf(String credentialId) {
        String prefix = settings.verifyUrl("");
        if (credentialId == null || !credentialId.startsWith(prefix)) {
            return null;
        }
        String id = credentialId.substring(prefix.length());
        return PUBLIC_ID.matcher(id).matches() ? id : null;
    }

    private void remember(VerificationReport report, BulkRun run) {
        if (!currentUser.hasRole(Role.VERIFIER)) {
            return;
        }
        currentUser.get().ifPresent(u -> checks.save(new VerificationCheckEntity(u.id(), report.publicId(), report.credentialId(),
                report.certificate() == null ? null : report.certificate().holderName(),
                report.certificate() == null ? null : report.certificate().title(), report.outcome().name(), clock.instant())
                .partOf(run)));
    }

    @PreAuthorize("hasRole('VERIFIER')")
    public List<CheckedCredential> myChecks() {
        long me = currentUser.require().id();
        return checks.findTop200ByUserIdOrderByCheckedAtDesc(me).stream().map(c -> new CheckedCredential(c.getPublicId(), c.getHolderName(),
                c.getTitle(), c.getCheckedAt(), c.getOutcome(), c.getPublicId() == null ? null : checkId(c.getPublicId()).outcome(),
                c.bulkRun())).toList();
    }

    // ---- the holder's files --------------------------------------------------------------------------------------

    /** The signed credential (compact JWS), for its holder (or an administrator) only. */
    public Optional<String> credentialFile(String publicId) {
        return ownOrAdmin(publicId).map(CertificateEntity::getCredentialJwt);
    }

    /** The PDF certificate, for its holder (or an administrator) only. */
    public Optional<byte[]> pdfFile(String publicId) {
        return ownOrAdmin(publicId).map(c -> pdf.render(CertificateService.toRecord(c, clock.instant()), settings.verifyUrl(c.getPublicId())));
    }

    public String shareUrl(String publicId) {
        return settings.verifyUrl(publicId);
    }

    /** LinkedIn's "Add to profile" link for this certificate, its credential URL the public verification page. */
    public String addToLinkedInUrl(CertificateRecord c) {
        return LinkedInCertification.addToProfileUrl(c.title(), c.issuerName(), settings.linkedInOrganizationId(), c.issuedAt(), c.expiresAt(),
                settings.verifyUrl(c.publicId()), c.publicId());
    }

    private Optional<CertificateEntity> ownOrAdmin(String publicId) {
        var user = currentUser.get();
        if (user.isEmpty() || publicId == null || !PUBLIC_ID.matcher(publicId).matches()) {
            return Optional.empty();
        }
        return certificates.findByPublicId(publicId).filter(c -> c.getCredentialJwt() != null)
                .filter(c -> c.getUserId() == user.get().id() || currentUser.hasRole(Role.ADMIN));
    }
}
