package org.calibra.certification.credential;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

/** The signature algorithms OB 3.0 §8.2 allows for VC-JWT: RS256 (the interoperability minimum), ES256 and EdDSA (Ed25519). */
public enum KeyAlgorithm {
    RS256(JWSAlgorithm.RS256), ES256(JWSAlgorithm.ES256), EdDSA(JWSAlgorithm.EdDSA);

    private final JWSAlgorithm jws;

    KeyAlgorithm(JWSAlgorithm jws) {
        this.jws = jws;
    }

    public JWSAlgorithm jws() {
        return jws;
    }

    /** "RS256", "es256", "EdDSA", "Ed25519" → the algorithm; anything else is refused with the allowed names. */
    public static KeyAlgorithm parse(String name) {
        String n = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        return switch (n) {
            case "RS256" -> RS256;
            case "ES256" -> ES256;
            case "EDDSA", "ED25519" -> EdDSA;
            default -> throw new IllegalArgumentException("Unknown credential signing algorithm '" + name + "': use RS256, ES256 or EdDSA");
        };
    }

    /** The algorithm a key signs with, from its JWK. */
    public static KeyAlgorithm of(JWK key) {
        return switch (key.getKeyType().getValue()) {
            case "RSA" -> RS256;
            case "EC" -> ES256;
            case "OKP" -> EdDSA;
            default -> throw new IllegalArgumentException("Unsupported key type " + key.getKeyType());
        };
    }

    /** A new private key pair as a JWK with this key id, marked for signing with this algorithm. */
    public JWK generate(String kid, Instant created) {
        try {
            Date at = Date.from(created);
            return switch (this) {
                case RS256 -> new RSAKeyGenerator(3072).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(jws).issueTime(at).generate();
                case ES256 -> new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(jws).issueTime(at).generate();
                case EdDSA -> new OctetKeyPairGenerator(Curve.Ed25519).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(jws).issueTime(at).generate();
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a " + this + " key", e);
        }
    }
}
