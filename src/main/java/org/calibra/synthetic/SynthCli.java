package org.calibra.synthetic;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.calibra.shared.content.ContentException;
import org.calibra.synthetic.Recipe.AiModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code ./calibra synth}: writes synthetic case bundles (docs/synthetic-cases.md).
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
              A recipe FILE holds 'id:' and 'synthetic:' (as in a case.yaml, sha256 not needed).
            """;

    private SynthCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path dir = null, recipeFile = null;
        int count = 10;
        long seed = 1;
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
                recipes.add(RecipeCodec.parse(block, id, recipeFile.toString()).recipe());
            } else {
                recipes.addAll(LibraryPlanner.plan(count, seed, mix, prefix, new AiModel(sens, fp, sep, slope, prev)));
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
