package org.calibra.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Posts the login form the way the browser does, each time as a fresh browser: loads the sign-in page first and
 * sends its CSRF token back with the form (Vaadin's login form reads it from the page's {@code _csrf} meta tags).
 */
final class FormLogin {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf_parameter|_csrf)\" content=\"([^\"]*)\"");

    private final String base;

    FormLogin(int port) {
        this.base = "http://localhost:" + port;
    }

    /** The Location of the redirect after POST /login: "/" (or the saved request) on success, "/login?error" on failure. */
    String signIn(String username, String password) throws Exception {
        var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&" + csrfField(client, base);
        var response = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 302) {
            throw new AssertionError("POST /login answered " + response.statusCode());
        }
        return URI.create(base).relativize(URI.create(response.headers().firstValue("Location").orElseThrow())).toString();
    }

    /**
     * Loads the sign-in page in {@code browser} (which must keep cookies: the token belongs to its session) and returns
     * the form field the login form adds, e.g. {@code _csrf=…}.
     */
    static String csrfField(HttpClient browser, String base) {
        try {
            String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            String parameter = null;
            String token = null;
            var m = META.matcher(page);
            while (m.find()) {
                if (m.group(1).equals("_csrf_parameter")) {
                    parameter = m.group(2);
                } else {
                    token = m.group(2);
                }
            }
            if (parameter == null || token == null) {
                throw new AssertionError("the sign-in page carries no CSRF token");
            }
            return parameter + "=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
