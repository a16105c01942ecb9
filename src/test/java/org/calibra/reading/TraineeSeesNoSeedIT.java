package org.calibra.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.calibra.casebank.CaseService;
import org.calibra.curriculum.CurriculumService;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.IntegrationTest;
import org.calibra.support.RecordTexts;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Issue 11 item 2: a synthetic case's seed reproduces its lesions with the public generator, so nothing a
 * resident can open names it — not the module's case list, not the case as the reading view gets it (title,
 * history, model card, labels), and not the teaching points the feedback page shows after the read. Only the
 * recipe block of case.yaml (staff) holds it (ADR 0008, amendment of 2026-12-05).
 */
@IntegrationTest
class TraineeSeesNoSeedIT {

    @Autowired ApplicationContext context;
    @Autowired CaseService cases;
    @Autowired ReadingService reading;
    @Autowired CurriculumService curricula;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    /** slug to seed of every bundled synthetic case, from its recipe block. */
    private static Map<String, Long> bundledSeeds() throws IOException {
        Map<String, Long> seeds = new TreeMap<>();
        var yaml = YAMLMapper.builder().build();
        try (Stream<Path> dirs = Files.list(Path.of("cases"))) {
            for (Path dir : dirs.filter(d -> Files.exists(d.resolve("case.yaml"))).toList()) {
                var tree = yaml.readTree(dir.resolve("case.yaml").toFile());
                if (tree.has("synthetic")) {
                    seeds.put(tree.path("id").asString(), tree.path("synthetic").path("seed").longValue());
                }
            }
        }
        return seeds;
    }

    private static List<String> texts(Object value) {
        return RecordTexts.of(value);
    }

    private static void assertNoSeed(String what, List<String> texts, Collection<Long> seeds) {
        assertThat(texts).as(what).isNotEmpty();
        for (String t : texts) {
            assertThat(t.toLowerCase(Locale.ROOT)).as(what + ": the word 'seed'").doesNotContain("seed");
            for (long seed : seeds) {
                assertThat(t).as(what + ": seed " + seed).doesNotContain(Long.toString(seed).replace("-", ""));
            }
        }
    }

    @Test
    void no_case_list_case_for_reading_or_teaching_point_names_a_generator_seed() throws IOException {
        Map<String, Long> seeds = bundledSeeds();
        assertThat(seeds).hasSizeGreaterThanOrEqualTo(40);
        TestAccounts.create(context, "seed-hunter", Role.RESIDENT);
        SignedIn.as("seed-hunter", "RESIDENT");

        // every bundled synthetic case, as the reading view gets it before the read and the feedback page after it
        for (var e : seeds.entrySet()) {
            long versionId = cases.latestVersionId(e.getKey()).orElseThrow();
            var kase = cases.forReading(versionId).orElseThrow();
            assertNoSeed(e.getKey() + " for reading", texts(kase), List.of(e.getValue()));
            assertThat(kase.synthetic()).isTrue();
            assertThat(kase.title()).as("still says it is synthetic").endsWith("(synthetic)");
            assertNoSeed(e.getKey() + " teaching points", cases.truth(versionId).orElseThrow().teachingPoints(), List.of(e.getValue()));
        }

        // each module's case list and each case the resident may open there, through the reading service
        int entries = 0, opened = 0;
        for (var module : curricula.listCurricula().stream().flatMap(c -> c.modules().stream()).toList()) {
            List<ModuleCaseEntry> list = reading.cases(module.id());
            for (ModuleCaseEntry entry : list) {
                if (!seeds.containsKey(entry.slug())) {
                    continue;
                }
                entries++;
                assertNoSeed(module.slug() + " case list", texts(entry), seeds.values());
                var open = reading.openCase(module.id(), entry.caseVersionId());
                if (open.isPresent()) {
                    opened++;
                    assertNoSeed(module.slug() + "/" + entry.slug() + " opened", texts(open.get()), List.of(seeds.get(entry.slug())));
                }
            }
        }
        assertThat(entries).as("synthetic cases in the resident's module lists").isGreaterThanOrEqualTo(20);
        assertThat(opened).as("synthetic cases the resident could open").isGreaterThanOrEqualTo(20);
    }
}
