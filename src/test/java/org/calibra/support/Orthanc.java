package org.calibra.support;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Orthanc with its DICOMweb plugin (Debian {@code orthanc}, {@code orthanc-dicomweb}) on 127.0.0.1, storage in a
 * temporary folder, stopped by its process handle. Without Orthanc a test is skipped locally and fails under CI=true
 * (.ci/run installs it). docs/dicomweb.md and bench/dicomweb.sh use the same settings.
 */
public final class Orthanc implements AutoCloseable {

    private static final Path EXE = Path.of("/usr/sbin/Orthanc");
    private static final Path PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path dir;

    private Orthanc(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Skips (locally) or fails (CI=true) when Orthanc or its DICOMweb plugin is not installed. */
    public static void requireInstalled() {
        if (Files.isExecutable(EXE) && Files.isRegularFile(PLUGIN)) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("Orthanc is not installed, but CI=true: .ci/run must install it (apt-get install orthanc orthanc-dicomweb)");
        }
        assumeTrue(false, "Orthanc with its DICOMweb plugin is not installed; skipped locally");
    }

    public static Orthanc start(int port) throws IOException, InterruptedException {
        requireInstalled();
        Path dir = Files.createTempDirectory("calibra-orthanc");
        Path config = dir.resolve("orthanc.json");
        Files.writeString(config, """
                {"Name": "calibra-test", "HttpPort": %d, "RemoteAccessAllowed": false, "DicomServerEnabled": false,
                 "AuthenticationEnabled": false, "StorageDirectory": "%s", "IndexDirectory": "%s", "ConcurrentJobs": 1,
                 "Plugins": ["%s"], "DicomWeb": {"Enable": true, "Root": "/dicom-web/", "StudiesMetadata": "MainDicomTags"}}
                """.formatted(port, dir.resolve("db"), dir.resolve("db"), PLUGIN));
        Process p = new ProcessBuilder(EXE.toString(), config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("orthanc.log").toFile()).start();
        var orthanc = new Orthanc(p, port, dir);
        for (int i = 0; i < 100; i++) {
            if (!p.isAlive()) {
                fail("Orthanc exited at start-up (port " + port + " taken?): " + Files.readString(dir.resolve("orthanc.log")));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(orthanc.base() + "/system")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return orthanc;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        orthanc.close();
        throw new IllegalStateException("Orthanc did not answer on port " + port + " within 20 s");
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The DICOMweb service root, as a case's {@code dicomweb.url}. */
    public String dicomWebRoot() {
        return base() + "/dicom-web";
    }

    public void upload(byte[] dicom) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base() + "/instances")).POST(HttpRequest.BodyPublishers.ofByteArray(dicom)).build();
        HttpResponse<String> r;
        try {
            r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException closed) {
            // Orthanc closes idle keep-alive connections after 1 s; the client may have picked such a one
            r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Orthanc refused an instance: " + r.statusCode() + " " + r.body());
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
