package org.calibra.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.calibra.CalibraApplication;
import org.calibra.reading.ReadingService;
import org.calibra.support.ContentCopy;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default (an H2 file under the data folder) keeps reads across a restart, a restart
 * does not duplicate content, and a case changed between restarts becomes a new version while the
 * earlier read keeps pointing at the version it was made on.
 */
class RestartIT {

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void reads_survive_a_restart_and_point_at_the_case_version_they_were_made_on(@TempDir Path tmp) throws Exception {
        ContentCopy.into(tmp);
        Path data = tmp.resolve("data");
        long readId;
        long versionRead;
        try (var app = start(tmp, data)) {
            SignedIn.as("resident", "RESIDENT");
            var scenario = new ReadingScenario(app);
            var first = scenario.cases().getFirst();
            readId = scenario.readCorrectly(first).readId();
            versionRead = first.caseVersionId();
            SignedIn.clear();
        }
        assertThat(data.resolve("db")).isDirectory();

        Path manifest = tmp.resolve("cases/ct-thoracic-spine-staging-normal/case.yaml");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("teachingPoints:\n", "teachingPoints:\n  - \"Added after the read.\"\n"));

        try (var app = start(tmp, data)) {
            var jdbc = app.getBean(JdbcTemplate.class);
            int cases = org.calibra.support.ContentCopy.caseFolders(tmp.resolve("cases"));
            assertThat(jdbc.queryForObject("select count(*) from case_item", Integer.class)).isEqualTo(cases);
            assertThat(jdbc.queryForObject("select count(*) from case_version", Integer.class)).isEqualTo(cases + 1);
            assertThat(jdbc.queryForObject("select case_version_id from trainee_read where id = ?", Long.class, readId)).isEqualTo(versionRead);
            SignedIn.as("resident", "RESIDENT");
            assertThat(app.getBean(ReadingService.class).read(readId)).isPresent();
        }
    }

    private static ConfigurableApplicationContext start(Path content, Path data) {
        return new SpringApplication(CalibraApplication.class).run("--server.port=0", "--calibra.data-dir=" + data,
                "--calibra.content.cases-dir=" + content.resolve("cases"), "--calibra.content.curricula-dir=" + content.resolve("curricula"),
                "--logging.level.org.calibra=warn",
                "--calibra.synthetic.cache-dir=" + org.calibra.synthetic.SyntheticCases.defaultCacheRoot().toAbsolutePath()); // generated once, shared
    }
}
