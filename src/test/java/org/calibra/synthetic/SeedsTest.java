package org.calibra.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.calibra.casebank.content.CaseBundleReader;
import org.calibra.synthetic.Recipe.AiModel;
import org.calibra.synthetic.Recipe.RadiographParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Seeds (ADR 0008, amendment of 2026-12-05): without --seed every case gets its own unguessable 64-bit seed,
 * never the same twice and never in the small range a search could cover; --seed S reproduces the same cases
 * (public fixtures, the demo library); recipes hold any 64-bit seed through the loader's schema and codec.
 */
class SeedsTest {

    @TempDir
    Path tmp;

    private static long seedOf(Path caseYaml) {
        return YAMLMapper.builder().build().readTree(caseYaml.toFile()).path("synthetic").path("seed").longValue();
    }

    /** case id to seed, of every case.yaml under {@code dir}. */
    private static Map<String, Long> seeds(Path dir) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path d : s.toList()) {
                out.put(d.getFileName().toString(), seedOf(d.resolve("case.yaml")));
            }
        }
        return out;
    }

    private record Run(int exit, String out, String err) {}

    private static Run synth(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = SynthCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void secret_seeds_are_64_bit_never_repeat_and_never_fall_in_the_searchable_range() {
        var seeds = LibraryPlanner.secretSeeds(new SecureRandom());
        Set<Long> seen = new HashSet<>();
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (int i = 0; i < 20_000; i++) {
            long s = seeds.caseSeed(i);
            assertThat(seen.add(s)).as("seed %d drawn twice", s).isTrue();
            assertThat(Math.abs((double) s)).as("seed %d", s).isGreaterThanOrEqualTo(0x1p32);
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        // all 64 bits are used: both signs, and values near both ends of the range
        assertThat(min).isLessThan(-(1L << 62));
        assertThat(max).isGreaterThan(1L << 62);
    }

    @Test
    void a_secret_draw_that_repeats_or_is_small_is_drawn_again() {
        long big = 0x7A3F_0000_1234_5678L;
        var scripted = new SecureRandom() {
            final long[] values = {big, 5, -(1L << 31), (1L << 32) - 1, big, big + 1};
            int next;

            @Override
            public long nextLong() {
                return values[next++];
            }
        };
        var seeds = LibraryPlanner.secretSeeds(scripted);
        assertThat(seeds.caseSeed(0)).isEqualTo(big);
        assertThat(seeds.caseSeed(1)).as("5, -2^31, 2^32-1 are searchable; big is a repeat").isEqualTo(big + 1);
    }

    @Test
    void synth_without_seed_gives_every_case_a_new_64_bit_seed() throws IOException {
        Run a = synth("--out", tmp.resolve("a").toString(), "--count", "4", "--kind", "radiograph", "--recipe-only");
        Run b = synth("--out", tmp.resolve("b").toString(), "--count", "4", "--kind", "radiograph", "--recipe-only");
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(a.err()).doesNotContain("public");
        List<Long> all = new ArrayList<>(seeds(tmp.resolve("a")).values());
        all.addAll(seeds(tmp.resolve("b")).values());
        assertThat(all).hasSize(8).doesNotHaveDuplicates()
                .allSatisfy(s -> assertThat(LibraryPlanner.searchable(s)).as("seed %d is searchable", s).isFalse());
        // the seeds are written nowhere but the recipe block, and the command's output does not print them
        for (long s : all) {
            assertThat(a.out() + b.out()).doesNotContain(Long.toString(s));
        }
    }

    @Test
    void synth_with_seed_is_reproducible_and_says_the_cases_are_public() throws IOException {
        Run a = synth("--out", tmp.resolve("a").toString(), "--count", "5", "--kind", "radiograph", "--seed", "99", "--recipe-only");
        Run b = synth("--out", tmp.resolve("b").toString(), "--count", "5", "--kind", "radiograph", "--seed", "99", "--recipe-only");
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.err()).contains(SynthCli.PUBLIC_SEED_WARNING);
        Map<String, Long> seeds = seeds(tmp.resolve("a"));
        assertThat(seeds).hasSize(5).isEqualTo(seeds(tmp.resolve("b")));
        for (String id : seeds.keySet()) {
            assertThat(tmp.resolve("b").resolve(id).resolve("case.yaml")).hasSameTextualContentAs(tmp.resolve("a").resolve(id).resolve("case.yaml"));
        }
        var planned = LibraryPlanner.publicSeeds(99);
        assertThat(seeds.values()).containsExactly(planned.caseSeed(0), planned.caseSeed(1), planned.caseSeed(2), planned.caseSeed(3), planned.caseSeed(4));
    }

    @Test
    void the_documented_command_still_writes_the_committed_starter_library() throws IOException {
        // docs/synthetic-cases.md: ./calibra synth --out cases --count 42 --seed 2026 --recipe-only
        Run run = synth("--out", tmp.toString(), "--count", "42", "--seed", "2026", "--recipe-only");
        assertThat(run.exit()).as(run.err()).isZero();
        try (Stream<Path> s = Files.list(Path.of("cases"))) {
            List<Path> committed = s.filter(p -> p.getFileName().toString().startsWith("synth-")).sorted().toList();
            assertThat(committed).hasSize(42);
            for (Path dir : committed) {
                assertThat(tmp.resolve(dir.getFileName()).resolve("case.yaml")).as(dir.toString()).hasSameTextualContentAs(dir.resolve("case.yaml"));
            }
        }
    }

    @Test
    void a_recipe_file_without_a_seed_gets_a_secret_one_and_a_small_seed_draws_a_note() throws IOException {
        String recipe = """
                id: synth-own-001
                synthetic:
                  generator: calibra-synthetic
                  generatorVersion: 1
                  kind: chest-radiograph
                %s  parameters:
                    rows: 512
                    columns: 512
                    pixelSpacingMm: 0.7
                    noise: 0.012
                    lesions: []
                  ai:
                    sensitivity: 0.8
                    falsePositivesPerCase: 0.35
                    separation: 1.8
                    calibrationSlope: 0.7
                    markPrevalence: 0.6
                """;
        Path withoutSeed = Files.writeString(tmp.resolve("own.yaml"), recipe.formatted(""));
        Run a = synth("--out", tmp.resolve("a").toString(), "--recipe", withoutSeed.toString(), "--recipe-only");
        Run b = synth("--out", tmp.resolve("b").toString(), "--recipe", withoutSeed.toString(), "--recipe-only");
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.err()).isEmpty();
        long sa = seedOf(tmp.resolve("a/synth-own-001/case.yaml")), sb = seedOf(tmp.resolve("b/synth-own-001/case.yaml"));
        assertThat(sa).isNotEqualTo(sb);
        assertThat(LibraryPlanner.searchable(sa)).isFalse();

        Path smallSeed = Files.writeString(tmp.resolve("small.yaml"), recipe.formatted("  seed: 12345\n"));
        Run c = synth("--out", tmp.resolve("c").toString(), "--recipe", smallSeed.toString(), "--recipe-only");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.err()).contains("seed 12345 is small enough");
        assertThat(seedOf(tmp.resolve("c/synth-own-001/case.yaml"))).isEqualTo(12345);
    }

    @Test
    void any_64_bit_seed_passes_the_schema_and_the_codec_and_loads() {
        var secret = LibraryPlanner.secretSeeds(new SecureRandom());
        int n = 0;
        for (long seed : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -1, secret.caseSeed(0), secret.caseSeed(1)}) {
            String id = "synth-seed-" + n++;
            var recipe = new Recipe(id, Recipe.Kind.CHEST_RADIOGRAPH, seed, RadiographParameters.standard(List.of()), AiModel.standard());
            var generated = SyntheticCaseGenerator.generate(recipe, "test");
            try {
                SyntheticCases.writeBundle(generated, tmp.resolve("cases"), false);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertThat(seedOf(tmp.resolve("cases").resolve(id).resolve("case.yaml"))).isEqualTo(seed);
            var bundle = CaseBundleReader.read(tmp.resolve("cases").resolve(id), "cases", tmp.resolve("cache"));
            assertThat(bundle.files().getFirst().bytes()).as("seed %d", seed).isEqualTo(generated.files().get("image.dcm"));
        }
    }
}
