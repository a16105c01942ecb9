package org.calibra.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.calibra.synthetic.Recipe;
import org.calibra.synthetic.SyntheticCaseGenerator;
import org.calibra.synthetic.SyntheticCases;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The load bench's content and accounts: one module of {@code cases} synthetic chest radiographs (512×512, one image
 * each, normal), read unaided; residents who have not read it yet. Only this content is loaded, so the nodes start fast
 * and nothing else competes for the cores.
 */
final class LoadContent {

    static final String MODULE = "load-module";

    private LoadContent() {
    }

    /** Writes cases/ and curricula/ under a new temporary folder and returns it. */
    static Path write(int cases) throws IOException {
        Path content = Files.createTempDirectory("bench-load-content");
        Path casesDir = Files.createDirectories(content.resolve("cases"));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= cases; i++) {
            String id = String.format("load-cxr-%02d", i);
            var recipe = new Recipe(id, Recipe.Kind.CHEST_RADIOGRAPH, 2026 + i, Recipe.RadiographParameters.standard(List.of()),
                    Recipe.AiModel.standard());
            SyntheticCases.writeBundle(SyntheticCaseGenerator.generate(recipe, id + "/case.yaml"), casesDir, true);
            ids.add(id);
        }
        Files.createDirectories(content.resolve("curricula"));
        Files.writeString(content.resolve("curricula/load.yaml"), """
                schemaVersion: 1
                id: load
                title: "Load bench"
                description: "The concurrent-readers bench's module."
                certificate: {title: "Load bench", validityMonths: 12, competencies: ["Load"]}
                modules:
                  - id: %s
                    title: "Load bench"
                    description: "Radiographs, read unaided."
                    readingMode: unaided
                    cases: [%s]
                    minimumCases: %d
                    thresholds: [{metric: specificity, min: 0.5}]
                """.formatted(MODULE, String.join(", ", ids), cases));
        return content;
    }

    /**
     * Resident accounts {@code prefix0 … prefix(count-1)} of the default institution, password = username, stored as
     * {@code {noop}} so that signing in costs the nodes no password hashing (the bench times reads, not sign-ins).
     */
    static void createResidents(DataSource db, String prefix, int count) {
        var jdbc = new JdbcTemplate(db);
        long institution = jdbc.queryForObject("select min(id) from institution", Long.class);
        var rows = new ArrayList<Object[]>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {prefix + i, "Load resident " + i, "{noop}" + prefix + i, institution});
        }
        jdbc.batchUpdate("insert into user_account (username, display_name, password_hash, role, enabled, created_at, institution_id) "
                + "values (?, ?, ?, 'RESIDENT', true, current_timestamp, ?)", rows);
    }

    static long moduleId(DataSource db) {
        return new JdbcTemplate(db).queryForObject("select max(id) from curriculum_module where slug = ?", Long.class, MODULE);
    }

    static long storedReads(DataSource db) {
        return new JdbcTemplate(db).queryForObject("select count(*) from trainee_read", Long.class);
    }
}
