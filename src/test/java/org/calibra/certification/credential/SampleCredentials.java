package org.calibra.certification.credential;

import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A test issuer at https://calibra.example with one key, and credentials it issues. */
final class SampleCredentials {

    static final String BASE = "https://calibra.example";
    static final String ISSUER = BASE + "/credentials/issuer";
    static final String KEYS = BASE + "/credentials/keys";
    static final String REVOCATION_LIST = BASE + "/credentials/status/revocation-0";
    static final Instant ISSUED = Instant.parse("2026-11-23T09:00:00Z");
    static final Instant EXPIRES = Instant.parse("2028-11-23T09:00:00Z");

    private SampleCredentials() {
    }

    static OpenBadgeCredential.Content content(String issuerId, int statusIndex) {
        var issuer = new OpenBadgeCredential.Issuer(issuerId, "St. Example Teaching Hospital", BASE, "", "Radiology training", null);
        return new OpenBadgeCredential.Content(BASE + "/verify/AbCdEfGhIjKlMnOpQrStUv", "urn:uuid:6f1c8f0e-3b1d-3c4e-9a55-0c2f1b7d9e10",
                "Dr. Rosa Resident", BASE + "/credentials/achievements/ai-reading-foundations", "Calibra certificate: Reading with AI — foundations",
                "Reading common studies with an AI's suggestion shown.", List.of("Detects focal lesions", "Weighs the AI's advice"),
                List.of(new OpenBadgeCredential.ModuleResult("First reads with AI", 6, "100% (95% CI 61%–100%)", "100% (95% CI 51%–100%)",
                        List.of("sensitivity ≥ 0.70", "specificity ≥ 0.70"), 1)), 12.0,
                ISSUED, EXPIRES, issuer, new OpenBadgeCredential.Status(REVOCATION_LIST, statusIndex),
                new OpenBadgeCredential.Image(BASE + "/credentials/badges/ai-reading-foundations.png", "Badge: Reading with AI — foundations"));
    }

    static Map<String, Object> credential() {
        return OpenBadgeCredential.build(content(ISSUER, 42));
    }

    static String sign(Map<String, Object> credential, JWK key) {
        return CredentialJwt.sign(credential, key, SigningKeys.kidUrl(KEYS, key.getKeyID()));
    }

    static CredentialVerifier verifierFor(SigningKeys keys) {
        return new CredentialVerifier(ISSUER, kid -> keys.byKidUrl(kid, KEYS).map(JWK::toPublicJWK));
    }

    static CredentialVerifier verifierFor(JWK key) {
        return new CredentialVerifier(ISSUER, kid -> SigningKeys.kidUrl(KEYS, key.getKeyID()).equals(kid) ? Optional.of(key.toPublicJWK()) : Optional.empty());
    }
}
