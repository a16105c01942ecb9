package org.calibra.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.calibra.shared.content.ContentException;
import org.calibra.support.ContentCopy;
import org.calibra.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Loading content is idempotent, versioned and all-or-nothing, against the real database schema. */
@IntegrationTest
class ContentLoaderIT {

    @Autowired ContentLoader loader;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_repository_content_is_loaded_at_start_up_and_loading_it_again_writes_nothing() {
        assertThat(count("case_item")).isEqualTo(caseFolders(Path.of("cases")));
        assertThat(count("curriculum")).isGreaterThanOrEqualTo(yamlFiles(Path.of("curricula"))); // other tests may add their own

        loader.load(Path.of("cases"), Path.of("curricula")); // other tests in this context may have loaded variants
        int versions = count("case_version");
        var summary = loader.load(Path.of("cases"), Path.of("curricula"));

        assertThat(summary.cases()).allSatisfy(s -> assertThat(s).endsWith("unchanged"));
        assertThat(summary.changedCurricula()).isEmpty();
        assertThat(count("case_version")).isEqualTo(versions);
    }

    @Test
    void a_changed_case_becomes_a_new_version_and_the_old_version_stays(@TempDir Path tmp) throws IOException {
        loader.load(Path.of("cases"), Path.of("curricula")); // the repository content is the latest version
        int before = latestVersion("ct-thoracic-spine-staging-normal");
        Path cases = ContentCopy.into(tmp);
        Path manifest = cases.resolve("ct-thoracic-spine-staging-normal/case.yaml");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("teachingPoints:\n", "teachingPoints:\n  - \"A point added in the next version.\"\n"));

        var summary = loader.load(cases, tmp.resolve("curricula"));

        assertThat(summary.cases()).contains("ct-thoracic-spine-staging-normal v" + (before + 1) + " new_version");
        assertThat(jdbc.queryForObject("select teaching_points from case_version v join case_item c on c.id = v.case_id "
                + "where c.slug = 'ct-thoracic-spine-staging-normal' and v.version = ?", String.class, before)).doesNotContain("added in the next");
        assertThat(jdbc.queryForObject("select teaching_points from case_version v join case_item c on c.id = v.case_id "
                + "where c.slug = 'ct-thoracic-spine-staging-normal' and v.version = ?", String.class, before + 1)).contains("added in the next");
        loader.load(Path.of("cases"), Path.of("curricula")); // back to the repository content for other tests
    }

    private int latestVersion(String slug) {
        return jdbc.queryForObject("select max(v.version) from case_version v join case_item c on c.id = v.case_id where c.slug = ?",
                Integer.class, slug);
    }

    @Test
    void a_broken_bundle_stops_the_load_names_file_and_field_and_nothing_is_written(@TempDir Path tmp) throws IOException {
        Path cases = ContentCopy.into(tmp);
        Path good = cases.resolve("mr-iac-schwannoma-detected/case.yaml");
        Files.writeString(good, Files.readString(good).replaceFirst("teachingPoints:\n", "teachingPoints:\n  - \"Would be v2.\"\n"));
        Path broken = cases.resolve("nm-bone-scan-injection-site/case.yaml");
        Files.writeString(broken, Files.readString(broken).replaceFirst("difficulty: \\d", "difficulty: 9"));
        int versions = count("case_version");

        assertThatThrownBy(() -> loader.load(cases, tmp.resolve("curricula")))
                .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("cases/nm-bone-scan-injection-site/case.yaml");
                    assertThat(p.field()).isEqualTo("difficulty");
                }));
        assertThat(count("case_version")).as("the valid change was not written either").isEqualTo(versions);
    }

    @Test
    void a_curriculum_naming_a_missing_case_is_rejected(@TempDir Path tmp) throws IOException {
        ContentCopy.into(tmp);
        Path curriculum = tmp.resolve("curricula/ai-reading-foundations.yaml");
        Files.writeString(curriculum, Files.readString(curriculum).replaceFirst("cases:\n(\\s+)- ", "cases:\n$1- no-such-case\n$1- "));

        assertThatThrownBy(() -> loader.load(tmp.resolve("cases"), tmp.resolve("curricula")))
                .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("curricula/ai-reading-foundations.yaml");
                    assertThat(p.field()).isEqualTo("modules[0].cases[0]");
                    assertThat(p.message()).contains("'no-such-case' is not a case in cases/");
                }));
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private static long caseFolders(Path cases) {
        try (Stream<Path> s = Files.list(cases)) {
            return s.filter(Files::isDirectory).count();
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    private static int yamlFiles(Path dir) {
        try (var files = java.nio.file.Files.list(dir)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".yaml")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
