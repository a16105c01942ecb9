package org.calibra.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.calibra.casebank.content.CaseBundle;
import org.calibra.casebank.content.CaseBundleReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed starter library under cases/synth-*: every recipe regenerates to its sha256 (this is the
 * cross-machine reproducibility check, and the proof that the codec's writer still writes the pinned bytes) and
 * the library covers both kinds, normal and abnormal, difficulty 1 to 5, and AI suggestions that are right and wrong.
 */
class StarterLibraryTest {

    private static List<Path> folders() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("cases"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("synth-")).sorted().toList();
        }
    }

    @Test
    void every_committed_synthetic_case_regenerates_exactly_and_the_library_is_varied(@TempDir Path emptyCache) throws IOException {
        List<Path> folders = folders();
        assertThat(folders).hasSizeGreaterThanOrEqualTo(40);
        Set<String> modalities = new TreeSet<>();
        Set<Integer> difficulties = new TreeSet<>();
        int normal = 0, abnormal = 0, aiMissed = 0, aiFalseMark = 0, aiFound = 0;
        for (Path dir : folders) {
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).as("recipe-only " + dir).containsExactly("case.yaml");
            }
            // an empty cache: every recipe is generated now and checked against its sha256 (a warm ./data/synthetic would
            // only be hashed, and would not notice a generator or writer that no longer reproduces the bytes)
            CaseBundle b = CaseBundleReader.read(dir, "cases", emptyCache);
            var m = b.manifest();
            assertThat(m.tags()).contains("synthetic");
            modalities.add(m.modality());
            difficulties.add(m.difficulty());
            if (m.truth().findings().isEmpty()) {
                normal++;
            } else {
                abnormal++;
            }
            double minRadius = b.minAcceptanceRadiusMm();
            for (var lesion : m.truth().findings()) {
                double spacing = b.stack().get(lesion.imageIndex()).file().header().columnSpacingMm();
                double reach = Math.max(lesion.radiusPx(), minRadius / spacing);
                boolean found = m.ai().findings().stream().anyMatch(a -> a.imageIndex() >= lesion.firstImage() && a.imageIndex() <= lesion.lastImage()
                        && Math.hypot(a.x() - lesion.x(), a.y() - lesion.y()) <= reach);
                if (found) {
                    aiFound++;
                } else {
                    aiMissed++;
                }
            }
            aiFalseMark += (int) m.ai().findings().stream().filter(a -> m.truth().findings().stream().noneMatch(l ->
                    a.imageIndex() >= l.firstImage() && a.imageIndex() <= l.lastImage() && Math.hypot(a.x() - l.x(), a.y() - l.y()) <= 3 * l.radiusPx())).count();
        }
        assertThat(modalities).containsExactly("CT", "DX");
        assertThat(difficulties).containsExactly(1, 2, 3, 4, 5);
        assertThat(normal).isGreaterThanOrEqualTo(10);
        assertThat(abnormal).isGreaterThanOrEqualTo(20);
        assertThat(aiFound).isGreaterThan(10);
        assertThat(aiMissed).isGreaterThanOrEqualTo(3);
        assertThat(aiFalseMark).isGreaterThanOrEqualTo(3);
    }

    @Test
    void every_committed_recipe_is_in_the_library_the_test_above_regenerates() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("cases"))) {
            List<Path> withRecipe = s.filter(d -> Files.isRegularFile(d.resolve("case.yaml"))).filter(d -> {
                try {
                    return Files.readAllLines(d.resolve("case.yaml")).stream().anyMatch(l -> l.startsWith("synthetic:"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
            assertThat(withRecipe).isEqualTo(folders());
        }
    }

    @Test
    void no_committed_case_names_its_seed_outside_the_recipe_block() throws IOException {
        for (Path dir : folders()) {
            String yaml = Files.readString(dir.resolve("case.yaml"));
            long seed = tools.jackson.dataformat.yaml.YAMLMapper.builder().build().readTree(yaml).path("synthetic").path("seed").longValue();
            CaseTextTest.assertNoSeed(dir + "/case.yaml outside the recipe", CaseTextTest.withoutRecipe(yaml), seed);
        }
    }
}
