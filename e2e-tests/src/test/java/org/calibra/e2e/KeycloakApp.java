package org.calibra.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A second Calibra, from the built jar, with the {@code keycloak} profile on one of the ports the realm's client lists
 * as redirect URIs (8181–8183), a fresh data folder and no demo content (the journeys are about signing in).
 */
final class KeycloakApp implements AutoCloseable {

    private static final int[] PORTS = {8181, 8182, 8183};

    final String baseUrl;
    private final Process process;
    private final Path data;

    private KeycloakApp(String baseUrl, Process process, Path data) {
        this.baseUrl = baseUrl;
        this.process = process;
        this.data = data;
    }

    static KeycloakApp start(String keycloakUrl) throws Exception {
        int port = freePort();
        Path jar = jar();
        Path data = Files.createTempDirectory("calibra-kc-e2e");
        Path log = Path.of("target", "keycloak-e2e-app-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", jar.toString(), "--spring.profiles.active=keycloak", "--server.port=" + port,
                "--calibra.data-dir=" + data, "--calibra.content.load-on-startup=false", "--calibra.keycloak.url=" + keycloakUrl));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var app = new KeycloakApp("http://localhost:" + port, process, data);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!app.answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                app.close();
                throw new IllegalStateException("Calibra with the keycloak profile did not start; see " + log.toAbsolutePath());
            }
            Thread.sleep(250);
        }
        return app;
    }

    private boolean answers() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/signed-out")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        for (int port : PORTS) {
            try (var socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
                return port;
            } catch (IOException taken) {
                // next one
            }
        }
        throw new IllegalStateException("ports 8181-8183 (the realm's redirect URIs for tests) are all taken");
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("calibra-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/calibra-*.jar: run 'package' first (./calibra test does)"));
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
