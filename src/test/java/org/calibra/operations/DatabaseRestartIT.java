package org.calibra.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.calibra.shared.web.DatabaseOutage;
import org.calibra.support.NodeProcess;
import org.calibra.support.RenderedPage;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL restarted under load (issue 16, "Faults"): one application node — its own JVM, the postgres profile — serves
 * residents submitting reads, a signed-in resident's pages, an educator's DICOMweb client and the public verification
 * page and API, while the database is stopped and then started again on the same data. During the outage every request
 * is answered in words — 503 where the answer is HTTP's own — and none shows a stack trace or an exception's name;
 * readiness goes DOWN, then UP again once the database is back; the node serves again by itself; and every read the
 * database holds is whole: its marks, its score, its two audit entries, and counted once in its attempt's running sums.
 */
class DatabaseRestartIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration START = Duration.ofMinutes(4);
    /** Generous on a loaded machine: the pool waits 5 s for a connection (application-postgres.properties). */
    private static final Duration NOTICE = Duration.ofSeconds(90);
    private static final String UNKNOWN_CERTIFICATE = "no-such-certificate-0001";
    /** What must never reach a person: a Java stack frame, an exception's name, the driver's or a framework's packages. */
    private static final Pattern TECHNICAL = Pattern.compile("Exception|\\bat [a-z]+\\.[a-z]+\\.|org\\.springframework|org\\.hibernate|PSQL|HikariPool");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void the_app_rides_out_a_database_restart_and_writes_nothing_by_halves() throws Exception {
        Path content = DemoContent.copy();
        try (var postgres = RestartablePostgres.start();
             var node = NodeProcess.start("db-restart", ReadingNode.class, List.of("--spring.profiles.active=test,postgres",
                     "--spring.datasource.url=" + postgres.url(), "--spring.datasource.username=postgres",
                     "--spring.datasource.password=postgres", "--calibra.demo-users.enabled=true", "--server.port=0",
                     "--vaadin.productionMode=true", "--logging.level.root=warn",
                     "--calibra.data-dir=" + Files.createTempDirectory("calibra-db-restart"),
                     "--calibra.content.cases-dir=" + content.resolve("cases"),
                     "--calibra.content.curricula-dir=" + content.resolve("curricula")));
             ExecutorService clients = Executors.newFixedThreadPool(5)) {
            String[] ports = awaitStarted(node);
            int port = Integer.parseInt(ports[0]);
            String readiness = "http://127.0.0.1:" + ports[1] + "/actuator/health/readiness";
            var resident = RenderedPage.signIn(port, "resident");
            var educator = RenderedPage.signIn(port, "educator");
            var visitor = RenderedPage.anonymous(port);
            String api = "http://localhost:" + port + "/api/v1/verifications";

            // serving: every request answered from the database
            assertThat(status(readiness)).as("ready before the outage").isEqualTo(200);
            assertServing(resident, educator, visitor, api);
            node.tell("readers 3");
            awaitLines(node, "read stored ", 0, 3, "reads stored before the outage");

            postgres.stop();
            int outageStart = node.output().length();

            // during the outage: words, not stack traces, on every kind of request, asked at the same time
            var ready = CompletableFuture.supplyAsync(() -> awaitStatus(readiness, 503, "readiness DOWN"), clients);
            var page = CompletableFuture.supplyAsync(() -> resident.uidl(""), clients);
            var verifyPage = CompletableFuture.supplyAsync(() -> visitor.get("/verify/" + UNKNOWN_CERTIFICATE, "text/html"), clients);
            var verifyApi = CompletableFuture.supplyAsync(unchecked(() -> verify(api)), clients);
            var dicomWeb = CompletableFuture.supplyAsync(() -> educator.get("/dicomweb/studies", "application/dicom+json"), clients);

            assertThat(ready.get()).as("readiness while the database is away").isEqualTo(503);
            assertOutagePage(page.get(), "a resident's page");
            HttpResponse<String> verification = verifyPage.get();
            assertThat(verification.statusCode()).as("the public verification page during the outage").isEqualTo(503);
            assertThat(verification.body()).contains(DatabaseOutage.WORDS);
            assertNoTechnicalWords(verification.body(), "the public verification page");
            HttpResponse<String> answer = verifyApi.get();
            assertThat(answer.statusCode()).as("verification API during the outage: " + answer.body()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(answer.headers().firstValue("Retry-After")).hasValue(String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
            assertThat(JSON.readTree(answer.body()).path("detail").asString()).isEqualTo(DatabaseOutage.WORDS);
            assertNoTechnicalWords(answer.body(), "the verification API");
            HttpResponse<String> images = dicomWeb.get();
            assertThat(images.statusCode()).as("DICOMweb during the outage: " + images.body()).isEqualTo(503);
            assertThat(images.body()).contains(DatabaseOutage.WORDS);
            assertNoTechnicalWords(images.body(), "DICOMweb");
            awaitLines(node, "read refused database", outageStart, 1, "reads refused because the database is away");
            assertThat(node.output().substring(outageStart).lines().filter(l -> l.startsWith("read refused "))
                    .filter(l -> !l.equals("read refused database")).toList()).as("reads refused for any other reason").isEmpty();

            postgres.startAgain();
            int restarted = node.output().length();

            // back by itself: ready again, every kind of request served, reads stored again
            assertThat(awaitStatus(readiness, 200, "readiness UP after the restart")).isEqualTo(200);
            assertServing(resident, educator, visitor, api);
            awaitLines(node, "read stored ", restarted, 3, "reads stored after the restart");
            node.tell("readers stop");
            awaitLines(node, "readers stopped", restarted, 1, "the readers to stop");

            assertEveryReadWhole(postgres.jdbc(), storedReads(node.output()));
        }
    }

    private void assertServing(RenderedPage resident, RenderedPage educator, RenderedPage visitor, String api) throws Exception {
        String page = resident.uidl("");
        assertThat(page).as("a resident's page").isNotEmpty().doesNotContain(DatabaseOutage.TITLE);
        assertThat(visitor.uidl("verify/" + UNKNOWN_CERTIFICATE)).as("the verification page").isNotEmpty().doesNotContain(DatabaseOutage.TITLE);
        var answer = verify(api);
        assertThat(answer.statusCode()).as("verification API: " + answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("valid").asBoolean(true)).isFalse();
        var studies = educator.get("/dicomweb/studies", "application/dicom+json");
        assertThat(studies.statusCode()).as("DICOMweb: " + studies.body()).isEqualTo(200);
        assertThat(JSON.readTree(studies.body()).size()).as("studies listed").isPositive();
    }

    /** A Vaadin navigation answered with the page that says the database is away, and nothing technical. */
    private static void assertOutagePage(String uidl, String what) {
        assertThat(uidl).as(what + " during the outage").contains(DatabaseOutage.TITLE).contains(DatabaseOutage.WORDS);
        assertNoTechnicalWords(uidl, what);
    }

    private static void assertNoTechnicalWords(String body, String what) {
        assertThat(TECHNICAL.matcher(body).find()).as(what + " shows something technical:\n" + body).isFalse();
    }

    /**
     * Every read in the database is whole — the marks its resident reported, a score, "submitted" and "scored" in the
     * audit trail, and its attempt's running sums counting each final read once — and every read a resident was told was
     * stored is there.
     */
    private static void assertEveryReadWhole(JdbcTemplate jdbc, Map<Long, Integer> reported) {
        List<Long> reads = jdbc.queryForList("select id from trainee_read", Long.class);
        assertThat(reads).as("every read reported stored is in the database").containsAll(reported.keySet());
        assertThat(jdbc.queryForObject("select count(*) from trainee_read r where not exists "
                + "(select 1 from read_score s where s.read_id = r.id)", Integer.class)).as("reads without a score").isZero();
        for (String action : List.of("read.submitted", "read.scored")) {
            assertThat(jdbc.queryForObject("select count(distinct subject) from audit_entry where action = ?", Integer.class, action))
                    .as("reads with an audit entry " + action).isEqualTo(reads.size());
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = ?", Integer.class, action))
                    .as("audit entries " + action + " (one per read)").isEqualTo(reads.size());
        }
        reported.forEach((read, marks) -> assertThat(jdbc.queryForObject("select count(*) from read_mark where read_id = ?", Integer.class, read))
                .as("marks of read " + read).isEqualTo(marks));
        assertThat(jdbc.queryForList("select t.attempt_id from attempt_tally t where t.final_reads <> "
                + "(select count(*) from trainee_read r where r.attempt_id = t.attempt_id and r.phase = 'final')", Long.class))
                .as("attempts whose running sums miscount their final reads").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from read_score s where not exists "
                + "(select 1 from trainee_read r where r.id = s.read_id)", Integer.class)).as("scores without a read").isZero();
    }

    /** The reads the node's residents were told were stored, with how many marks each sent. */
    private static Map<Long, Integer> storedReads(String output) {
        var reads = new java.util.HashMap<Long, Integer>();
        output.lines().filter(l -> l.startsWith("read stored ")).map(l -> l.substring("read stored ".length()).split(" "))
                .forEach(p -> reads.put(Long.parseLong(p[0]), Integer.parseInt(p[1])));
        return reads;
    }

    private static String[] awaitStarted(NodeProcess node) throws InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            var started = node.output().lines().filter(l -> l.startsWith("started ")).findFirst();
            if (started.isPresent()) {
                return started.get().substring("started ".length()).split(" ");
            }
            if (!node.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the node did not start within " + START + ":\n" + node.tail());
            }
            Thread.sleep(200);
        }
    }

    /** Until the node has written {@code count} lines starting with {@code prefix} after {@code from} in its output. */
    private static void awaitLines(NodeProcess node, String prefix, int from, int count, String what) throws InterruptedException {
        long deadline = System.nanoTime() + NOTICE.toNanos();
        while (node.output().substring(from).lines().filter(l -> l.startsWith(prefix)).count() < count) {
            if (!node.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("waited " + NOTICE + " for " + count + " " + what + " ('" + prefix + "…'):\n" + node.tail());
            }
            Thread.sleep(100);
        }
    }

    /** Polls until the address answers {@code expected}; returns the last status. */
    private int awaitStatus(String url, int expected, String what) {
        long deadline = System.nanoTime() + NOTICE.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = status(url);
            if (last == expected) {
                return last;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(what + ": " + url + " still answers " + last + " after " + NOTICE);
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private HttpResponse<String> verify(String api) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(api)).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"" + UNKNOWN_CERTIFICATE + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> Supplier<T> unchecked(Call<T> call) {
        return () -> {
            try {
                return call.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Only the demo curriculum of the reading module and its seven cases, so the node starts sooner. */
    static final class DemoContent {
        private DemoContent() {
        }

        static Path copy() throws IOException {
            return org.calibra.support.ContentCopy.demoOnly("calibra-db-restart-content");
        }
    }
}
