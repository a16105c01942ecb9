package org.calibra.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real Keycloak for the Keycloak journeys, started with scripts/keycloak.sh (fetched from Maven Central once,
 * realm-config/calibra-realm.json imported). One already running on the port is reused and left running; one this
 * class started is stopped by the script, by its PID.
 */
final class KeycloakServer implements AutoCloseable {

    static final int PORT = Integer.getInteger("calibra.e2e.keycloak.port", 8180);
    static final String URL = "http://127.0.0.1:" + PORT;

    private final boolean startedHere;
    final Duration startTime;

    private KeycloakServer(boolean startedHere, Duration startTime) {
        this.startedHere = startedHere;
        this.startTime = startTime;
    }

    static boolean realmReady() {
        try {
            var response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(URI.create(URL + "/realms/calibra/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static KeycloakServer ensureRunning() throws Exception {
        if (realmReady()) {
            return new KeycloakServer(false, Duration.ZERO);
        }
        long t0 = System.nanoTime();
        script("start");
        if (!realmReady()) {
            throw new IllegalStateException("Keycloak did not come up on " + URL + " (see ~/.cache/calibra/keycloak/run-" + PORT + "/keycloak.log)");
        }
        return new KeycloakServer(true, Duration.ofNanos(System.nanoTime() - t0));
    }

    private static void script(String command) throws Exception {
        var pb = new ProcessBuilder(Path.of("scripts/keycloak.sh").toAbsolutePath().toString(), command).inheritIO();
        pb.environment().put("CALIBRA_KEYCLOAK_PORT", Integer.toString(PORT));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        int exit = pb.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("scripts/keycloak.sh " + command + " exited with " + exit);
        }
    }

    @Override
    public void close() throws Exception {
        if (startedHere) {
            script("stop");
        }
    }
}
