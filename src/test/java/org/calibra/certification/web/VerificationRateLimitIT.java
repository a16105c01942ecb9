package org.calibra.certification.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.calibra.support.ContextSecurityStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verification is limited per client address by what it costs: every credential or id a call verifies takes a token
 * (a bulk call of 100 ids is 100 lookups, not one), a batch larger than what is left is refused whole with 429 and says
 * so, and the public page {@code /verify/{id}} is limited too — its page load and the Vaadin navigation that does the
 * lookup alike — with a page a person can read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"calibra.content.load-on-startup=false",
                "calibra.verification.rate-limit.capacity=10", "calibra.verification.rate-limit.per-minute=1",
                "calibra.verification.page-rate-limit.capacity=3", "calibra.verification.page-rate-limit.per-minute=1"})
@ActiveProfiles("test")
@ExtendWith(ContextSecurityStrategy.class)
class VerificationRateLimitIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ELEMENT_ID = Pattern.compile("\"key\":\"id\",\"feat\":\\d+,\"value\":\"([^\"]+)\"");

    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void a_bulk_call_costs_a_token_per_item_and_a_batch_over_what_is_left_is_refused_whole() throws Exception {
        // every call takes one token (10 at once here), each further item of a batch one more
        var tooBig = bulk(11);
        assertThat(tooBig.statusCode()).as("a batch that could never fit is bad input, not a reason to wait").isEqualTo(400);
        assertThat(JSON.readTree(tooBig.body()).get("field").asString()).isEqualTo("items");

        var four = bulk(4); // 9 left → 5
        assertThat(four.statusCode()).as(four.body()).isEqualTo(200);
        assertThat(JSON.readTree(four.body()).get("results").size()).isEqualTo(4);

        var six = bulk(6); // needs 6, has 5: refused whole; the refused call itself took one → 4
        assertThat(six.statusCode()).as(six.body()).isEqualTo(429);
        assertThat(Long.parseLong(six.headers().firstValue("Retry-After").orElseThrow())).isBetween(61L, 120L);
        assertThat(six.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(six.headers().firstValue("Content-Security-Policy")).isPresent();
        JsonNode problem = JSON.readTree(six.body());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("title").asString()).isEqualTo("Too many requests");
        assertThat(problem.get("detail").asString()).contains("Nothing was verified").contains("6 items").contains("4 are left");
        assertThat(problem.get("items").asInt()).isEqualTo(6);
        assertThat(problem.get("available").asInt()).isEqualTo(4);
        assertThat(problem.has("results")).isFalse();

        var rest = bulk(4); // exactly what is left
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(200);
        assertThat(JSON.readTree(rest.body()).get("results").size()).isEqualTo(4);

        var single = post("/api/v1/verifications", "{\"id\": \"" + id(0) + "\"}");
        assertThat(single.statusCode()).as("nothing left").isEqualTo(429);
        assertThat(single.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void lookups_on_the_public_verify_page_are_limited_with_a_readable_page() throws Exception {
        String id = id(42);
        for (int i = 0; i < 3; i++) {
            assertThat(openVerifyPage(id)).as("lookup %d", i + 1).contains("verify-view");
        }
        // the navigation alone (as a script would, skipping the page load) no longer looks anything up
        Set<String> fourth = navigate("verify/" + id);
        assertThat(fourth).contains("too-many-requests-view").doesNotContain("verify-view");

        // the page load: 429, Retry-After, words
        var page = http.send(HttpRequest.newBuilder(uri("/verify/" + id)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(page.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(page.body()).contains("Too many requests").contains("certificate lookups").contains("try again in");

        // the page where one types an id still opens (it looks nothing up)
        var lookup = http.send(HttpRequest.newBuilder(uri("/verify")).GET().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(lookup.statusCode()).isEqualTo(200);
    }

    // ----- helpers -----

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String id(int n) {
        return "NOSUCHCERTIFICATE" + String.format("%05d", n);
    }

    private HttpResponse<String> bulk(int items) throws Exception {
        List<Map<String, String>> list = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            list.add(Map.of("id", id(i)));
        }
        return post("/api/v1/verifications/bulk", JSON.writeValueAsString(Map.of("items", list)));
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As the browser opens the page: the page itself, then Vaadin's start and its navigation; the element ids rendered. */
    private Set<String> openVerifyPage(String id) throws Exception {
        var page = http.send(HttpRequest.newBuilder(uri("/verify/" + id)).GET().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(page.statusCode()).isEqualTo(200);
        return navigate("verify/" + id);
    }

    private Set<String> navigate(String route) throws IOException, InterruptedException {
        JsonNode init = JSON.readTree(http.send(HttpRequest.newBuilder(uri("/?v-r=init&location=" + URLEncoder.encode(route, StandardCharsets.UTF_8)
                + "&query=")).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        int uiId = init.path("appConfig").path("v-uiId").asInt();
        String key = init.path("appConfig").path("uidl").path("Vaadin-Security-Key").asString();
        String navigate = JSON.writeValueAsString(Map.of("csrfToken", key, "syncId", 0, "clientId", 0, "rpc", List.of(Map.of(
                "type", "event", "node", 1, "event", "ui-navigate", "data",
                Map.of("route", route, "query", "", "appShellTitle", "", "historyState", Map.of("idx", 0), "trigger", "")))));
        var uidl = http.send(HttpRequest.newBuilder(uri("/?v-r=uidl&v-uiId=" + uiId)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(navigate)).build(), HttpResponse.BodyHandlers.ofString());
        Set<String> ids = new TreeSet<>();
        ELEMENT_ID.matcher(uidl.body()).results().forEach(m -> ids.add(m.group(1)));
        return ids;
    }
}
