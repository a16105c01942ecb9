package org.calibra.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aopalliance.intercept.MethodInterceptor;
import org.calibra.content.ContentLoader;
import org.calibra.dicomweb.DicomWebLinks;
import org.calibra.support.ContextSecurityStrategy;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The management port as HAProxy and Prometheus see it, over real HTTP: readiness while the start-up content is still
 * loading and after, liveness, the custom metrics after a read, and the public port refusing {@code /actuator}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(ContextSecurityStrategy.class)
@Import(OperationsIT.ProbesDuringContentLoading.class)
class OperationsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the probes answered while {@link ContentLoader} ran: before it loaded anything, and once it had loaded everything. */
    static final List<String> DURING_LOADING = new CopyOnWriteArrayList<>();

    @Autowired ApplicationContext context;
    @Autowired Environment environment;

    @Test
    void not_ready_while_content_is_loading_ready_after_and_alive_throughout() throws Exception {
        assertThat(DURING_LOADING).containsExactly(
                "before loading: readiness 503 OUT_OF_SERVICE", "before loading: liveness 200 UP",
                "after loading: readiness 503 OUT_OF_SERVICE", "after loading: liveness 200 UP");
        var readiness = management("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode ready = JSON.readTree(readiness.body());
        assertThat(ready.get("status").asString()).isEqualTo("UP");
        assertThat(ready.at("/components/readinessState/status").asString()).isEqualTo("UP");
        assertThat(ready.at("/components/db/status").asString()).as("readiness includes the database").isEqualTo("UP");
        assertThat(ready.at("/components/blobStore/status").asString()).as("readiness includes the blob store (ADR 0031)").isEqualTo("UP");
        var liveness = management("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(liveness.body()).get("status").asString()).isEqualTo("UP");
        assertThat(management("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void prometheus_reports_reads_scoring_audit_appends_dicomweb_and_vaadin_sessions() throws Exception {
        SignedIn.as("resident", "RESIDENT");
        long version;
        try {
            var scenario = new ReadingScenario(context, "first-reads");
            var entry = scenario.cases().getFirst();
            scenario.readCorrectly(entry);
            version = entry.caseVersionId();
            SignedIn.as("admin", "ADMIN");
            String frame = context.getBean(DicomWebLinks.class).stack(version).getFirst().frame();
            var resident = signedInBrowser("resident", "resident");
            var served = resident.send(HttpRequest.newBuilder(URI.create(publicBase() + frame)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isNotEmpty();
        } finally {
            SignedIn.clear();
        }

        var scrape = management("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        String metrics = scrape.body();
        assertThat(value(metrics, "calibra_reads_submitted_total", "phase=\"final\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "calibra_reads_scoring_seconds_count", "")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "calibra_reads_scoring_seconds_sum", "")).isPositive();
        assertThat(value(metrics, "calibra_audit_appends_total", "")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "calibra_dicomweb_served_bytes_sum", "kind=\"frames\",outcome=\"success\"")).isPositive();
        assertThat(value(metrics, "calibra_dicomweb_requests_seconds_count", "kind=\"frames\",outcome=\"success\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "calibra_vaadin_sessions_active", "")).as("the sign-in page opened a Vaadin session")
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("calibra_audit_appends_total{application=\"calibra\"}");
        assertThat(metrics).contains("# HELP calibra_reads_scoring_seconds Time from a read being submitted to its score being stored");
    }

    @Test
    void the_public_port_refuses_the_management_endpoints_to_everyone() throws Exception {
        var anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var admin = signedInBrowser("admin", "admin");
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus", "/actuator/env")) {
            for (var browser : List.of(anonymous, admin)) {
                var response = browser.send(HttpRequest.newBuilder(URI.create(publicBase() + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("public %s", path).isEqualTo(403);
                assertThat(response.body()).doesNotContain("\"status\"").doesNotContain("calibra_");
            }
        }
        assertThat(management("/actuator/env").statusCode()).as("only health, info and prometheus are exposed").isEqualTo(404);
        assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
    }

    // ----- helpers -----

    private HttpResponse<String> management(String path) throws Exception {
        return probe(environment.getProperty("local.management.port", Integer.class), path);
    }

    static HttpResponse<String> probe(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String publicBase() {
        return "http://localhost:" + environment.getProperty("local.server.port");
    }

    /** A cookie-keeping client signed in through the login form, with the CSRF token the sign-in page carries. */
    private HttpClient signedInBrowser(String username, String password) throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(publicBase() + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]*)\"").matcher(page);
        Matcher parameter = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]*)\"").matcher(page);
        assertThat(token.find() && parameter.find()).as("the sign-in page carries a CSRF token").isTrue();
        String form = "username=" + username + "&password=" + password + "&" + parameter.group(1) + "="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        var signIn = browser.send(HttpRequest.newBuilder(URI.create(publicBase() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(signIn.headers().firstValue("Location").orElse("")).as("signed in as %s", username).doesNotContain("error");
        return browser;
    }

    /** The value of one sample line {@code name{…labels…} value}, whose labels contain {@code labels}. */
    static double value(String metrics, String name, String labels) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains(labels))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no sample " + name + " with " + labels + " in:\n"
                        + metrics.lines().filter(l -> l.startsWith("calibra_")).toList()));
    }

    /** Wraps the content loader so the probes are asked, over HTTP, as it starts and as it finishes. */
    @TestConfiguration
    static class ProbesDuringContentLoading {

        @Bean
        static BeanPostProcessor probeWhileLoading(Environment environment) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof ContentLoader)) {
                        return bean;
                    }
                    var proxy = new ProxyFactory(bean);
                    proxy.setProxyTargetClass(true);
                    proxy.addAdvice((MethodInterceptor) invocation -> {
                        if (!invocation.getMethod().getName().equals("run")) {
                            return invocation.proceed();
                        }
                        record("before loading", environment);
                        Object result = invocation.proceed();
                        record("after loading", environment);
                        return result;
                    });
                    return proxy.getProxy();
                }
            };
        }

        private static void record(String when, Environment environment) throws Exception {
            int port = environment.getProperty("local.management.port", Integer.class);
            for (String probe : List.of("readiness", "liveness")) {
                var answer = probe(port, "/actuator/health/" + probe);
                DURING_LOADING.add(when + ": " + probe + " " + answer.statusCode() + " " + JSON.readTree(answer.body()).get("status").asString());
            }
        }
    }
}
