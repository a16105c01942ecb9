package org.calibra.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.calibra.support.RenderedPage;
import org.junit.jupiter.api.Test;

/**
 * Memory per session by Vaadin's documented method: the production jar (the boot jar in target/) in its own JVM, warmed
 * up by sessions that are then expired, its live heap measured after a full GC with 0 sessions and again with N sessions
 * open on the reading view — each a resident signed in with a fresh cookie jar (a new HTTP session) who opened a case
 * of the demo module in the reading view over Vaadin's own request protocol (the page, {@code ?v-r=init}, the
 * navigation). The difference over N is the heap one session holds. The live heap is read over JMX (the bench attaches
 * to the app's JVM and starts its local management agent): {@code MemoryMXBean.gc()} — {@code System.gc()}, a full
 * compacting collection with G1 — then {@code HeapMemoryUsage.used}, the least of three rounds; the class histogram is
 * the diagnostic command {@code GC.class_histogram} (what {@code jcmd <pid> GC.class_histogram} prints, after its own
 * full GC). Writes target/bench/memory-per-session.md. {@code -Dbench.smoke=true} (./calibra test): 3 sessions after 1
 * warm-up session; asserts only that it worked — N Vaadin sessions open, each UIDL showing the reading view.
 */
class MemoryPerSessionBench {

