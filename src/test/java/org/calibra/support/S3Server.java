package org.calibra.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for tests: s3proxy (Maven Central {@code org.gaul:s3proxy:2.6.0}, its self-contained jar copied to
 * target/s3proxy/ by the build) as a separate java process on 127.0.0.1, keeping objects in a temporary folder (the
 * jclouds filesystem backend), so they survive {@link #stop()} and {@link #restart()} — an outage and recovery of the
 * object store. Its own process keeps s3proxy's Jetty and jclouds away from the application's classpath. Start one per
 * test class: a start takes a few seconds.
 *
 * <pre>
 * try (S3Server s3 = S3Server.start()) {
 *     // calibra.storage.type=s3, calibra.storage.s3.endpoint=s3.endpoint(), .bucket=s3.bucket(), .path-style=true,
 *     // .access-key=s3.accessKey(), .secret-key=s3.secretKey()
 *     s3.stop();     // connections refused from now on
 *     s3.restart();  // same port, same bucket and objects
 * }
 * </pre>
 */
public final class S3Server implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90); // a loaded 2-core machine takes ~10 s

    private final int port;
    private final Path dir;
    private final String bucket = "calibra-test";
    private final String accessKey = "calibra-access";
    private final String secretKey = "calibra-secret-" + UUID.randomUUID();
    private Process process;

    private S3Server(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    /** s3proxy on a free port of 127.0.0.1 with an empty bucket {@link #bucket()}. */
    public static S3Server start() throws IOException, InterruptedException {
        S3Server server = new S3Server(freePort(), Files.createTempDirectory("calibra-s3proxy"));
        Files.createDirectories(server.dir.resolve("objects"));
        server.launch();
        try (S3Client s3 = server.client()) {
            s3.createBucket(b -> b.bucket(server.bucket));
        }
        return server;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String bucket() {
        return bucket;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** An outage: the process is ended and the port refuses connections; the objects stay on disk. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Back after {@link #stop()}: the same port, bucket, keys and objects. */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /**
     * A client of this server (path-style, its keys), for tests that look at the bucket directly. Checksums only when
     * required, as the application's store does: s3proxy answers 501 to the SDK's default checksum headers.
     */
    public S3Client client() {
        return S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED).responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .endpointOverride(URI.create(endpoint())).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKey, secretKey))).build();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private void launch() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("calibra.s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("s3proxy is not at " + jar.toAbsolutePath() + "; the build copies it there in the"
                    + " process-test-resources phase (maven-dependency-plugin, org.gaul:s3proxy:2.6.0:jar-with-dependencies)");
        }
        Path properties = dir.resolve("s3proxy.properties");
        Files.writeString(properties, """
                s3proxy.endpoint=%s
                s3proxy.authorization=aws-v2-or-v4
                s3proxy.identity=%s
                s3proxy.credential=%s
                jclouds.provider=filesystem
                jclouds.filesystem.basedir=%s
                """.formatted(endpoint(), accessKey, secretKey, dir.resolve("objects")));
        Path log = dir.resolve("s3proxy.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toAbsolutePath().toString(),
                "--properties", properties.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy exited at start-up (port " + port + " taken?): " + Files.readString(log));
            }
            try {
                HTTP.send(HttpRequest.newBuilder(URI.create(endpoint() + "/")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                return; // any HTTP answer (403 without a signature) means it listens
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        stop();
        throw new IllegalStateException("s3proxy did not answer on " + endpoint() + " within " + START_TIMEOUT.toSeconds() + " s: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
