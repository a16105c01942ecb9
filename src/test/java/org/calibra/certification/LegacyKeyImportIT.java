package org.calibra.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.calibra.CalibraApplication;
import org.calibra.certification.credential.CredentialJwt;
import org.calibra.certification.credential.KeyAlgorithm;
import org.calibra.certification.credential.OpenBadgeCredential;
import org.calibra.certification.credential.SigningKeys;
import org.calibra.certification.credential.Verification.Outcome;
import org.calibra.certification.internal.SigningKeyStore;
import org.calibra.dicom.deid.Deidentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An installation from before ADR 0030: its data folder holds two signing keys as files (an older ES256 one and
 * the current RS256 one) and the de-identification secret. The first start with the new code imports them into the
 * database unchanged and says so; a credential signed before with the older key still verifies — here and by an
 * independent verifier (jose from npm) with only the published keys — and de-identified UIDs stay the same. With the
 * files gone, the next start has the same keys and secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class LegacyKeyImportIT {

    private static final String UID = "1.2.840.113619.2.55.3.604688119.971.1089279135.999";

    @Test
    void legacy_key_files_and_secret_are_imported_unchanged_and_what_they_signed_still_verifies(@TempDir Path tmp, CapturedOutput output)
            throws Exception {
        int port = freePort();
        String base = "http://localhost:" + port;
        Path data = tmp.resolve("data");
        Path keys = Files.createDirectories(data.resolve("keys"));
        JWK older = KeyAlgorithm.ES256.generate("20250301-es256-0a1b2c3d", Instant.parse("2025-03-01T08:00:00Z"));
        JWK current = KeyAlgorithm.RS256.generate("20260101-rs256-4e5f6a7b", Instant.parse("2026-01-01T08:00:00Z"));
        Files.writeString(keys.resolve(older.getKeyID() + ".jwk.json"), older.toJSONString());
        Files.writeString(keys.resolve(current.getKeyID() + ".jwk.json"), current.toJSONString());
        Files.writeString(keys.resolve("current"), current.getKeyID());
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        Files.writeString(data.resolve("deid-secret"), HexFormat.of().formatHex(secret) + "\n");
        String signedBefore = CredentialJwt.sign(OpenBadgeCredential.build(content(base)), older,
                SigningKeys.kidUrl(base + "/credentials/keys", older.getKeyID()));

        try (var app = start(tmp, data, port, base)) {
            var stored = app.getBean(SigningKeyStore.class).keys();
            assertThat(stored.keys()).extracting(JWK::getKeyID).containsExactlyInAnyOrder(older.getKeyID(), current.getKeyID());
            assertThat(stored.currentKeyId()).as("the key that signed last keeps signing").isEqualTo(current.getKeyID());
            assertThat(stored.find(older.getKeyID()).orElseThrow()).as("unchanged, private half included").isEqualTo(older);
            assertThat(app.getBean(Deidentifier.class).mappedUid(UID)).as("the same UIDs as before").isEqualTo(new Deidentifier(secret).mappedUid(UID));
            assertThat(output.getOut()).contains("Imported 2 credential signing key(s) from " + keys)
                    .contains("Imported the de-identification secret from " + data.resolve("deid-secret"));

            var report = app.getBean(CredentialService.class).verifyCredential(signedBefore);
            assertThat(report.outcome()).as("the signature holds with the imported key; this test made no certificate row")
                    .isEqualTo(Outcome.NOT_FOUND);
            assertThat(report.message()).startsWith("Signed by this issuer");

            var node = CredentialVerificationIT.NodeTools.node();
            Path work = CredentialVerificationIT.NodeTools.installVerifier();
            Path file = Files.writeString(work.resolve("legacy-credential.jwt"), signedBefore);
            Path jwks = Files.writeString(work.resolve("legacy-jwks.json"), HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/.well-known/jwks.json")).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            var verified = CredentialVerificationIT.NodeTools.run(node, work, base, file.toString(), jwks.toString());
            assertThat(verified.get("verified").asBoolean()).as(verified.toString()).isTrue();
            assertThat(verified.get("alg").asString()).isEqualTo("ES256");
        }

        try (var files = Files.list(keys)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(data.resolve("deid-secret"));
        try (var again = start(tmp, data, port, base)) {
            var stored = again.getBean(SigningKeyStore.class).keys();
            assertThat(stored.keys()).extracting(JWK::getKeyID).containsExactlyInAnyOrder(older.getKeyID(), current.getKeyID());
            assertThat(stored.currentKeyId()).isEqualTo(current.getKeyID());
            assertThat(again.getBean(Deidentifier.class).mappedUid(UID)).isEqualTo(new Deidentifier(secret).mappedUid(UID));
            assertThat(again.getBean(CredentialService.class).verifyCredential(signedBefore).outcome()).isEqualTo(Outcome.NOT_FOUND);
        }
    }

    private static OpenBadgeCredential.Content content(String base) {
        var issuer = new OpenBadgeCredential.Issuer(base + "/credentials/issuer", "Calibra Demo Institution", base, "", "Radiology training", null);
        return new OpenBadgeCredential.Content(base + "/verify/AbCdEfGhIjKlMnOpQrStUv", "urn:uuid:6f1c8f0e-3b1d-3c4e-9a55-0c2f1b7d9e10",
                "Dr. Rosa Resident", base + "/credentials/achievements/ai-reading-foundations", "Calibra certificate: Reading with AI — foundations",
                "Reading common studies with an AI's suggestion shown.", List.of("Detects focal lesions"),
                List.of(new OpenBadgeCredential.ModuleResult("First reads with AI", 6, "100% (95% CI 61%–100%)", "100% (95% CI 51%–100%)",
                        List.of("sensitivity ≥ 0.70"), 1)), 12.0, Instant.parse("2026-02-01T09:00:00Z"), Instant.parse("2028-02-01T09:00:00Z"),
                issuer, new OpenBadgeCredential.Status(base + "/credentials/status/revocation-0", 42),
                new OpenBadgeCredential.Image(base + "/credentials/badges/ai-reading-foundations.png", "Badge: Reading with AI — foundations"));
    }

    private static ConfigurableApplicationContext start(Path tmp, Path data, int port, String base) {
        return new SpringApplication(CalibraApplication.class).run("--server.port=" + port, "--calibra.data-dir=" + data,
                "--calibra.public-url=" + base, "--calibra.content.load-on-startup=false",
                "--calibra.storage.blob-dir=" + tmp.resolve("blobs"), "--logging.level.org.calibra=info");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
