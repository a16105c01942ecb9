package org.calibra.operations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An embedded PostgreSQL that can be stopped and started again as the same server: the same data folder, kept between
 * runs, and the same port, so the application's connection URL stays right across the restart.
 */
final class RestartablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres running;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static RestartablePostgres start() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var postgres = new RestartablePostgres(Files.createTempDirectory("calibra-restarted-pg"), port);
        postgres.startAgain();
        return postgres;
    }

    /** Starts the stopped server on its data folder and port (initialised on the first start only). */
    void startAgain() throws IOException {
        running = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port).start();
    }

    /** Stops the server as an administrator's restart does (pg_ctl stop, fast): open sessions are ended, nothing committed is lost. */
    void stop() throws IOException {
        running.close();
        running = null;
    }

    String url() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(running.getPostgresDatabase());
    }

    @Override
    public void close() throws IOException {
        if (running != null) {
            stop();
        }
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
