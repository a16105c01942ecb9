package org.calibra.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like HTTP session that opens a Vaadin route as the browser does (the page, then {@code ?v-r=init}, then a
 * navigation over {@code ?v-r=uidl}) and returns the UIDL the server answered with: the rendered view's elements, texts and
 * its grids' data travel in it. Copied from {@code AccessMatrixIT.Session}, for tests that judge what a page shows.
 */
public final class RenderedPage {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"(_csrf_parameter|_csrf)\" content=\"([^\"]*)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

    private RenderedPage(String base) {
        this.base = base;
    }

    /** Signs in with the form (demo and test accounts: the password is the user name). */
    public static RenderedPage signIn(int port, String user) {
        var s = new RenderedPage("http://localhost:" + port);
        String login = s.send(HttpRequest.newBuilder(URI.create(s.base + "/login")).GET().build()).body();
        String parameter = null;
        String token = null;
        var m = CSRF_META.matcher(login);
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
        String form = "username=" + enc(user) + "&password=" + enc(user) + "&" + parameter + "=" + enc(token);
        var r = s.send(HttpRequest.newBuilder(URI.create(s.base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("sign-in of " + user + " failed");
        }
        return s;
    }

    /** A visitor who has not signed in, for the public pages. */
    public static RenderedPage anonymous(int port) {
        return new RenderedPage("http://localhost:" + port);
    }

    /** Any other request in this session (e.g. DICOMweb), asking for {@code accept}. */
    public HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build());
    }

    /** The UIDL of the route's first render; empty when the page itself was refused or sent us to sign in. */
    public String uidl(String route) {
        var page = send(HttpRequest.newBuilder(URI.create(base + "/" + route)).GET().build());
        if (page.statusCode() != 200) {
            return "";
        }
        JsonNode init = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/?v-r=init&location=" + enc(route) + "&query=")).GET()
                .build()).body());
        int uiId = init.path("appConfig").path("v-uiId").asInt();
        String key = init.path("appConfig").path("uidl").path("Vaadin-Security-Key").asString();
        String navigate = JSON.writeValueAsString(Map.of("csrfToken", key, "syncId", 0, "clientId", 0, "rpc", List.of(Map.of(
                "type", "event", "node", 1, "event", "ui-navigate", "data",
                Map.of("route", route, "query", "", "appShellTitle", "", "historyState", Map.of("idx", 0), "trigger", "")))));
        return send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + uiId)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(navigate)).build()).body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
