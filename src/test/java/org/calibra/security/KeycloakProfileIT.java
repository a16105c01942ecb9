package org.calibra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.calibra.support.ContextSecurityStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The keycloak profile with Keycloak down (nothing listens on port 1): the app still starts, sends unauthenticated
 * requests to Keycloak's authorization endpoint with PKCE, and keeps public pages public.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"calibra.content.load-on-startup=false", "calibra.keycloak.url=http://127.0.0.1:1"})
@ActiveProfiles({"test", "keycloak"})
@ExtendWith(ContextSecurityStrategy.class)
class KeycloakProfileIT {

    @LocalServerPort int port;

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_protected_resource_sends_the_browser_to_keycloak_with_pkce() throws Exception {
        var files = get("/files/dicom/0000");
        assertThat(files.statusCode()).isEqualTo(302);
        assertThat(files.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/keycloak");

        var start = get("/oauth2/authorization/keycloak");
        assertThat(start.statusCode()).isEqualTo(302);
        String keycloak = start.headers().firstValue("Location").orElseThrow();
        assertThat(keycloak).startsWith("http://127.0.0.1:1/realms/calibra/protocol/openid-connect/auth?")
                .contains("client_id=calibra-app", "response_type=code", "scope=openid", "code_challenge=", "code_challenge_method=S256",
                        "redirect_uri=http://localhost:" + port + "/login/oauth2/code/keycloak");
    }

    @Test
    void the_local_login_form_is_not_offered() throws Exception {
        var post = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=resident&password=resident")).build(), HttpResponse.BodyHandlers.discarding());
        // refused, or sent to Keycloak — never signed in locally
        if (post.statusCode() == 302) {
            assertThat(post.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/keycloak");
        } else {
            assertThat(post.statusCode()).isGreaterThanOrEqualTo(400);
        }
    }

    @Test
    void certificate_verification_stays_public() throws Exception {
        var verify = get("/verify/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(verify.statusCode()).isEqualTo(200);
    }
}
