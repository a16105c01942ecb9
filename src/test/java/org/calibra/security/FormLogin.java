package org.calibra.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Posts the login form the way the browser does, each time as a fresh browser; answers where it was sent. */
final class FormLogin {

    private final String base;

    FormLogin(int port) {
        this.base = "http://localhost:" + port;
    }

    /** The Location of the redirect after POST /login: "/" (or the saved request) on success, "/login?error" on failure. */
    String signIn(String username, String password) throws Exception {
        var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        var response = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 302) {
            throw new AssertionError("POST /login answered " + response.statusCode());
        }
        return URI.create(base).relativize(URI.create(response.headers().firstValue("Location").orElseThrow())).toString();
    }
}
