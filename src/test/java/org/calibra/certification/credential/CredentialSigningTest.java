package org.calibra.certification.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.calibra.certification.credential.Verification.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Signing per OB 3.0 §8.2 and every way verification must fail. */
class CredentialSigningTest {

    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");
    private static final JWK RSA = KeyAlgorithm.RS256.generate("k-rsa", SampleCredentials.ISSUED);

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void a_credential_signed_with_each_algorithm_verifies_with_the_public_key_only(KeyAlgorithm algorithm) {
        JWK key = algorithm.generate("k-" + algorithm.name().toLowerCase(), SampleCredentials.ISSUED);
        String jws = SampleCredentials.sign(SampleCredentials.credential(), key);

        var v = SampleCredentials.verifierFor(key).verify(jws, StatusLookup.NONE_SET, NOW);

        assertThat(v.outcome()).as(v.message()).isEqualTo(Outcome.VALID);
        assertThat(v.credentialId()).isEqualTo(SampleCredentials.BASE + "/verify/AbCdEfGhIjKlMnOpQrStUv");
    }

    @Test
    void the_header_has_exactly_alg_kid_and_typ_and_the_payload_repeats_the_credential_in_registered_claims() throws Exception {
        var jwt = SignedJWT.parse(SampleCredentials.sign(SampleCredentials.credential(), RSA));

        assertThat(jwt.getHeader().toJSONObject()).containsOnlyKeys("alg", "kid", "typ")
                .containsEntry("alg", "RS256").containsEntry("typ", "JWT").containsEntry("kid", SampleCredentials.KEYS + "/k-rsa");
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(SampleCredentials.ISSUER);
        assertThat(claims.getJWTID()).isEqualTo(claims.getStringClaim("id"));
        assertThat(claims.getSubject()).isEqualTo("urn:uuid:6f1c8f0e-3b1d-3c4e-9a55-0c2f1b7d9e10");
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(SampleCredentials.ISSUED);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(SampleCredentials.EXPIRES);
        assertThat(claims.getStringListClaim("@context")).containsExactly(OpenBadgeCredential.VC_CONTEXT, OpenBadgeCredential.OB_CONTEXT);
        assertThat(claims.getStringListClaim("type")).contains("VerifiableCredential", "OpenBadgeCredential");
        assertThat(claims.getClaim("vc")).as("VC 2.0 JOSE: the credential is the payload, not wrapped in 'vc'").isNull();
    }

    @Test
    void changing_any_single_byte_of_the_payload_or_signature_makes_it_tampered() {
        String jws = SampleCredentials.sign(SampleCredentials.credential(), RSA);
        var verifier = SampleCredentials.verifierFor(RSA);
        String[] parts = jws.split("\\.");
        for (int part : new int[] {1, 2}) {
            byte[] bytes = Base64.getUrlDecoder().decode(parts[part]);
            for (int i = 0; i < bytes.length; i += Math.max(1, bytes.length / 97)) {
                String changed = withByteChanged(parts, part, i);
                var v = verifier.verify(changed, StatusLookup.NONE_SET, NOW);
                assertThat(v.outcome()).as("part %d byte %d", part, i).isEqualTo(Outcome.TAMPERED);
                assertThat(v.credential()).isNull();
            }
        }
    }

    @Test
    void changing_any_single_byte_of_the_header_fails_tampered_or_names_an_unknown_key() {
        String jws = SampleCredentials.sign(SampleCredentials.credential(), RSA);
        var verifier = SampleCredentials.verifierFor(RSA);
        String[] parts = jws.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        int kidStart = header.indexOf("\"kid\"");
        int kidEnd = header.indexOf(SampleCredentials.KEYS + "/k-rsa") + (SampleCredentials.KEYS + "/k-rsa").length();
        for (int i = 0; i < header.length(); i++) {
            var v = verifier.verify(withByteChanged(parts, 0, i), StatusLookup.NONE_SET, NOW);
            if (i >= kidStart && i < kidEnd) {
                assertThat(v.outcome()).as("header byte %d (in the kid)", i).isIn(Outcome.UNKNOWN_KEY, Outcome.TAMPERED);
            } else {
                assertThat(v.outcome()).as("header byte %d", i).isEqualTo(Outcome.TAMPERED);
            }
        }
    }

    @Test
    void a_credential_from_another_issuer_is_rejected_even_when_validly_signed_by_it() {
        JWK theirs = KeyAlgorithm.ES256.generate("their-key", SampleCredentials.ISSUED);
        var credential = OpenBadgeCredential.build(SampleCredentials.content("https://diploma-mill.example/issuer", 1));
        String jws = CredentialJwt.sign(credential, theirs, "https://diploma-mill.example/keys/their-key");

        var v = SampleCredentials.verifierFor(RSA).verify(jws, StatusLookup.NONE_SET, NOW);

        assertThat(v.outcome()).isEqualTo(Outcome.UNKNOWN_ISSUER);
    }

