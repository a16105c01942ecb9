package org.calibra.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.calibra.certification.credential.BitstringStatusList;
import org.calibra.certification.credential.OpenBadgeSchemaTest;
import org.calibra.certification.credential.Verification.Outcome;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.ContextSecurityStrategy;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole app over HTTP on a real port: a resident earns a certificate, its credential conforms to the OB 3.0
 * schema, the published keys and status lists verify it, the JSON API answers (single, bulk, 400 naming the field,
 * 429 with Retry-After), revocation and suspension show everywhere, the status lists are signed once per change and
 * cached by ETag, the badge image the credential names is served — and an independent verifier, jose from npm run by
 * Node, accepts the credential with nothing but the published keys, and fetches its badge.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"calibra.verification.rate-limit.capacity=40", "calibra.verification.rate-limit.per-minute=1",
                "calibra.credentials.status-rate-limit.capacity=40", "calibra.credentials.status-rate-limit.per-minute=1"})
@ActiveProfiles("test")
@ExtendWith(ContextSecurityStrategy.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CredentialVerificationIT {

    private static final int PORT = freePort();
    private static final String BASE = "http://localhost:" + PORT;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path KEY_DIR = tempDir();
    private static String publicId;

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("calibra.public-url", () -> BASE);
        registry.add("calibra.credentials.key-dir", () -> KEY_DIR.resolve("keys").toString());
    }

    @Autowired ApplicationContext context;
    @Autowired CertificateService certificates;
    @Autowired CredentialService credentials;
    @Autowired CredentialAdministration administration;
    @Autowired org.calibra.certification.internal.StatusLists statusLists;
    @Autowired org.calibra.certification.verification.BulkVerification bulk;
    private final Path keyDir = KEY_DIR.resolve("keys");

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    /** One certificate per context: a resident reads the foundations module correctly to its minimum. */
    private String certificate() {
        if (publicId == null) {
            TestAccounts.create(context, "cred-holder", Role.RESIDENT);
            SignedIn.as("cred-holder", "RESIDENT");
            var scenario = new ReadingScenario(context);
            var entries = scenario.cases();
            for (int i = 0; i < scenario.module().minimumCases(); i++) {
                scenario.readCorrectly(entries.get(i));
            }
            publicId = certificates.mine().getFirst().publicId();
            SignedIn.clear();
        }
        return publicId;
    }

    private String credentialJwt() {
        String id = certificate();
        SignedIn.as("cred-holder", "RESIDENT");
        try {
            return credentials.credentialFile(id).orElseThrow();
        } finally {
            SignedIn.clear();
        }
    }

    @Test
    @Order(1)
    void an_issued_credential_is_a_signed_open_badge_that_conforms_to_the_published_schema() throws Exception {
        String jwt = credentialJwt();

        assertThat(OpenBadgeSchemaTest.problems(jwt)).isEmpty();
        var parsed = SignedJWT.parse(jwt);
        assertThat(parsed.getHeader().getKeyID()).startsWith(BASE + "/credentials/keys/");
        var claims = parsed.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(BASE + "/credentials/issuer");
        assertThat(claims.getJWTID()).isEqualTo(BASE + "/verify/" + publicId);
        @SuppressWarnings("unchecked")
        var subject = (Map<String, Object>) claims.getClaim("credentialSubject");
        @SuppressWarnings("unchecked")
        var achievement = (Map<String, Object>) subject.get("achievement");
        assertThat(achievement.get("name")).isEqualTo("Calibra certificate: Reading with AI — foundations");
        assertThat(achievement.get("image")).as("OB 3.0 Image, inside the signed payload").isEqualTo(Map.of(
                "id", BASE + "/credentials/badges/ai-reading-foundations.png", "type", "Image",
                "caption", "Calibra badge: Reading with AI — foundations"));
        assertThat((List<?>) claims.getClaim("evidence")).isNotEmpty();
        assertThat(credentials.verifyId(publicId).outcome()).isEqualTo(Outcome.VALID);
        assertThat(certificates.verify(publicId).orElseThrow().badgeImage()).as("what the pages show: the credential's image, on this server")
                .isEqualTo("/credentials/badges/ai-reading-foundations.png");
    }

    @Test
    @Order(2)
    void the_badge_image_the_credential_names_is_served_to_anyone_as_a_png_and_only_for_curricula_with_a_certificate() throws Exception {
        certificate();
        var badge = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/credentials/badges/ai-reading-foundations.png")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(badge.statusCode()).as("signed out").isEqualTo(200);
        assertThat(badge.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        assertThat(badge.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=86400").contains("public");
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(badge.body()));
        assertThat(image).as("decodes as an image").isNotNull();
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(400);
        String etag = badge.headers().firstValue("ETag").orElseThrow();
        var again = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/credentials/badges/ai-reading-foundations.png"))
                .header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        assertThat(get("/credentials/badges/chest-nodules-with-ai.png").statusCode()).as("no certificate of it yet: nothing to show").isEqualTo(404);
        assertThat(get("/credentials/badges/no-such-curriculum.png").statusCode()).isEqualTo(404);
        assertThat(get("/credentials/badges/AI%20READING.png").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void the_keys_are_published_without_private_parts_and_kept_sealed_in_the_database() throws Exception {
        String jwt = credentialJwt();
        var jwks = JWKSet.parse(get("/.well-known/jwks.json").body());
        String kid = SignedJWT.parse(jwt).getHeader().getKeyID();

        assertThat(jwks.getKeys()).isNotEmpty().allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(jwks.getKeyByKeyId(kid)).isNotNull();
        var atKid = get(URI.create(kid).getPath());
        assertThat(atKid.statusCode()).isEqualTo(200);
        assertThat(atKid.body()).contains("\"kid\":\"" + kid + "\"").doesNotContain("\"d\"");
        assertThat(get("/.well-known/did.json").body()).contains("did:web:localhost%3A" + PORT).contains("publicKeyJwk");
        assertThat(get("/credentials/issuer").body()).contains("\"type\":[\"Profile\"]");

        var jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        assertThat(jdbc.queryForList("select sealed_jwk from signing_key", String.class)).as("private keys sealed in the database (ADR 0030)")
                .isNotEmpty().allSatisfy(sealed -> assertThat(sealed).doesNotContain("\"d\"").doesNotContain("kty"));
        assertThat(keyDir).as("no key files per node any more").doesNotExist();
    }

    @Test
    @Order(4)
    void the_api_verifies_one_credential_by_content_or_by_id_without_sign_in() throws Exception {
        String jwt = credentialJwt();

        JsonNode byContent = post("/api/v1/verifications", Map.of("credential", jwt));
        JsonNode byId = post("/api/v1/verifications", Map.of("id", publicId));
        JsonNode unknown = post("/api/v1/verifications", Map.of("id", "AAAAAAAAAAAAAAAAAAAAAA"));
        String[] parts = jwt.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, 40) + (parts[1].charAt(40) == 'A' ? 'B' : 'A') + parts[1].substring(41) + "." + parts[2];
        JsonNode changed = post("/api/v1/verifications", Map.of("credential", tampered));

        assertThat(byContent.get("outcome").asString()).isEqualTo("VALID");
        assertThat(byContent.get("valid").asBoolean()).isTrue();
        assertThat(byContent.get("holder").asString()).isEqualTo("Test cred-holder");
        assertThat(byId.get("outcome").asString()).isEqualTo("VALID");
        var signed = SignedJWT.parse(jwt).getJWTClaimsSet();
        assertThat(byContent.get("validFrom").asString()).as("the API repeats the credential's dates to the letter")
                .isEqualTo(signed.getClaim("validFrom")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(byContent.get("validUntil").asString()).isEqualTo(signed.getClaim("validUntil"));
        assertThat(byId.get("validFrom").asString()).isEqualTo(signed.getClaim("validFrom"));
        assertThat(unknown.get("outcome").asString()).isEqualTo("NOT_FOUND");
        assertThat(changed.get("outcome").asString()).isEqualTo("TAMPERED");
        assertThat(changed.has("holder")).as("nothing from a tampered credential is repeated as fact").isFalse();
    }

    @Test
    @Order(5)
    void the_bulk_api_answers_each_item_in_order() throws Exception {
        String jwt = credentialJwt();

        JsonNode answer = post("/api/v1/verifications/bulk", Map.of("items", List.of(Map.of("id", publicId), Map.of("credential", jwt),
                Map.of("credential", "not.a.credential"), Map.of("id", "BBBBBBBBBBBBBBBBBBBBBB"))));

        assertThat(answer.get("results").valueStream().map(r -> r.get("outcome").asString()).toList())
                .containsExactly("VALID", "VALID", "TAMPERED", "NOT_FOUND");
        assertThat(answer.get("results").get(0).get("status").asString()).isEqualTo("Valid");
        assertThat(answer.get("results").get(0).get("evidence").asString()).startsWith("1 module passed, 6 cases read in all");
    }

    @Test
    @Order(4)
    void a_malformed_item_in_a_bulk_call_gets_its_own_answer_naming_it_and_the_rest_are_verified() throws Exception {
        String id = certificate();
        var response = postRaw("/api/v1/verifications/bulk", "{\"items\": [{\"id\": \"" + id + "\"}, {\"id\": \"abc\"}, {\"id\": 7},"
                + " {\"credential\": \"\"}, \"just a string\", {\"id\": \"" + id + "\", \"credential\": \"a.b.c\"}, {\"id\": \"BBBBBBBBBBBBBBBBBBBBBB\"}]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode results = JSON.readTree(response.body()).get("results");
        assertThat(results.valueStream().map(r -> r.get("outcome").asString()).toList())
                .containsExactly("VALID", "NOT_CHECKED", "NOT_CHECKED", "NOT_CHECKED", "NOT_CHECKED", "NOT_CHECKED", "NOT_FOUND");
        assertThat(results.valueStream().map(r -> r.get("item").asInt()).toList()).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(results.get(0).get("holder").asString()).isEqualTo("Test cred-holder");
        assertThat(results.get(1).get("field").asString()).isEqualTo("items[1].id");
        assertThat(results.get(1).get("error").asString()).startsWith("items[1].id: ").contains("must be a certificate id");
        assertThat(results.get(1).get("valid").asBoolean()).isFalse();
        assertThat(results.get(1).get("status").asString()).isEqualTo("Not checked");
        assertThat(results.get(1).has("holder")).isFalse();
        assertThat(results.get(2).get("field").asString()).isEqualTo("items[2].id");
        assertThat(results.get(3).get("field").asString()).isEqualTo("items[3].credential");
        assertThat(results.get(4).get("field").asString()).isEqualTo("items[4]");
        assertThat(results.get(5).get("error").asString()).contains("exactly one of");
        assertThat(results.get(6).get("status").asString()).isEqualTo("Not found");
    }

    @Test
    @Order(4)
    void a_bulk_call_that_is_no_batch_is_refused_whole_in_words() throws Exception {
        assertBadRequest("/api/v1/verifications/bulk", "{\"items\": []}", "items");
        assertBadRequest("/api/v1/verifications/bulk", "{\"items\": {\"id\": \"AAAAAAAAAAAAAAAAAAAAAA\"}}", "items");
        assertBadRequest("/api/v1/verifications/bulk", "{\"items\": [{\"id\": \"AAAAAAAAAAAAAAAAAAAAAA\"},", "body");
        assertBadRequest("/api/v1/verifications/bulk", "", "body");
        String tooMany = "{\"items\": [" + String.join(",", java.util.Collections.nCopies(41, "{\"id\": \"AAAAAAAAAAAAAAAAAAAAAA\"}")) + "]}";
        var refused = postRaw("/api/v1/verifications/bulk", tooMany);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("detail").asString()).isEqualTo(
                "Send between 1 and 40 items; this had 41. This server verifies at most 40 at once per client.");
        assertThat(JSON.readTree(postRaw("/api/v1/verifications/bulk", "{\"items\": []}").body()).get("detail").asString())
                .startsWith("The batch is empty.");
        var huge = postRaw("/api/v1/verifications/bulk", "{\"items\": [{\"credential\": \"" + "a".repeat(10_200_000) + "\"}]}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(huge.body()).get("detail").asString()).contains("Send smaller batches");
    }

    @Test
    @Order(4)
    void the_public_page_html_carries_open_graph_tags_for_link_previews_without_any_script() throws Exception {
        String id = certificate();
        var page = get("/verify/" + id);
        var unknown = get("/verify/NOSUCHCERTIFICATE00000");

        assertThat(page.statusCode()).isEqualTo(200);
        var head = org.jsoup.Jsoup.parse(page.body()).head();
        assertThat(head.select("meta[property=og:title]").attr("content")).isEqualTo("Test cred-holder — Calibra certificate: Reading with AI — foundations");
        assertThat(head.select("meta[property=og:description]").attr("content")).startsWith("Valid certificate issued by ")
                .contains("1 module passed, 6 cases read in all");
        assertThat(head.select("meta[property=og:url]").attr("content")).isEqualTo(BASE + "/verify/" + id);
        assertThat(head.select("meta[property=og:type]").attr("content")).isEqualTo("website");
        assertThat(head.select("meta[name=description]")).hasSize(1);
        assertThat(org.jsoup.Jsoup.parse(unknown.body()).head().select("meta[property=og:title]").attr("content"))
                .isEqualTo("Certificate verification — Calibra");
        assertThat(org.jsoup.Jsoup.parse(get("/verify").body()).head().select("meta[property=og:title]")).as("only the certificate's page").isEmpty();
    }

    @Test
    @Order(4)
    void a_verifiers_bulk_run_checks_each_item_on_its_own_and_is_remembered_as_one_run() {
        String id = certificate();
        SignedIn.as("verifier", "VERIFIER");
        var parsed = bulk.read(id + "\nabc\n" + BASE + "/verify/" + id, List.of());
        var result = bulk.check(parsed.items());

        assertThat(result.rows()).extracting(org.calibra.certification.verification.BulkResult.Row::status)
                .containsExactly("Valid", "Not checked", "Valid");
        assertThat(result.rows().get(1).details()).isEqualTo("line 2: 'abc' is not a certificate ID, a verification link or a signed credential");
        assertThat(result.rows().getFirst().report().certificate().holderName()).isEqualTo("Test cred-holder");
        assertThat(credentials.myChecks().stream().filter(c -> c.bulkRun() != null).limit(2).toList()).hasSize(2).allSatisfy(c -> {
            assertThat(c.publicId()).isEqualTo(id);
            assertThat(c.bulkRun().items()).as("the two items that could be checked").isEqualTo(2);
        });
        SignedIn.as("cred-holder", "RESIDENT");
        assertThatThrownBy(() -> bulk.check(parsed.items())).as("verifiers and admins only").isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @Order(6)
    void bad_input_is_a_400_that_names_the_field() throws Exception {
        assertBadRequest("/api/v1/verifications", "{}", "credential");
        assertBadRequest("/api/v1/verifications", "{\"credential\": 42}", "credential");
        assertBadRequest("/api/v1/verifications", "{\"id\": \"../../etc\"}", "id");
        assertBadRequest("/api/v1/verifications", "{\"id\": \"AAAAAAAAAAAAAAAAAAAAAA\", \"credential\": \"a.b.c\"}", "credential");
        assertBadRequest("/api/v1/verifications", "this is not json", "body");
        assertBadRequest("/api/v1/verifications/bulk", "{\"items\": []}", "items");
    }

    @Test
    @Order(7)
    void a_status_list_is_signed_once_per_change_and_the_same_bytes_and_etag_until_then() throws Exception {
        String id = certificate();
        SignedIn.as("admin", "ADMIN");
        administration.suspend(id, "Checking the status list cache");
        long before = statusLists.signings();

        var first = get("/credentials/status/suspension-0");
        var second = get("/credentials/status/suspension-0");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.body()).as("no change: the same signed list").isEqualTo(first.body());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(second.headers().firstValue("ETag")).hasValue(etag);
        assertThat(statusLists.signings() - before).as("signed once for both requests").isEqualTo(1);
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=300").contains("public");
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vc+jwt");
        var notModified = getIfNoneMatch("/credentials/status/suspension-0", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);

        administration.reinstate(id, "Cache checked");
        var changed = get("/credentials/status/suspension-0");
        assertThat(changed.body()).as("the change is in the next list").isNotEqualTo(first.body());
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        var stale = getIfNoneMatch("/credentials/status/suspension-0", etag);
        assertThat(stale.statusCode()).as("an old ETag gets the new list").isEqualTo(200);
        assertThat(statusLists.signings() - before).isEqualTo(2);
        SignedIn.clear();
        int index = statusListIndex(credentialJwt());
        assertThat(statusBit("suspension-0", index)).isFalse();
    }

    @Test
    @Order(8)
    void revocation_and_suspension_show_in_the_api_the_page_service_and_the_signed_status_lists() throws Exception {
        String jwt = credentialJwt();
        int index = statusListIndex(jwt);
        SignedIn.as("admin", "ADMIN");
        assertThatThrownBy(() -> administration.suspend(publicId, " ")).isInstanceOf(IllegalArgumentException.class);

        administration.suspend(publicId, "Under review after a complaint");
        JsonNode suspended = post("/api/v1/verifications", Map.of("credential", jwt));
        assertThat(suspended.get("outcome").asString()).isEqualTo("SUSPENDED");
        assertThat(suspended.get("suspensionReason").asString()).isEqualTo("Under review after a complaint");
        assertThat(statusBit("suspension-0", index)).isTrue();
        assertThat(statusBit("revocation-0", index)).isFalse();

        administration.reinstate(publicId, "Review closed, no finding");
        assertThat(post("/api/v1/verifications", Map.of("id", publicId)).get("outcome").asString()).isEqualTo("VALID");
        assertThat(statusBit("suspension-0", index)).isFalse();

        administration.revoke(publicId, "Issued in error");
        JsonNode revoked = post("/api/v1/verifications", Map.of("credential", jwt));
        assertThat(revoked.get("outcome").asString()).isEqualTo("REVOKED");
        assertThat(revoked.get("revocationReason").asString()).as("the administrator's words").isEqualTo("Issued in error");
        assertThat(revoked.get("suspensionReason").isNull()).isTrue();
        assertThat(post("/api/v1/verifications/bulk", Map.of("items", List.of(Map.of("id", publicId)))).get("results").get(0)
                .get("revocationReason").asString()).isEqualTo("Issued in error");
        var report = credentials.verifyId(publicId);
        assertThat(report.statusReason()).isEqualTo("Issued in error");
        assertThat(org.calibra.certification.verification.VerificationWords.sentence(report)).endsWith("Reason given: Issued in error.");
        assertThat(org.jsoup.Jsoup.parse(get("/verify/" + publicId).body()).head().select("meta[property=og:description]").attr("content"))
                .startsWith("Revoked certificate");
        assertThat(statusBit("revocation-0", index)).isTrue();
        assertThat(administration.all()).anySatisfy(r -> {
            assertThat(r.publicId()).isEqualTo(publicId);
            assertThat(r.reason()).isEqualTo("Issued in error");
        });
        SignedIn.clear();
        assertThat(certificates.verify(publicId).orElseThrow().status()).isEqualTo(CertificateRecord.Status.REVOKED);
    }

    @Test
    @Order(9)
    void a_verifier_sees_what_they_checked_with_its_current_status_and_others_may_not_look() {
        String id = certificate();
        SignedIn.as("verifier", "VERIFIER");
        credentials.verifyId(id);

        assertThat(credentials.myChecks()).anySatisfy(c -> {
            assertThat(c.publicId()).isEqualTo(id);
            assertThat(c.outcomeNow()).isNotNull();
        });
        SignedIn.as("cred-holder", "RESIDENT");
        assertThatThrownBy(credentials::myChecks).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.revoke(id, "I want it gone")).as("only admins change status")
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.rotateKey("RS256")).isInstanceOf(AuthorizationDeniedException.class);
        assertThat(credentials.credentialFile(id)).isPresent();
        SignedIn.as("verifier", "VERIFIER");
        assertThat(credentials.credentialFile(id)).as("only the holder (or an admin) downloads").isEmpty();
    }

    @Test
    @Order(10)
    void holders_download_only_their_own_files_over_http() throws Exception {
        String id = certificate();
        var anonymous = get("/credentials/" + id + "/credential.jwt");
        assertThat(anonymous.statusCode()).as("signed out: sent to sign in, never the file").isNotEqualTo(200);
        SignedIn.as("cred-holder", "RESIDENT");
        byte[] pdf = credentials.pdfFile(id).orElseThrow();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    @Order(11)
    void after_an_admin_rotates_to_an_ed25519_key_old_credentials_still_verify_and_new_documents_are_signed_with_it() throws Exception {
        String jwt = credentialJwt();
        SignedIn.as("admin", "ADMIN");
        int before = administration.signingKeys().size();

        var rotated = administration.rotateKey("EdDSA");

        assertThat(rotated.current()).isTrue();
        assertThat(rotated.algorithm()).isEqualTo("EdDSA");
        assertThat(administration.signingKeys()).hasSize(before + 1).filteredOn(SigningKeyInfo::current).hasSize(1);
        assertThat(JWKSet.parse(get("/.well-known/jwks.json").body()).getKeys()).hasSize(before + 1);
        assertThat(credentials.verifyCredential(jwt).outcome()).as("signed with the old key").isEqualTo(Outcome.REVOKED);
        var list = SignedJWT.parse(get("/credentials/status/revocation-0").body());
        assertThat(list.getHeader().getAlgorithm().getName()).isEqualTo("EdDSA");
        assertThat(list.getHeader().getKeyID()).isEqualTo(rotated.url());
        assertThat(context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject("select count(*) from signing_key", Integer.class))
                .isEqualTo(before + 1);
    }

    @Test
    @Order(12)
    void an_independent_verifier_jose_from_npm_accepts_the_credential_with_only_the_published_keys() throws Exception {
        String jwt = credentialJwt();
        Path node = NodeTools.node();
        Path work = NodeTools.installVerifier();
        Path file = work.resolve("credential.jwt");
        Files.writeString(file, jwt);
        Path jwks = work.resolve("jwks.json");
        Files.writeString(jwks, get("/.well-known/jwks.json").body());

        JsonNode ok = NodeTools.run(node, work, BASE, file.toString(), jwks.toString());
        assertThat(ok.get("verified").asBoolean()).as(ok.toString()).isTrue();
        assertThat(ok.get("id").asString()).isEqualTo(BASE + "/verify/" + publicId);
        assertThat(ok.get("revoked").asBoolean()).as("revoked earlier, read from the published list (now EdDSA-signed)").isTrue();
        assertThat(ok.get("alg").asString()).as("the credential itself, signed before the rotation").isEqualTo("RS256");
        assertThat(ok.get("listLength").asInt()).isGreaterThanOrEqualTo(BitstringStatusList.SIZE);
        JsonNode badge = ok.get("badge");
        assertThat(badge.get("id").asString()).as("the badge the signed achievement names").isEqualTo(BASE + "/credentials/badges/ai-reading-foundations.png");
        assertThat(badge.get("type").asString()).isEqualTo("Image");
        assertThat(badge.get("status").asInt()).isEqualTo(200);
        assertThat(badge.get("contentType").asString()).isEqualTo("image/png");
        assertThat(badge.get("png").asBoolean()).as("the bytes are a PNG").isTrue();

        String[] parts = jwt.split("\\.");
        Files.writeString(file, parts[0] + "." + parts[1].substring(0, 30) + (parts[1].charAt(30) == 'A' ? 'B' : 'A') + parts[1].substring(31)
                + "." + parts[2]);
        JsonNode tampered = NodeTools.run(node, work, BASE, file.toString(), jwks.toString());
        assertThat(tampered.get("verified").asBoolean()).isFalse();
    }

    @Test
    @Order(99)
    void too_many_requests_from_one_client_get_429_with_retry_after() throws Exception {
        var last = untilRefused(() -> postRaw("/api/v1/verifications", "{\"id\": \"AAAAAAAAAAAAAAAAAAAAAA\"}"));
        assertThat(last.headers().firstValue("Content-Type").orElseThrow()).as("the API's problem document, also without an Accept header")
                .startsWith("application/problem+json");
        assertThat(get("/.well-known/jwks.json").statusCode()).as("only the API is limited").isEqualTo(200);
    }

    @Test
    @Order(98)
    void too_many_status_list_requests_get_429_with_retry_after_and_the_limit_in_words() throws Exception {
        var last = untilRefused(() -> get("/credentials/status/revocation-0"));
        assertThat(last.body()).contains("At most 40 status list requests at once and 1 a minute per client; try again in");
        assertThat(get("/credentials/badges/ai-reading-foundations.png").statusCode()).as("another budget").isEqualTo(200);
    }

    private interface Request {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    /** Sends the request until the server refuses it as too many (at most 60 times); that refusal, with its Retry-After checked. */
    private static HttpResponse<String> untilRefused(Request request) throws IOException, InterruptedException {
        HttpResponse<String> last = null;
        for (int i = 0; i < 60 && (last == null || last.statusCode() != 429); i++) {
            last = request.send();
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        return last;
    }

    /** The credential's place in the status lists (the same index in the revocation and the suspension list). */
    private static int statusListIndex(String credentialJwt) throws java.text.ParseException {
        var status = (Map<?, ?>) SignedJWT.parse(credentialJwt).getJWTClaimsSet().getClaim("credentialStatus");
        return Integer.parseInt(String.valueOf(status.get("statusListIndex")));
    }

    private boolean statusBit(String list, int index) throws Exception {
        var response = get("/credentials/status/" + list);
        assertThat(response.statusCode()).isEqualTo(200);
        var claims = SignedJWT.parse(response.body()).getJWTClaimsSet();
        @SuppressWarnings("unchecked")
        var subject = (Map<String, Object>) claims.getClaim("credentialSubject");
        assertThat(subject.get("statusPurpose")).isEqualTo(list.substring(0, list.indexOf('-')));
        assertThat(credentials.verifyCredential(response.body()).outcome()).as("the list itself is no OpenBadgeCredential").isNotEqualTo(Outcome.VALID);
        return BitstringStatusList.decode((String) subject.get("encodedList")).get(index);
    }

    private void assertBadRequest(String path, String body, String field) throws Exception {
        var response = postRaw(path, body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("field").asString()).as(body).isEqualTo(field);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A conditional GET, as a cache that holds the list under {@code etag} asks. */
    private static HttpResponse<String> getIfNoneMatch(String path, String etag) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path)).header("If-None-Match", etag).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode post(String path, Object body) throws IOException, InterruptedException {
        var response = postRaw(path, JSON.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> postRaw(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("calibra-it-credentials");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Node 24 as ./calibra provisions it (or on PATH); jose and the status-list library from npm into target/. */
    static final class NodeTools {
        private static final Path WORK = Path.of("target", "node-verifier");

        static Path node() {
            for (Path p : List.of(Path.of(System.getProperty("user.home"), ".vaadin", "node-v24.17.0", "bin", "node"))) {
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, "node"))) {
                    return Path.of(dir, "node");
                }
            }
            unavailable("node was not found (run ./calibra once to provision Node 24 under ~/.vaadin)");
            return null;
        }

        static Path installVerifier() throws Exception {
            Files.createDirectories(WORK);
            try (var in = CredentialVerificationIT.class.getResourceAsStream("/credentials/verify-offline.mjs")) {
                Files.write(WORK.resolve("verify-offline.mjs"), in.readAllBytes());
            }
            if (!Files.exists(WORK.resolve("node_modules/jose")) || !Files.exists(WORK.resolve("node_modules/@digitalbazaar/vc-bitstring-status-list"))) {
                Files.writeString(WORK.resolve("package.json"), "{\"name\":\"calibra-independent-verifier\",\"private\":true,\"type\":\"module\"}");
                Path npm = node().resolveSibling("npm");
                var process = new ProcessBuilder(Files.isExecutable(npm) ? npm.toString() : "npm", "install", "--no-audit", "--no-fund",
                        "--loglevel=error", "jose@6", "@digitalbazaar/vc-bitstring-status-list@2")
                        .directory(WORK.toFile()).redirectErrorStream(true).redirectOutput(WORK.resolve("npm-install.log").toFile()).start();
                process.getOutputStream().close();
                if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    unavailable("npm install of jose failed: " + Files.readString(WORK.resolve("npm-install.log")));
                }
            }
            return WORK.toAbsolutePath();
        }

        static JsonNode run(Path node, Path work, String... args) throws Exception {
            var command = new java.util.ArrayList<String>(List.of(node.toString(), "verify-offline.mjs"));
            command.addAll(List.of(args));
            var process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            String last = out.strip().lines().reduce((a, b) -> b).orElse("");
            assertThat(last).as(out).startsWith("{");
            return JSON.readTree(last);
        }

        /** Skips locally; under CI (CI=true) an independent verifier that cannot run is a failure, not a skip. */
        private static void unavailable(String why) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why);
            }
            assumeTrue(false, why);
        }
    }

}
