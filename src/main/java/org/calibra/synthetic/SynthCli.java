package org.calibra.synthetic;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.calibra.shared.content.ContentException;
import org.calibra.synthetic.Recipe.AiModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code ./calibra synth}: writes synthetic case bundles (docs/synthetic-cases.md). Without {@code --seed} every
 * case gets a secret 64-bit seed ({@link LibraryPlanner#secretSeeds}); {@code --seed S} makes public,
 * reproducible cases ({@link LibraryPlanner#publicSeeds}) for fixtures and demos, and says so on stderr.
 * <pre>
 * ./calibra synth --out DIR [--count N] [--seed S] [--kind mixed|ct|radiograph] [--prefix synth]
 *                 [--recipe-only] [--sensitivity 0.8] [--fp-per-case 0.35] [--separation 1.8]
 *                 [--calibration-slope 0.7] [--mark-prevalence 0.6]
 * ./calibra synth --out DIR --recipe FILE.yaml [--recipe-only]
 * </pre>
 */
public final class SynthCli {

    static final String USAGE = """
            usage: synth --out DIR [--count N] [--seed S] [--kind mixed|ct|radiograph] [--prefix synth] [--recipe-only]
                         [--sensitivity P] [--fp-per-case L] [--separation D] [--calibration-slope B] [--mark-prevalence P]
                   synth --out DIR --recipe FILE.yaml [--recipe-only]
              Writes DIR/<case-id>/case.yaml with the DICOM images and AI heatmaps beside it, or with --recipe-only
              just the case.yaml (the app regenerates the files from its synthetic block on load).
              A recipe FILE holds 'id:' and 'synthetic:' (as in a case.yaml, sha256 not needed; without 'seed:' it
              gets a secret one).
              Seeds: without --seed each case gets its own secret 64-bit seed, kept only in the synthetic block of its
              case.yaml (staff only). --seed S is for reproducible fixtures and demos: S reproduces every case and its
              truth with this public generator, so cases made with it must not be used to certify anyone.
            """;

    static final String PUBLIC_SEED_WARNING = "synth: note: --seed makes reproducible, public cases: anyone with the seed and"
            + " this generator recomputes their truth. Use them for fixtures and demonstrations; leave --seed out for cases"
            + " that certify (docs/synthetic-cases.md, Seeds).";

    private SynthCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path dir = null, recipeFile = null;
        int count = 10;
        Long seed = null; // none: secret seeds
        String prefix = "synth";
        boolean recipeOnly = false;
        LibraryPlanner.Mix mix = LibraryPlanner.Mix.MIXED;
        AiModel d = AiModel.standard();
        double sens = d.sensitivity(), fp = d.falsePositivesPerCase(), sep = d.separation(), slope = d.calibrationSlope(), prev = d.markPrevalence();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--out" -> dir = Path.of(args[++i]);
                    case "--recipe" -> recipeFile = Path.of(args[++i]);
                    case "--count" -> count = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--prefix" -> prefix = args[++i];
                    case "--recipe-only" -> recipeOnly = true;
                    case "--kind" -> mix = LibraryPlanner.Mix.valueOf(args[++i].toUpperCase(Locale.ROOT));
                    case "--sensitivity" -> sens = Double.parseDouble(args[++i]);
                    case "--fp-per-case" -> fp = Double.parseDouble(args[++i]);
                    case "--separation" -> sep = Double.parseDouble(args[++i]);
                    case "--calibration-slope" -> slope = Double.parseDouble(args[++i]);
                    case "--mark-prevalence" -> prev = Double.parseDouble(args[++i]);
                    case "-h", "--help" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'");
                }
            }
            if (dir == null) {
                throw new IllegalArgumentException("--out DIR is required");
            }
            if (count < 1 || !prefix.matches("[a-z0-9][a-z0-9-]{0,40}")) {
                throw new IllegalArgumentException("--count must be >= 1 and --prefix lowercase letters, digits and '-'");
            }
        } catch (RuntimeException e) {
            err.println("synth: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        List<Recipe> recipes = new ArrayList<>();
        try {
            if (recipeFile != null) {
                JsonNode tree = YAMLMapper.builder().build().readTree(Files.readAllBytes(recipeFile));
                String id = tree.path("id").asString("");
                if (!id.matches("[a-z0-9-]{3,64}")) {
                    err.println("synth: " + recipeFile + ": id: '" + id + "' must be 3-64 lowercase letters, digits or '-'");
                    return 1;
                }
                JsonNode block = tree.get("synthetic");
                if (block instanceof ObjectNode o && !o.has("seed")) {
                    o.put("seed", LibraryPlanner.secretSeeds(new SecureRandom()).caseSeed(0));
                }
                Recipe recipe = RecipeCodec.parse(block, id, recipeFile.toString()).recipe();
                if (LibraryPlanner.searchable(recipe.seed())) {
                    err.println("synth: note: " + recipeFile + ": seed " + recipe.seed() + " is small enough to be found by trying"
                            + " every seed against the images; leave 'seed:' out for a secret one unless the case may be public");
                }
                recipes.add(recipe);
            } else {
                var seeds = seed == null ? LibraryPlanner.secretSeeds(new SecureRandom()) : LibraryPlanner.publicSeeds(seed);
                if (seed != null) {
                    err.println(PUBLIC_SEED_WARNING);
                }
                recipes.addAll(LibraryPlanner.plan(count, seeds, mix, prefix, new AiModel(sens, fp, sep, slope, prev)));
            }
            for (Recipe r : recipes) {
                long t0 = System.nanoTime();
                var g = SyntheticCaseGenerator.generate(r, r.caseId());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                SyntheticCases.writeBundle(g, dir, !recipeOnly);
                long tp = g.ai().marks().stream().filter(m -> m.lesionId() != null).count();
                out.printf(Locale.ROOT, "%-16s %-16s difficulty %d  lesions %d  AI: %d TP, %d FN, %d FP, score %.3f  (%d ms)%n",
                        r.caseId(), r.kind().yaml, CaseYamlWriter.difficulty(g), g.truth().size(), tp, g.ai().missed().size(),
                        g.ai().marks().size() - tp, g.ai().score(), ms);
            }
        } catch (ContentException e) {
            e.problems().forEach(p -> err.println("synth: " + p));
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("synth: " + e.getMessage());
            return 1;
        }
        return 0;
    }
}
