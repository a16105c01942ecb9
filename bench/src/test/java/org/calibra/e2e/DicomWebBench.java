package org.calibra.e2e;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.calibra.CalibraApplication;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.dicom.DicomHeader;
import org.calibra.casebank.dicom.DicomHeaders;
import org.calibra.curriculum.CurriculumService;
import org.calibra.dicomweb.DicomWebLinks;
import org.calibra.reading.ReadingService;
import org.calibra.shared.JsonText;
import org.calibra.support.Orthanc;
import org.calibra.support.SignedIn;
import org.calibra.synthetic.Recipe;
import org.calibra.synthetic.SyntheticCaseGenerator;
import org.calibra.synthetic.SyntheticCases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * DICOMweb delivery, the app against a real Orthanc serving the same instances in the same run: a synthetic CT series
 * (300 slices of 512×512 by default) is uploaded to Orthanc (127.0.0.1:8042) and loaded into the app as a local case.
 * (a) Server throughput: N parallel connections fetch every instance (WADO-RS retrieve, application/dicom) and every
 * frame (octet-stream) R times — instances/s, MB/s, latency p50/p99. (b) Headless Chromium: a viewer element is given
 * the series over wadors from the app, or straight from Orthanc (--disable-web-security, so cross-origin is allowed
 * for the bench only), on a freshly loaded page with the HTTP cache off: time from setting the stack to the first
 * rendered image and to the whole series loaded. Writes target/bench/dicomweb.md.
 * <p>
 * The app de-identifies the series when it loads it (new study, series and instance UIDs), so the bench finds the
 * instances it serves through its own QIDO-RS, as any DICOMweb client would, and pairs them with Orthanc's by
 * InstanceNumber. It asserts that the bench worked (both servers answer every request with 200, the browser loads
 * every image), never how fast. {@code -Dbench.smoke=true} (the default in {@code ./calibra test}, see bench/README.md):
 * 60 slices of 256×256 (the smallest CT the content format takes), one connection, one round, a short warm-up and one browser run (none under -DskipE2E).
 */
class DicomWebBench {

    static final boolean SMOKE = Boolean.getBoolean("bench.smoke");
    static final int SLICES = Integer.getInteger("bench.slices", SMOKE ? 60 : 300);
    static final int SIZE = Integer.getInteger("bench.size", SMOKE ? 256 : 512);
    static final int CONNECTIONS = Integer.getInteger("bench.connections", SMOKE ? 1 : 6);
    static final int ROUNDS = Integer.getInteger("bench.rounds", SMOKE ? 1 : 5);
    static final int WARM_UP_REQUESTS = Integer.getInteger("bench.warmUpRequests", SMOKE ? 8 : 1500);
    static final int BROWSER_RUNS = Integer.getInteger("bench.browserRuns", SMOKE ? 1 : 3);
    /** The smoke runs in ./calibra test: without Chromium (-DskipE2E=true) it leaves out the browser part. */
    static final boolean BROWSER = !(SMOKE && Boolean.getBoolean("calibra.e2e.skip"));
    /** Also the boot jar as one node and as two behind HAProxy, on PostgreSQL (not in the smoke: two more app starts). */
    static final boolean NODES = Boolean.parseBoolean(System.getProperty("bench.nodes", String.valueOf(!SMOKE)));
    static final String CASE_ID = "bench-ct";
    /** The browser part measures its own viewer on the reading page of this module (one small radiograph). */
    static final String PAGE_MODULE = "bench-page";
    static final String PAGE_CASE_ID = "bench-cxr";

