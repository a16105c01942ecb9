package org.calibra.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An embedded PostgreSQL with the app's Flyway migrations applied, for tests where several processes (app nodes)
 * share one database: they connect by {@link #url()} as user and password "postgres".
 */
public final class MigratedPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final String url;
    private final JdbcTemplate jdbc;

    private MigratedPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.url = postgres.getJdbcUrl("postgres", "postgres");
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load().migrate();
        this.jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    public static MigratedPostgres start() throws IOException {
        return new MigratedPostgres(EmbeddedPostgres.builder().start());
    }

    public String url() {
        return url;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** A connection of its own, e.g. to hold a lock while nodes start. */
    public Connection connection() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