    static final boolean SMOKE = Boolean.getBoolean("bench.smoke");
    static final int SESSIONS = Integer.getInteger("bench.sessions", SMOKE ? 3 : 60);
    static final int WARM_UP_SESSIONS = Integer.getInteger("bench.warmUpSessions", SMOKE ? 1 : 20);
    static final String HEAP = System.getProperty("bench.heap", "1g");
    static final Duration START = Duration.ofMinutes(5);
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE);
    private static final List<String> VAADIN_CLASSES = List.of("org.apache.catalina.session.StandardSession", "com.vaadin.flow.server.VaadinSession",
            "com.vaadin.flow.component.UI", "com.vaadin.flow.component.internal.UIInternals", "com.vaadin.flow.internal.StateNode");

    @Test
    void live_heap_per_session_on_the_reading_view() throws Exception {
        Path jar = bootJar();
        int port = freePort();
        int management = freePort();
        Path log = Files.createTempFile("bench-memory-app-", ".log");
        Path content = demoContent();
        Path data = Files.createTempDirectory("bench-memory-data");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + HEAP,
                "-jar", jar.toString(), "--server.port=" + port, "--management.server.port=" + management,
                "--calibra.data-dir=" + data,
                // H2 in mixed mode, so the bench can look up which case the resident opens while the app holds the file
                "--spring.datasource.url=" + h2(data),
                "--calibra.content.cases-dir=" + content.resolve("cases"), "--calibra.content.curricula-dir=" + content.resolve("curricula"),
                // sessions live until the bench ends them; every one is a sign-in from 127.0.0.1, which must not be rate-limited
                "--server.servlet.session.timeout=240m", "--calibra.security.login-rate-limit.capacity=100000",
                "--calibra.security.login-rate-limit.per-minute=100000",
                // Tomcat's session manager as an MBean: the bench expires the warm-up sessions through it
                "--server.tomcat.mbeanregistry.enabled=true", "--logging.level.root=warn"));
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitUp(app, "http://127.0.0.1:" + management + "/actuator/health/readiness", log); // ready: content loaded too
            try (var jvm = AppJvm.attach(app.pid())) {
                String route = readingRoute(data);
                List<RenderedPage> warmUp = openSessions(port, route, WARM_UP_SESSIONS);
                jvm.expireAllSessions();
                warmUp.clear();
                awaitVaadinSessions(management, 0);
                long zero = jvm.liveHeap();
                Map<String, long[]> histogramZero = jvm.histogram();

                List<RenderedPage> open = openSessions(port, route, SESSIONS);
                awaitVaadinSessions(management, SESSIONS);
                long withSessions = jvm.liveHeap();
                Map<String, long[]> histogramN = jvm.histogram();
                if (open.size() != SESSIONS) {
                    throw new IllegalStateException("opened " + open.size() + " of " + SESSIONS + " sessions");
                }
                report(route, zero, withSessions, histogramZero, histogramN);
            }
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    private static void report(String route, long zero, long withSessions, Map<String, long[]> before, Map<String, long[]> after) throws IOException {
        double perSession = (withSessions - zero) / (double) SESSIONS;
        var out = new StringBuilder();
        out.append(SMOKE ? "Smoke run (sizes too small to mean anything). " : "").append("Measured ").append(Instant.now()).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, load average ")
                .append(String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append("; the boot jar with -Xmx").append(HEAP).append(", ").append(WARM_UP_SESSIONS)
                .append(" warm-up sessions opened and expired first; every session a resident on /").append(route).append(".\n\n")
                .append("| sessions | live heap after full GC, MB |\n|---|---|\n")
                .append(String.format(Locale.ROOT, "| 0 | %.1f |%n| %d | %.1f |%n%n", zero / 1e6, SESSIONS, withSessions / 1e6))
                .append(String.format(Locale.ROOT, "**%.0f KB per session** (%.0f sessions per GB of heap).%n%n", perSession / 1024,
                        (1024.0 * 1024 * 1024) / perSession));
        out.append("Instances with ").append(SESSIONS).append(" sessions, less those with 0:\n\n| class | instances | per session | KB per session |\n|---|---|---|---|\n");
        for (String c : VAADIN_CLASSES) {
            long[] delta = delta(before, after, c);
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f |%n", c, delta[0], delta[0] / (double) SESSIONS, delta[1] / 1024.0 / SESSIONS));
        }
        out.append("\nThe ten classes that grew most (shallow bytes):\n\n| class | instances | KB per session |\n|---|---|---|\n");
        after.keySet().stream().sorted(Comparator.comparingLong((String c) -> -delta(before, after, c)[1])).limit(10)
                .forEach(c -> out.append(String.format(Locale.ROOT, "| %s | %d | %.1f |%n", c.replace("|", "\\|"), delta(before, after, c)[0],
                        delta(before, after, c)[1] / 1024.0 / SESSIONS)));
        System.out.println("\n" + out);
        Path file = Path.of("target/bench/memory-per-session.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }

    private static long[] delta(Map<String, long[]> before, Map<String, long[]> after, String c) {
        long[] b = before.getOrDefault(c, new long[2]);
        long[] a = after.getOrDefault(c, new long[2]);
        return new long[] {a[0] - b[0], a[1] - b[1]};
    }

    /** The reading view of a case of the demo module, where the module page's "Start module" leads. */
    private static String readingRoute(Path data) throws Exception {
        try (var db = DriverManager.getConnection(h2(data), "sa", "")) {
            ResultSet module = db.createStatement().executeQuery("select id from curriculum_module where slug = 'first-reads'");
            if (!module.next()) {
                throw new IllegalStateException("the demo module first-reads is not loaded");
            }
            long moduleId = module.getLong(1);
            String firstCase = "ct-thoracic-spine-staging-normal"; // the module's first case (curricula/ai-reading-foundations.yaml)
            var version = db.prepareStatement("select max(v.id) from case_version v join case_item i on v.case_id = i.id where i.slug = ?");
            version.setString(1, firstCase);
            ResultSet v = version.executeQuery();
            if (!v.next() || v.getLong(1) == 0) {
                throw new IllegalStateException("no version of the demo case " + firstCase);
            }
            return "read/" + moduleId + "/" + v.getLong(1);
        }
    }

    private static String h2(Path data) {
        return "jdbc:h2:file:" + data.resolve("db/calibra").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    }

    /** Each a new HTTP session: a resident signs in and opens the reading view (its UIDL must carry the viewer). */
    private static List<RenderedPage> openSessions(int port, String route, int count) {
        List<RenderedPage> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var session = RenderedPage.signIn(port, "resident");
            String uidl = session.uidl(route);
            if (!uidl.contains("calibra-viewer")) {
                throw new IllegalStateException("session " + i + " did not get the reading view:\n" + uidl.substring(0, Math.min(uidl.length(), 2000)));
            }
            sessions.add(session);
        }
        return sessions;
    }

    /** Until the app's own gauge of open Vaadin sessions (docs/metrics.md) says {@code expected}. */
    private static void awaitVaadinSessions(int management, int expected) throws Exception {
        var http = HttpClient.newHttpClient();
        var gauge = Pattern.compile("^calibra_vaadin_sessions_active\\{[^}]*\\} (\\S+)$", Pattern.MULTILINE);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = gauge.matcher(last);
            if (m.find() && (int) Double.parseDouble(m.group(1)) == expected) {
                return;
            }
            Thread.sleep(200);
        }
        Matcher m = gauge.matcher(last);
        throw new IllegalStateException("expected " + expected + " open Vaadin sessions, the app says " + (m.find() ? m.group(1) : "nothing"));
    }

    private static void awaitUp(Process app, String url, Path log) throws Exception {
        var http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!app.isAlive() || System.nanoTime() > deadline) {
                String out = Files.readString(log);
                throw new IllegalStateException("the app did not start within " + START + " [" + log + "]:\n" + out.substring(Math.max(0, out.length() - 4000)));
            }
            Thread.sleep(250);
        }
    }

    /** The executable jar Spring Boot's plugin built in the package phase (not the plain one beside it). */
    private static Path bootJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("calibra-.*\\.jar") && !f.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no boot jar in target/: run the package phase first (mvn verify does)"));
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Only the demo curriculum of the reading module and its seven cases: the app starts sooner, and the heap holds less else. */
    private static Path demoContent() throws IOException {
        return org.calibra.support.ContentCopy.demoOnly("bench-memory-content");
    }

    /** The app's JVM over JMX, through its local management agent (started by attaching to it). */
    static final class AppJvm implements AutoCloseable {
        private final JMXConnector connector;
        private final MBeanServerConnection mbeans;

        private AppJvm(JMXConnector connector) throws IOException {
            this.connector = connector;
            this.mbeans = connector.getMBeanServerConnection();
        }

        static AppJvm attach(long pid) throws Exception {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                return new AppJvm(JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent())));
            } finally {
                vm.detach();
            }
        }

        /** Heap in use right after a full GC, the least of three rounds (what is left is live). */
        long liveHeap() throws Exception {
            var memory = new ObjectName(ManagementFactory.MEMORY_MXBEAN_NAME);
            long least = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                mbeans.invoke(memory, "gc", null, null);
                least = Math.min(least, (Long) ((CompositeData) mbeans.getAttribute(memory, "HeapMemoryUsage")).get("used"));
            }
            return least;
        }

        /** Live instances and shallow bytes by class (GC.class_histogram, after its own full GC). */
        Map<String, long[]> histogram() throws Exception {
            String text = (String) mbeans.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Map<String, long[]> byClass = new HashMap<>();
            Matcher row = HISTOGRAM_ROW.matcher(text);
            while (row.find()) {
                byClass.merge(row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
            return byClass;
        }

        /** Ends every HTTP session through Tomcat's session manager, as their timeout would. */
        void expireAllSessions() throws Exception {
            var managers = mbeans.queryNames(new ObjectName("*:type=Manager,*"), null);
            if (managers.isEmpty()) {
                throw new IllegalStateException("Tomcat's session manager is not registered as an MBean");
            }
            for (ObjectName manager : managers) {
                String ids = (String) mbeans.invoke(manager, "listSessionIds", null, null);
                for (String id : ids.isBlank() ? new String[0] : ids.strip().split("\\s+")) {
                    mbeans.invoke(manager, "expireSession", new Object[] {id}, new String[] {String.class.getName()});
                }
            }
        }

        @Override
        public void close() throws IOException {
            connector.close();
        }
    }
}
