package org.calibra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.calibra.support.ContextSecurityStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in attempts are limited per client address over real HTTP: past the burst the form post gets 429 with
 * Retry-After (a page for a browser, a problem document otherwise), while the sign-in page itself still loads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"calibra.security.login-rate-limit.capacity=3", "calibra.security.login-rate-limit.per-minute=1"})
@ActiveProfiles("test")
@ExtendWith(ContextSecurityStrategy.class)
class LoginRateLimitIT {

    private static final int PORT = freePort();
    /** One browser: the sign-in page's CSRF token belongs to its session. */
    private static final HttpClient HTTP = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @Test
    void a_fourth_sign_in_attempt_within_the_minute_is_refused_with_retry_after() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post("text/html").statusCode()).as("attempt %d", i + 1).isEqualTo(302);
        }
        HttpResponse<String> page = post("text/html,application/xhtml+xml");
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(page.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("At most 3 sign-in attempts at once and 1 a minute per client");
        assertThat(page.headers().firstValue("Content-Security-Policy")).as("the hardening headers, as on every page").isPresent();
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");

        HttpResponse<String> api = post("application/json");
        assertThat(api.statusCode()).isEqualTo(429);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        var loginPage = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/login")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(loginPage.statusCode()).as("only posts are counted").isEqualTo(200);
    }

    private static HttpResponse<String> post(String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString("username=resident&password=wrong&" + FormLogin.csrfField(HTTP, "http://localhost:" + PORT)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