    @Test
    void app_and_orthanc_serve_the_same_series() throws Exception {
        int orthancPort = freePort(); // not Orthanc's usual 8042: a test or another bench on this machine may hold it
        try (var orthanc = Orthanc.start(orthancPort)) {
            var recipe = new Recipe(CASE_ID, Recipe.Kind.CHEST_CT, 2026, new Recipe.CtParameters(SIZE, SIZE, SLICES, 360.0 / SIZE, 1.0, 18, List.of()),
                    Recipe.AiModel.standard());
            var generated = SyntheticCaseGenerator.generate(recipe, CASE_ID + "/case.yaml");
            List<byte[]> slices = generated.images().stream().map(n -> generated.files().get(n)).toList();
            long totalBytes = slices.stream().mapToLong(b -> b.length).sum();
            long t0 = System.nanoTime();
            for (byte[] s : slices) {
                orthanc.upload(s);
            }
            double uploadS = (System.nanoTime() - t0) / 1e9;
            DicomHeader first = DicomHeaders.read(slices.getFirst());
            Map<Integer, String> sopByNumber = new TreeMap<>(); // Orthanc keeps the generator's UIDs
            for (byte[] s : slices) {
                DicomHeader h = DicomHeaders.read(s);
                sopByNumber.put(instanceNumber(h.text(INSTANCE_NUMBER), "generated slice " + h.sopInstanceUid()), h.sopInstanceUid());
            }

            Path content = Files.createTempDirectory("bench-dicomweb");
            // only the bench's own content: the app starts faster, and no other content competes for the 2 cores
            Path cases = Files.createDirectories(content.resolve("cases"));
            SyntheticCases.writeBundle(generated, cases, true);
            var radiograph = new Recipe(PAGE_CASE_ID, Recipe.Kind.CHEST_RADIOGRAPH, 2026, Recipe.RadiographParameters.standard(List.of()),
                    Recipe.AiModel.standard());
            SyntheticCases.writeBundle(SyntheticCaseGenerator.generate(radiograph, PAGE_CASE_ID + "/case.yaml"), cases, true);
            Files.createDirectories(content.resolve("curricula"));
            Files.writeString(content.resolve("curricula/bench.yaml"), """
                    schemaVersion: 1
                    id: bench
                    title: "Bench"
                    description: "The DICOMweb bench series."
                    certificate: {title: "Bench", validityMonths: 12, competencies: ["Bench"]}
                    modules:
                      - id: bench-module
                        title: "Bench"
                        description: "One case."
                        readingMode: unaided
                        cases: [%s]
                        minimumCases: 1
                        thresholds: [{metric: specificity, min: 0.5}]
                      - id: %s
                        title: "Bench page"
                        description: "A reading page with a viewer, for the browser part: one radiograph."
                        readingMode: unaided
                        cases: [%s]
                        minimumCases: 1
                        thresholds: [{metric: specificity, min: 0.5}]
                    """.formatted(CASE_ID, PAGE_MODULE, PAGE_CASE_ID));
            String[] args = {"--server.port=0", "--logging.level.root=warn", "--vaadin.productionMode=true",
                    "--calibra.data-dir=" + Files.createTempDirectory("bench-dicomweb-data"),
                    "--calibra.content.cases-dir=" + cases, "--calibra.content.curricula-dir=" + content.resolve("curricula"),
                    // the page's CSP lets its viewer fetch from this Orthanc, as a site using an external archive configures it
                    "--calibra.security.csp.extra-connect-src=" + orthanc.base()};
            try (ConfigurableApplicationContext app = new SpringApplication(CalibraApplication.class).run(args)) {
                String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
                long version = app.getBean(CaseService.class).latestVersionId(CASE_ID).orElseThrow();
                List<DicomWebLinks.Link> links;
                SignedIn.as("resident", "RESIDENT");
                try {
                    var module = app.getBean(CurriculumService.class).listCurricula().stream().flatMap(c -> c.modules().stream())
                            .filter(m -> m.slug().equals("bench-module")).findFirst().orElseThrow();
                    app.getBean(ReadingService.class).startOrResume(module.id()); // the bench case is now drawn for the resident
                    links = app.getBean(DicomWebLinks.class).stack(version);
                } finally {
                    SignedIn.clear();
                }
                if (links.size() != SLICES || links.contains(null)) {
                    throw new IllegalStateException("the app gives its viewer DICOMweb links for " + links.stream().filter(java.util.Objects::nonNull).count()
                            + " of the " + SLICES + " bench slices");
                }
                String orthancSeries = orthanc.dicomWebRoot() + "/studies/" + first.studyInstanceUid() + "/series/" + first.seriesInstanceUid();

                var report = new StringBuilder();
                report.append(SMOKE ? "Smoke run (sizes too small to mean anything). " : "").append("Measured ").append(Instant.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                        .append(" cores shared by the app, Orthanc, the load client and Chromium. Series: ").append(SLICES).append(" CT slices of ")
                        .append(SIZE).append("×").append(SIZE).append(", ").append(String.format("%.1f", totalBytes / 1e6)).append(" MB; Orthanc ")
                        .append("1.10 + DICOMweb plugin 1.7 on 127.0.0.1:").append(orthancPort).append(" (upload ").append(String.format("%.1f", uploadS))
                        .append(" s).\n\n");
                report.append("### (a) Server throughput: ").append(CONNECTIONS).append(" connections, every instance ").append(ROUNDS)
                        .append(String.format("× (after ≥ %,d warm-up requests)", WARM_UP_REQUESTS))
                        .append("\n\n| server | request | instances/s | MB/s | p50 ms | p99 ms |\n|---|---|---|---|---|---|\n");
                var client = new LoadClient(login(base, "educator"));
                var plain = new LoadClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
                String dicom = "multipart/related; type=\"application/dicom\"";
                String octet = "multipart/related; type=application/octet-stream; transfer-syntax=*";
                Map<Integer, String> servedByNumber = servedInstances(client.http(), base, version);
                if (!servedByNumber.keySet().equals(sopByNumber.keySet())) {
                    throw new IllegalStateException("the app's QIDO-RS lists instance numbers " + servedByNumber.keySet() + " for the bench case, "
                            + "expected the generated " + sopByNumber.keySet());
                }
                List<String> appInstances = servedByNumber.values().stream().map(url -> base + url).toList();
                List<String> orthancInstances = sopByNumber.values().stream().map(s -> orthancSeries + "/instances/" + s).toList();
                List<String> sops = List.copyOf(sopByNumber.values());
                var ai = client.run(appInstances, dicom);
                var oi = plain.run(orthancInstances, dicom);
                var af = client.run(appInstances.stream().map(u -> u + "/frames/1").toList(), octet);
                var of = plain.run(orthancInstances.stream().map(u -> u + "/frames/1").toList(), octet);
                report.append(ai.row("app", "instance (application/dicom)")).append(oi.row("Orthanc", "instance (application/dicom)"))
                        .append(af.row("app", "frame (octet-stream)")).append(of.row("Orthanc", "frame (octet-stream)"));
                report.append(String.format("%nRatios app / Orthanc (instances/s): instances %.2f×, frames %.2f×.%n%n",
                        ai.perSecond() / oi.perSecond(), af.perSecond() / of.perSecond()));
                if (NODES) {
                    report.append(AppCluster.rows(cases, content.resolve("curricula"), oi, of));
                }

                var appImages = new ArrayList<Map<String, Object>>();
                var orthancImages = new ArrayList<Map<String, Object>>();
                for (int i = 0; i < SLICES; i++) {
                    appImages.add(Map.of("url", "/unused", "frame", 0, "wadoRs", links.get(i).frame(), "metadata", links.get(i).metadata()));
                    orthancImages.add(Map.of("url", "/unused", "frame", 0, "wadoRs", orthancSeries + "/instances/" + sops.get(i) + "/frames/1",
                            "metadata", orthancSeries + "/metadata"));
                }
                report.append(BROWSER ? browser(base, JsonText.write(appImages), JsonText.write(orthancImages))
                        : "### (b) Headless Chromium: left out (smoke run with -DskipE2E=true, no browser)\n");
                System.out.println("\n" + report);
                Path out = Path.of("target/bench/dicomweb.md");
                Files.createDirectories(out.getParent());
                Files.writeString(out, report.toString());
            }
        }
    }

    /** (b): medians of BROWSER_RUNS alternating runs, each on a freshly loaded reading page with the HTTP cache off. */
    private static String browser(String base, String appImages, String orthancImages) {
        System.setProperty("calibra.e2e.skip", "false"); // Browser skips under -DskipE2E; the bench runs its own app
        var result = new StringBuilder("### (b) Headless Chromium, a viewer given the series (median of " + BROWSER_RUNS + " runs each)\n\n"
                + "| source | metadata + first image on screen, ms | whole series loaded, ms | runs (first / all) |\n|---|---|---|---|\n");
        Map<String, List<double[]>> runs = new java.util.LinkedHashMap<>();
        runs.put("app (/dicomweb, wadors)", new ArrayList<>());
        runs.put("Orthanc (DICOMweb, wadors)", new ArrayList<>());
        try (var browser = new Browser(base, "--disable-web-security")) {
            LoginPage.open(browser).signInAs("resident", "resident").openModule(PAGE_MODULE).start();
            String page = browser.driver.getCurrentUrl();
            browser.driver.executeCdpCommand("Network.enable", Map.of());
            browser.driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            for (int r = 0; r < BROWSER_RUNS; r++) {
                for (var target : runs.keySet()) {
                    String images = target.startsWith("app") ? appImages : orthancImages;
                    browser.driver.get(page);
                    browser.waitFor(d -> "ready".equals(d.findElement(org.openqa.selenium.By.id("viewer")).getAttribute("data-state")) ? true : null);
                    browser.driver.executeScript("""
                            performance.clearMarks();
                            const v = document.createElement('calibra-viewer');
                            v.id = 'bench-viewer';
                            v.style.cssText = 'position:fixed;left:0;top:0;width:800px;height:700px;z-index:1000';
                            v.modality = 'CT';
                            v.images = arguments[0];
                            document.body.appendChild(v);
                            """, images);
                    var viewer = new WebDriverWait(browser.driver, Duration.ofSeconds(300)).until(d -> {
                        var v = d.findElement(org.openqa.selenium.By.id("bench-viewer"));
                        return v.getAttribute("data-all-loaded") != null || "error".equals(v.getAttribute("data-state")) ? v : null;
                    });
                    if (!String.valueOf(SLICES).equals(viewer.getAttribute("data-all-loaded"))) {
                        throw new IllegalStateException(target + ": the viewer loaded " + viewer.getAttribute("data-all-loaded") + " of " + SLICES
                                + " images (state " + viewer.getAttribute("data-state") + "): " + viewer.getText());
                    }
                    @SuppressWarnings("unchecked")
                    List<Number> marks = (List<Number>) browser.driver.executeScript("""
                            const t = (n) => performance.getEntriesByName(n).at(-1).startTime;
                            return [t('calibra-first-image') - t('calibra-stack-start'), t('calibra-all-loaded') - t('calibra-stack-start'),
                                    Number(document.getElementById('bench-viewer').dataset.allLoaded)];""");
                    runs.get(target).add(new double[] {marks.get(0).doubleValue(), marks.get(1).doubleValue(), marks.get(2).doubleValue()});
                }
            }
        }
        double[] medians = new double[4];
        int k = 0;
        for (var e : runs.entrySet()) {
            double first = median(e.getValue().stream().mapToDouble(x -> x[0]).toArray());
            double all = median(e.getValue().stream().mapToDouble(x -> x[1]).toArray());
            medians[k++] = first;
            medians[k++] = all;
            result.append(String.format("| %s | %.0f | %.0f | %s |%n", e.getKey(), first, all, e.getValue().stream()
                    .map(x -> String.format("%.0f/%.0f (%d images)", x[0], x[1], (int) x[2])).toList()));
        }
        result.append(String.format("%nRatios app / Orthanc (time, lower is faster): first image %.2f×, whole series %.2f×.%n",
                medians[0] / medians[2], medians[1] / medians[3]));
        return result.toString();
    }

    private static final int INSTANCE_NUMBER = 0x00200013;
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /**
     * The instances the app serves for the case version, found through its QIDO-RS (the UIDs are the de-identified ones):
     * their RetrieveURLs by InstanceNumber.
     */
    static Map<Integer, String> servedInstances(HttpClient http, String base, long version) throws Exception {
        String search = base + "/dicomweb/cases/" + version + "/instances?includefield=InstanceNumber";
        var r = http.send(HttpRequest.newBuilder(URI.create(search)).header("Accept", "application/dicom+json").build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("QIDO-RS " + search + " answered " + r.statusCode() + ": " + r.body());
        }
        Map<Integer, String> urls = new TreeMap<>();
        for (var instance : JSON.readTree(r.body())) {
            String url = instance.path("00081190").path("Value").path(0).asString("");
            String number = instance.path("00200013").path("Value").path(0).asString("");
            if (url.isEmpty() || urls.put(instanceNumber(number, url), url) != null) {
                throw new IllegalStateException("QIDO-RS " + search + " gave an instance without a RetrieveURL or a repeated InstanceNumber: " + instance);
            }
        }
        return urls;
    }

    private static int instanceNumber(String value, String of) {
        try {
            return Integer.parseInt(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(of + " has no whole-number InstanceNumber (0020,0013): '" + value + "'", e);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** An HTTP client signed in to the app through its login form (session cookie). */
    static HttpClient login(String base, String user) throws Exception {
        var cookies = new CookieManager();
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        // the sign-in post needs the CSRF token of the sign-in page, as Vaadin's login form sends it
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        var token = java.util.regex.Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("the sign-in page carries no CSRF token");
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in as " + user + " failed: " + r.statusCode());
        }
        return http;
    }

    record Result(int requests, long bytes, double seconds, double p50, double p99) {
        double perSecond() {
            return requests / seconds;
        }

        String row(String server, String request) {
            return String.format("| %s | %s | %.0f | %.0f | %.1f | %.1f |%n", server, request, perSecond(), bytes / seconds / 1e6, p50, p99);
        }
    }

    /** CONNECTIONS threads share one list of URLs (ROUNDS times over), each request's body read to the end and discarded. */
    record LoadClient(List<HttpClient> browsers) {
        LoadClient(HttpClient http) {
            this(List.of(http));
        }

        /** The client of connection {@code c}: with one browser per connection, a balancer spreads them over its nodes. */
        HttpClient http() {
            return browsers.getFirst();
        }

        Result run(List<String> urls, String accept) throws Exception {
            once(urls, accept, Math.max(1, (WARM_UP_REQUESTS + urls.size() - 1) / urls.size())); // warm-up: JIT, connections, page cache
            return once(urls, accept, ROUNDS);
        }

        private Result once(List<String> urls, String accept, int rounds) throws Exception {
            var next = new AtomicInteger();
            var bytes = new AtomicLong();
            var latencies = new ConcurrentLinkedQueue<Double>();
            var failures = new ConcurrentLinkedQueue<String>();
            int total = urls.size() * rounds;
            long start = System.nanoTime();
            var threads = new ArrayList<Thread>();
            for (int c = 0; c < CONNECTIONS; c++) {
                HttpClient http = browsers.get(c % browsers.size());
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long t = System.nanoTime();
                        try {
                            var request = HttpRequest.newBuilder(URI.create(urls.get(i % urls.size()))).header("Accept", accept).build();
                            HttpResponse<InputStream> r;
                            try {
                                r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                            } catch (java.io.IOException closed) { // Orthanc closes keep-alive connections idle for 1 s
                                r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                            }
                            try (InputStream body = r.body()) {
                                bytes.addAndGet(body.transferTo(OutputStream.nullOutputStream()));
                            }
                            if (r.statusCode() != 200) {
                                failures.add(r.statusCode() + " " + urls.get(i % urls.size()));
                            }
                        } catch (Exception e) {
                            failures.add(e + " " + urls.get(i % urls.size()));
                        }
                        latencies.add((System.nanoTime() - t) / 1e6);
                    }
                }));
            }
            for (var t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!failures.isEmpty()) {
                throw new IllegalStateException(failures.size() + " requests failed, e.g. " + failures.peek());
            }
            double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Result(total, bytes.get(), seconds, sorted[sorted.length / 2], sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]);
        }
    }
}
