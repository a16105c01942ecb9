package org.calibra.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One simulated browser talking to Calibra as Vaadin's own client does: its cookies (the session, and HAProxy's
 * sticky-node cookie), the sign-in form, and {@link FlowUi}s opened with Flow's bootstrap request
 * ({@code GET /?v-r=init&location=…}). Everything goes through the public port, as a browser's requests would.
 */
public final class FlowClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http;
    /** This browser's cookies (one site, all on path /): the session, and HAProxy's sticky-node cookie. */
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    /**
     * @param http shared by every simulated browser (one connection pool, no thread per browser); the cookies are this
     *             browser's own
     */
    public FlowClient(HttpClient http, URI base) {
        this.base = base;
        this.http = http;
    }

    /** A client for many simulated browsers: HTTP/1.1 as a browser talks to Vaadin, no redirects followed, no cookie store. */
    public static HttpClient sharedHttp() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public URI base() {
        return base;
    }

    /**
     * Signs in through the login page as Vaadin's login form does: the form post carries the CSRF token from the page's
     * {@code _csrf} meta tag. Throws when the app answers with anything but the redirect of a successful sign-in.
     */
    public void signIn(String username, String password) throws IOException, InterruptedException {
        var page = send(HttpRequest.newBuilder(base.resolve("/login")).GET(), HttpResponse.BodyHandlers.ofString());
        var token = CSRF_META.matcher(page.body());
        if (page.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("GET /login answered " + page.statusCode() + " without a _csrf meta tag");
        }
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        var r = send(HttpRequest.newBuilder(base.resolve("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), HttpResponse.BodyHandlers.discarding());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("signing in as " + username + " failed: " + r.statusCode() + " to '" + location + "'");
        }
    }

    /** Opens a page as a fresh browser tab would: Flow's bootstrap request creates a UI for {@code location} (e.g. "modules/3"). */
    public FlowUi open(String location) throws IOException, InterruptedException {
        var uri = base.resolve("/?v-r=init&location=" + enc(location) + "&query=");
        var r = send(HttpRequest.newBuilder(uri).header("Accept", "application/json").GET(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        JsonNode config = JSON.readTree(r.body()).path("appConfig");
        if (!config.has("v-uiId") || !config.path("uidl").has("Vaadin-Security-Key")) {
            throw new IllegalStateException("the bootstrap response for '" + location + "' has no v-uiId or Vaadin-Security-Key: "
                    + abbreviate(r.body()));
        }
        var ui = new FlowUi(this, location, config.path("v-uiId").asInt(), config.path("uidl"));
        ui.navigate(location); // Flow's client then routes to the location: the view is built in this round trip
        return ui;
    }

    /** Fetches {@code path} (same site) with {@code accept}, reads the body to the end and returns its length; throws unless 200. */
    public long download(String path, String accept) throws IOException, InterruptedException {
        var r = send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept).GET(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = r.body()) {
            long bytes = body.transferTo(OutputStream.nullOutputStream());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
            }
            return bytes;
        }
    }

    /** POSTs one UIDL message of a UI; returns the response body. */
    String postUidl(int uiId, String body) throws IOException, InterruptedException {
        var r = send(HttpRequest.newBuilder(base.resolve("/?v-r=uidl&v-uiId=" + uiId)).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("UIDL request of UI " + uiId + " answered " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        return r.body();
    }

    /**
     * Signs out as the app's menu does (Spring Security's logout, a POST with the page's CSRF token), so the server
     * drops the session rather than keeping it for its timeout.
     */
    public void signOut() throws IOException, InterruptedException {
        var page = send(HttpRequest.newBuilder(base.resolve("/")).GET(), HttpResponse.BodyHandlers.ofString());
        var token = CSRF_META.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("GET / answered " + page.statusCode() + " without a _csrf meta tag");
        }
        var r = send(HttpRequest.newBuilder(base.resolve("/logout")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(token.group(1)))), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 302) {
            throw new IllegalStateException("signing out answered " + r.statusCode());
        }
        cookies.clear();
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        }
        var response = http.send(request.timeout(Duration.ofSeconds(60)).build(), handler);
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return response;
    }

    static String abbreviate(String s) {
        return s.length() <= 600 ? s : s.substring(0, 600) + "…";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
