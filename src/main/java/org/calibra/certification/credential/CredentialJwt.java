package org.calibra.certification.credential;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Signs a credential as a VC-JWT (OB 3.0 §8.2, VC-JOSE): the header has exactly {@code alg}, {@code kid} (the
 * key's URL) and {@code typ: "JWT"}; the payload is the credential itself plus the registered claims
 * {@code iss} = issuer.id, {@code jti} = id, {@code sub} = credentialSubject.id, {@code nbf} = validFrom and
 * {@code exp} = validUntil.
 */
public final class CredentialJwt {

    private CredentialJwt() {
    }

    /**
     * @param credential the credential as JSON-compatible maps and lists; must have issuer.id, id and validFrom
     * @param key        a private JWK (RSA, EC P-256 or Ed25519)
     * @param kidUrl     the URL the key is published at
     */
    public static String sign(Map<String, Object> credential, JWK key, String kidUrl) {
        KeyAlgorithm algorithm = KeyAlgorithm.of(key);
        var header = new JWSHeader.Builder(algorithm.jws()).keyID(kidUrl).type(JOSEObjectType.JWT).build();
        var claims = new JWTClaimsSet.Builder();
        credential.forEach(claims::claim);
        claims.issuer(issuerId(credential)).jwtID((String) credential.get("id"));
        if (credential.get("credentialSubject") instanceof Map<?, ?> subject && subject.get("id") instanceof String sub) {
            claims.subject(sub);
        }
        claims.notBeforeTime(Date.from(Instant.parse((String) credential.get("validFrom"))));
        if (credential.get("validUntil") instanceof String until) {
            claims.expirationTime(Date.from(Instant.parse(until)));
        }
        var jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign the credential", e);
        }
        return jwt.serialize();
    }

    static String issuerId(Map<String, Object> credential) {
        Object issuer = credential.get("issuer");
        if (issuer instanceof Map<?, ?> profile && profile.get("id") instanceof String id) {
            return id;
        }
        if (issuer instanceof String id) {
            return id;
        }
        throw new IllegalArgumentException("The credential has no issuer id");
    }

    private static JWSSigner signer(JWK key) throws JOSEException {
        return switch (KeyAlgorithm.of(key)) {
            case RS256 -> new RSASSASigner(key.toRSAKey());
            case ES256 -> new ECDSASigner(key.toECKey());
            case EdDSA -> new Ed25519Signer(key.toOctetKeyPair());
        };
    }
}
