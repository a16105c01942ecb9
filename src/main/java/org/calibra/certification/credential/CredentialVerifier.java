package org.calibra.certification.credential;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.calibra.certification.credential.Verification.Outcome;

/**
 * Checks a VC-JWT the way a careful verifier would, in this order: is it a compact JWS; does it parse (a changed
 * byte in header or payload usually breaks the JSON: tampered); is the key one this issuer published (if not:
 * unknown issuer, or unknown key when the credential claims this issuer); does the signature hold (else
 * tampered, whatever byte changed); is the issuer this one; is the payload consistent with its registered claims;
 * is it revoked or suspended; is it within its validity period.
 */
public final class CredentialVerifier {

    private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);

    private final String issuerId;
    private final Function<String, Optional<JWK>> keyByKid;

    /**
     * @param issuerId the only issuer accepted
     * @param keyByKid the issuer's published public keys by {@code kid}
     */
    public CredentialVerifier(String issuerId, Function<String, Optional<JWK>> keyByKid) {
        this.issuerId = issuerId;
        this.keyByKid = keyByKid;
    }

    public Verification verify(String compact, StatusLookup status, Instant now) {
        String jws = compact == null ? "" : compact.strip();
        if (!COMPACT.matcher(jws).matches()) {
            return Verification.failed(Outcome.MALFORMED, "This is not a signed credential (a compact JWS has three base64url parts separated by dots).");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(jws);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            return Verification.failed(Outcome.TAMPERED, "The credential's header or content is damaged: it no longer reads as what was signed.");
        }
        var header = jwt.getHeader();
        if (!ALLOWED.contains(header.getAlgorithm()) || (header.getType() != null && !JOSEObjectType.JWT.equals(header.getType()))) {
            return Verification.failed(Outcome.TAMPERED, "The credential's header is not one this issuer signs with (" + header.getAlgorithm() + ").");
        }
        Optional<JWK> key = keyByKid.apply(header.getKeyID());
        if (key.isEmpty()) {
            return issuerId.equals(claims.getIssuer())
                    ? Verification.failed(Outcome.UNKNOWN_KEY, "The credential names a signing key this issuer never published (" + header.getKeyID() + ").")
                    : Verification.failed(Outcome.UNKNOWN_ISSUER, "This credential was not issued here (issuer " + claims.getIssuer() + ").");
        }
        if (!verifies(jwt, key.get())) {
            return Verification.failed(Outcome.TAMPERED, "The signature does not match the content: the credential was changed after it was signed.");
        }
        if (!issuerId.equals(claims.getIssuer())) {
            return Verification.failed(Outcome.UNKNOWN_ISSUER, "This credential was not issued here (issuer " + claims.getIssuer() + ").");
        }
        Map<String, Object> credential = claims.toJSONObject();
        String id = claims.getJWTID();
        var verified = new Verification(Outcome.VALID, "Genuine: signed by this issuer, not revoked, and within its validity period.", credential, id);
        String inconsistency = inconsistency(claims, credential);
        if (inconsistency != null) {
            return Verification.failed(Outcome.MALFORMED, "The signed content is inconsistent: " + inconsistency + ".");
        }
        for (var entry : statusEntries(credential)) {
            if (status.isSet(entry.listUrl(), entry.index())) {
                return "suspension".equals(entry.purpose())
                        ? verified.withOutcome(Outcome.SUSPENDED, "Genuine, but the issuer has suspended it for now.")
                        : verified.withOutcome(Outcome.REVOKED, "Genuine, but the issuer has revoked it.");
            }
        }
        Date exp = claims.getExpirationTime();
        if (exp != null && now.isAfter(exp.toInstant())) {
            return verified.withOutcome(Outcome.EXPIRED, "Genuine, but it expired on " + exp.toInstant() + ".");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.isBefore(nbf.toInstant())) {
            return verified.withOutcome(Outcome.NOT_YET_VALID, "Genuine, but not valid before " + nbf.toInstant() + ".");
        }
        return verified;
    }

    private static boolean verifies(SignedJWT jwt, JWK key) {
        try {
            JWSVerifier verifier = switch (KeyAlgorithm.of(key)) {
                case RS256 -> new RSASSAVerifier(key.toRSAKey());
                case ES256 -> new ECDSAVerifier(key.toECKey());
                case EdDSA -> new Ed25519Verifier(key.toOctetKeyPair());
            };
            return KeyAlgorithm.of(key).jws().equals(jwt.getHeader().getAlgorithm()) && jwt.verify(verifier);
        } catch (JOSEException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The registered claims must repeat the credential's own fields (OB 3.0 §8.2.4.1). */
    private static String inconsistency(JWTClaimsSet claims, Map<String, Object> credential) {
        if (!Objects.equals(claims.getJWTID(), credential.get("id"))) {
            return "jti differs from the credential id";
        }
        String issuer;
        try {
            issuer = CredentialJwt.issuerId(credential);
        } catch (IllegalArgumentException e) {
            return "no issuer";
        }
        if (!issuer.equals(claims.getIssuer())) {
            return "iss differs from issuer.id";
        }
        if (!(credential.get("type") instanceof List<?> types) || !types.contains("VerifiableCredential") || !types.contains("OpenBadgeCredential")) {
            return "it is not an OpenBadgeCredential";
        }
        return null;
    }

    record StatusEntry(String purpose, String listUrl, int index) {}

    static List<StatusEntry> statusEntries(Map<String, Object> credential) {
        Object status = credential.get("credentialStatus");
        List<?> entries = status instanceof List<?> l ? l : status == null ? List.of() : List.of(status);
        return entries.stream().filter(Map.class::isInstance).map(Map.class::cast)
                .filter(e -> "BitstringStatusListEntry".equals(e.get("type")))
                .map(e -> new StatusEntry(String.valueOf(e.get("statusPurpose")), String.valueOf(e.get("statusListCredential")),
                        parseIndex(e.get("statusListIndex"))))
                .filter(e -> e.index() >= 0).toList();
    }

    private static int parseIndex(Object value) {
        try {
            return Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
