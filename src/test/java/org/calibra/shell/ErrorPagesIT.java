package org.calibra.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.calibra.support.ContextSecurityStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error answer is Calibra's own plain page (a problem document for API clients) with the hardening headers of
 * every other page — also for requests Tomcat refuses before the application sees them (an encoded slash, a broken
 * escape), requests Spring Security's firewall refuses, and errors of the application itself. Sent byte for byte
 * over a socket, so nothing on the client side normalises the request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "calibra.content.load-on-startup=false")
@ActiveProfiles("test")
@ExtendWith(ContextSecurityStrategy.class)
class ErrorPagesIT {

    /** The headers that must match those of an ordinary page. */
    private static final List<String> HARDENING = List.of("content-security-policy", "x-content-type-options", "x-frame-options",
            "referrer-policy", "permissions-policy", "cache-control");

    @LocalServerPort int port;

    @Test
    void requests_tomcat_refuses_itself_get_the_apps_page_with_its_headers() {
        Map<String, String> page = send("GET /login HTTP/1.0", "text/html").headers;
        for (String target : new String[] {"/a%2Fb", "/%", "/a%00b", "/a%5Cb", "/verify/a%2F..%2F..%2Fetc"}) {
            var r = send("GET " + target + " HTTP/1.0", "text/html");
            assertThat(r.status).as(target).isEqualTo(400);
            assertPlainPage(r, target, page);
            assertThat(r.body).as(target).contains("Calibra could not understand this request");
        }
        var hugeHeader = send("GET /login HTTP/1.0\r\nX-Padding: " + "a".repeat(20_000), "text/html");
        assertThat(hugeHeader.status).isEqualTo(400);
        assertPlainPage(hugeHeader, "a header larger than Tomcat reads", page);
    }

    @Test
    void requests_the_security_firewall_refuses_get_the_same_page() {
        Map<String, String> page = send("GET /login HTTP/1.0", "text/html").headers;
        for (String target : new String[] {"/a;b", "/verify/x;jsessionid=1", "/a%252Fb"}) {
            var r = send("GET " + target + " HTTP/1.0", "text/html");
            assertThat(r.status).as(target).isEqualTo(400);
            assertPlainPage(r, target, page);
        }
    }

    @Test
    void errors_of_the_application_get_the_same_page_and_an_api_client_a_problem_document() {
        Map<String, String> page = send("GET /login HTTP/1.0", "text/html").headers;
        var missing = send("GET /VAADIN/no-such-file.js HTTP/1.0", "text/html");
        assertThat(missing.status).isEqualTo(404);
        assertPlainPage(missing, "missing file", page);
        assertThat(missing.body).contains("Not available");

        var wrongMethod = send("DELETE /api/v1/verifications HTTP/1.0", "text/html");
        assertThat(wrongMethod.status).isEqualTo(405);
        assertPlainPage(wrongMethod, "wrong method", page);

        for (String target : new String[] {"/a;b", "/a%2Fb"}) {
            var api = send("GET " + target + " HTTP/1.0", "application/json");
            assertThat(api.status).as(target).isEqualTo(400);
            assertThat(api.headers.get("content-type")).as(target).startsWith("application/problem+json");
            HARDENING.forEach(h -> assertThat(api.headers.get(h)).as(target + " " + h).isEqualTo(page.get(h)));
            var problem = JsonMapper.builder().build().readTree(api.body);
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("title").asString()).isEqualTo("Bad request");
            assertThat(problem.get("detail").asString()).isNotBlank();
        }
    }

    private static void assertPlainPage(Response r, String what, Map<String, String> page) {
        assertThat(r.headers.get("content-type")).as(what).startsWith("text/html");
        for (String h : HARDENING) {
            assertThat(r.headers.get(h)).as(what + ": " + h).isNotNull().isEqualTo(page.get(h));
        }
        assertThat(r.headers.get("cache-control")).as(what).contains("no-store");
        assertThat(r.headers).as(what + ": no server version").doesNotContainKey("server");
        assertThat(r.body).as(what).contains("<title>").contains("Calibra").contains("href=\"/\"")
                .doesNotContainIgnoringCase("tomcat").doesNotContain("HTTP Status").doesNotContain("Whitelabel")
                .doesNotContain("Exception").doesNotContain("<script");
    }

    // ----- a raw HTTP/1.0 exchange -----

    private record Response(int status, Map<String, String> headers, String body) {}

    private Response send(String requestLine, String accept) {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            String request = requestLine + "\r\nHost: localhost:" + port + "\r\nAccept: " + accept + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            var bytes = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(bytes);
            String raw = bytes.toString(StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            List<String> lines = new ArrayList<>(List.of(raw.substring(0, end).split("\r\n")));
            int status = Integer.parseInt(lines.removeFirst().split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : lines) {
                int colon = line.indexOf(':');
                headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
            }
            return new Response(status, headers, raw.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
