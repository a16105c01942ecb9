package org.calibra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.calibra.support.ContextSecurityStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Login CSRF: a page on another site must not be able to sign a visitor's browser in to an account of the attacker's
 * choosing (whose reads, certificates and uploads the victim would then make for the attacker). The sign-in post needs
 * the token of the sign-in page the browser itself loaded; the session cookie is SameSite=Lax, and Secure over HTTPS
 * (also behind a proxy that says so in X-Forwarded-Proto, with server.forward-headers-strategy=native).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"calibra.content.load-on-startup=false", "server.forward-headers-strategy=native",
                "calibra.security.login-rate-limit.capacity=1000", "calibra.security.login-rate-limit.per-minute=1000"})
@ActiveProfiles("test")
@ExtendWith(ContextSecurityStrategy.class)
class LoginCsrfIT {

    @LocalServerPort int port;

    private HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> postLogin(HttpClient browser, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://attacker.example").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signed in: a page only signed-in users reach answers without sending the browser to sign in. */
    private boolean signedIn(HttpClient browser) throws Exception {
        var r = browser.send(HttpRequest.newBuilder(uri("/files/dicom/0000")).GET().build(), HttpResponse.BodyHandlers.discarding());
        return r.statusCode() != 302 && r.statusCode() != 401;
    }

    @Test
    void a_cross_site_sign_in_post_without_the_pages_token_is_refused_and_signs_nobody_in() throws Exception {
        var victim = browser();
        var post = postLogin(victim, "username=resident&password=resident");
        assertThat(post.statusCode()).as("the forged sign-in post").isEqualTo(403);
        assertThat(post.body()).as("a page in words").contains("out of date").doesNotContain("Exception");
        assertThat(signedIn(victim)).isFalse();

        // nor with the token hidden in the query string, or on a request Vaadin would call its own
        assertThat(postLogin(victim, "username=resident&password=resident&_csrf=").statusCode()).isEqualTo(403);
        var internal = victim.send(HttpRequest.newBuilder(uri("/login?v-r=uidl")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=resident&password=resident")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(internal.statusCode()).isNotEqualTo(302);
        assertThat(signedIn(victim)).isFalse();
    }

    @Test
    void the_attackers_own_token_does_not_sign_in_another_browser() throws Exception {
        var attacker = browser();
        String token = FormLogin.csrfField(attacker, "http://localhost:" + port);
        var victim = browser();
        assertThat(postLogin(victim, "username=resident&password=resident&" + token).statusCode()).isEqualTo(403);
        assertThat(signedIn(victim)).isFalse();
    }

    @Test
    void the_sign_in_page_carries_its_token_and_its_own_post_signs_in() throws Exception {
        var browser = browser();
        String token = FormLogin.csrfField(browser, "http://localhost:" + port);
        assertThat(token).startsWith("_csrf=");
        var post = postLogin(browser, "username=resident&password=resident&" + token);
        assertThat(post.statusCode()).isEqualTo(302);
        assertThat(post.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(signedIn(browser)).isTrue();
    }

    @Test
    void the_session_cookie_is_same_site_lax_and_secure_when_the_request_came_over_https() throws Exception {
        String plain = sessionCookie(HttpRequest.newBuilder(uri("/login")).GET().build());
        assertThat(plain).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Secure");

        // behind a TLS-terminating proxy on a trusted (here: loopback) address
        String https = sessionCookie(HttpRequest.newBuilder(uri("/login")).header("X-Forwarded-Proto", "https").GET().build());
        assertThat(https).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("; Secure");
    }

    private String sessionCookie(HttpRequest request) throws Exception {
        List<String> cookies = browser().send(request, HttpResponse.BodyHandlers.discarding()).headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }
}