    @Test
    void a_credential_naming_this_issuer_but_signed_with_a_key_it_never_published_is_an_unknown_key() {
        JWK forged = KeyAlgorithm.RS256.generate("k-forged", SampleCredentials.ISSUED);
        String jws = SampleCredentials.sign(SampleCredentials.credential(), forged);

        var v = SampleCredentials.verifierFor(RSA).verify(jws, StatusLookup.NONE_SET, NOW);

        assertThat(v.outcome()).isEqualTo(Outcome.UNKNOWN_KEY);
    }

    @Test
    void a_forged_credential_claiming_a_published_kid_but_signed_with_another_key_is_tampered() {
        JWK forged = KeyAlgorithm.RS256.generate("k-rsa", SampleCredentials.ISSUED); // same id, different key

        var v = SampleCredentials.verifierFor(RSA).verify(SampleCredentials.sign(SampleCredentials.credential(), forged), StatusLookup.NONE_SET, NOW);

        assertThat(v.outcome()).isEqualTo(Outcome.TAMPERED);
    }

    @Test
    void an_expired_credential_is_genuine_but_expired_and_one_not_yet_valid_says_so() {
        String jws = SampleCredentials.sign(SampleCredentials.credential(), RSA);
        var verifier = SampleCredentials.verifierFor(RSA);

        assertThat(verifier.verify(jws, StatusLookup.NONE_SET, SampleCredentials.EXPIRES.plusSeconds(1)).outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(verifier.verify(jws, StatusLookup.NONE_SET, SampleCredentials.EXPIRES.minusSeconds(1)).outcome()).isEqualTo(Outcome.VALID);
        assertThat(verifier.verify(jws, StatusLookup.NONE_SET, SampleCredentials.ISSUED.minusSeconds(1)).outcome()).isEqualTo(Outcome.NOT_YET_VALID);
    }

    @Test
    void a_credential_whose_revocation_bit_is_set_is_revoked_even_if_also_expired() {
        String jws = SampleCredentials.sign(SampleCredentials.credential(), RSA);
        StatusLookup revoked = (url, index) -> url.equals(SampleCredentials.REVOCATION_LIST) && index == 42;
        StatusLookup otherBit = (url, index) -> index == 41;

        var verifier = SampleCredentials.verifierFor(RSA);
        assertThat(verifier.verify(jws, revoked, NOW).outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(verifier.verify(jws, revoked, SampleCredentials.EXPIRES.plusSeconds(60)).outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(verifier.verify(jws, otherBit, NOW).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void old_credentials_keep_verifying_after_the_key_is_rotated() {
        var keys = new SigningKeys(List.of(RSA), "k-rsa");
        String old = SampleCredentials.sign(SampleCredentials.credential(), keys.current());
        var rotated = keys.with(KeyAlgorithm.EdDSA.generate("k-ed", NOW));
        String fresh = SampleCredentials.sign(SampleCredentials.credential(), rotated.current());

        var verifier = SampleCredentials.verifierFor(rotated);
        assertThat(verifier.verify(old, StatusLookup.NONE_SET, NOW).outcome()).isEqualTo(Outcome.VALID);
        assertThat(verifier.verify(fresh, StatusLookup.NONE_SET, NOW).outcome()).isEqualTo(Outcome.VALID);
        assertThat(rotated.publicJwks(SampleCredentials.KEYS).getKeys()).hasSize(2).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(rotated.publicJwks(SampleCredentials.KEYS).getKeys()).extracting(JWK::getKeyID)
                .containsExactlyInAnyOrder(SampleCredentials.KEYS + "/k-rsa", SampleCredentials.KEYS + "/k-ed");
    }

    @Test
    void things_that_are_not_credentials_are_malformed_and_an_unsigned_alg_none_token_is_refused() {
        var verifier = SampleCredentials.verifierFor(RSA);
        assertThat(verifier.verify("", StatusLookup.NONE_SET, NOW).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(verifier.verify("not a credential", StatusLookup.NONE_SET, NOW).outcome()).isEqualTo(Outcome.MALFORMED);
        String payload = SampleCredentials.sign(SampleCredentials.credential(), RSA).split("\\.")[1];
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";
        assertThat(verifier.verify(none, StatusLookup.NONE_SET, NOW).outcome()).isIn(Outcome.MALFORMED, Outcome.TAMPERED);
        String hs = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + SampleCredentials.KEYS + "/k-rsa\"}") + "." + payload + ".c2ln";
        assertThat(verifier.verify(hs, StatusLookup.NONE_SET, NOW).outcome()).isEqualTo(Outcome.TAMPERED);
    }

    private static String withByteChanged(String[] parts, int part, int index) {
        byte[] bytes = Base64.getUrlDecoder().decode(parts[part]);
        bytes[index] ^= 0x01;
        String[] copy = parts.clone();
        copy[part] = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return String.join(".", copy);
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

}
